import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Starts child processes with `posix_spawn` and reaps them with `waitpid`, without Foundation's
/// `Process` (which reaps on its own). Each child gets default signal handling and an empty
/// signal mask (the supervisor ignores SIGTERM and SIGINT to handle them itself), its own process
/// group (a Ctrl-C at the terminal reaches the supervisor, which stops the children in order),
/// and no descriptor of the supervisor's beyond 0–2.
///
/// Call ``spawn(_:)`` from one thread that lives as long as the supervisor: the parent-death
/// signal fires when the spawning thread ends.
public enum ChildSpawner {
    /// Starts `arguments` (the first is the program's path) and returns its process id.
    public static func spawn(_ arguments: [String]) throws(SupervisorError) -> Int32 {
        guard let path = arguments.first else { throw .cannotSpawn("", reason: "empty command") }
        var fileActions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&fileActions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&fileActions)
            posix_spawnattr_destroy(&attributes)
        }
        closeFrom3(&fileActions)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD, SIGQUIT, SIGUSR1, SIGUSR2] { sigaddset(&defaults, signal) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &fileActions, &attributes, argv, environ)
        guard result == 0 else { throw .cannotSpawn(path, reason: String(cString: strerror(result))) }
        return pid
    }

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// `posix_spawn_file_actions_addclosefrom_np(actions, 3)` (glibc 2.34+, not in Swift's Glibc
    /// module): the child gets none of the supervisor's sockets, so a listening port never
    /// outlives the supervisor in a child.
    private static func closeFrom3(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>) {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(actions, 3)
    }

    /// How `pid` ended, or nil while it runs.
    public static func reap(_ pid: Int32) -> ChildExit? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid { return ChildExit(waitStatus: status) }
        if result < 0 && errno == ECHILD { return .signal(0) }
        return nil
    }

    /// Sends `signal` to `pid` (only a child of ours, tracked by pid: never by name).
    public static func send(_ signal: Int32, to pid: Int32) {
        _ = kill(pid, signal)
    }
}
