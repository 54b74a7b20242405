import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Makes a child die with the supervisor, even one killed with SIGKILL: the kernel sends the
/// child SIGKILL when the thread that spawned it ends (`prctl(PR_SET_PDEATHSIG)`, Linux), and
/// the setting survives `execve`. The generators need to do nothing for it.
///
/// `prctl` is variadic in C, so Swift cannot import it; it is looked up with `dlsym` and called
/// with its five integer arguments, which the Linux calling conventions pass the same way to a
/// variadic function.
public enum ParentDeath {
    private typealias PrctlFunction = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
    private static let setParentDeathSignal: Int32 = 1  // PR_SET_PDEATHSIG

    /// Asks for SIGKILL when the parent dies; false where that is not possible.
    public static func requestKillOnParentDeath() -> Bool {
        #if os(Linux)
            guard let symbol = dlsym(nil, "prctl") else { return false }
            let prctl = unsafeBitCast(symbol, to: PrctlFunction.self)
            return prctl(setParentDeathSignal, UInt(SIGKILL), 0, 0, 0) == 0
        #else
            return false
        #endif
    }

    /// The helper's work: sets the parent-death signal, gives up when the parent `parent` is
    /// already gone (it died before the signal was set), then replaces this process with
    /// `arguments`. Returns only on failure, with the reason.
    public static func execute(_ arguments: [String], parent: Int32) -> String {
        guard let path = arguments.first else { return "no command" }
        guard requestKillOnParentDeath() else { return "prctl(PR_SET_PDEATHSIG) failed" }
        if getppid() != parent { exit(0) }
        // This runs on a Swift concurrency thread, whose signal mask blocks most signals, and
        // the mask survives `execve`: the generator must start with SIGTERM deliverable.
        var empty = sigset_t()
        sigemptyset(&empty)
        pthread_sigmask(SIG_SETMASK, &empty, nil)
        for number in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD, SIGQUIT, SIGUSR1, SIGUSR2] { signal(number, SIG_DFL) }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        execv(path, argv)
        return "cannot execute \(path): \(String(cString: strerror(errno)))"
    }
}
