import Foundation

/// A listening socket handed to `tvcas web` on fd 0, as systemd's socket activation with
/// `StandardInput=socket` (and inetd, and Debian's fcgiwrap setup) does.
///
/// When fd 0 is a listening socket (`SO_ACCEPTCONN`), ``FastCGIServer`` accepts on it and ignores
/// `[web] listen`: nothing is opened, chmod-ed or unlinked, and on stop the socket is left
/// listening (it belongs to systemd, which keeps queueing connections for the next start).
/// Idle workers are woken by ``wakeSignal`` instead of shutting the socket down.
enum InheritedListeningSocket {
    /// The descriptor an inherited socket arrives on.
    static let descriptor: Int32 = 0

    /// The signal that interrupts a worker's `accept()` when stopping; its handler does nothing.
    static let wakeSignal = SIGUSR2

    /// Whether fd 0 is a socket in the listening state.
    static var isPresent: Bool {
        var accepting: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(descriptor, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &length) == 0 else { return false }
        return accepting != 0
    }

    /// Installs the do-nothing handler for ``wakeSignal`` (without `SA_RESTART`, so that a blocked
    /// `accept()` returns `EINTR`).
    static func installWakeHandler() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(wakeSignal, &action, nil)
    }

    /// Lets ``wakeSignal`` reach the calling thread (threads started from Dispatch's block it).
    static func acceptWakeSignalOnThisThread() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, wakeSignal)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}
