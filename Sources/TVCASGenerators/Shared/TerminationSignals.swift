import Dispatch
import Foundation
import Synchronization

/// SIGTERM and SIGINT as something a daemon can await: the default action (exit at once) is
/// replaced so the daemon can stop accepting, close its connections and leave in order.
public final class TerminationSignals: Sendable {
    private let state = Mutex<(received: Int32?, waiters: [CheckedContinuation<Int32, Never>])>((nil, []))
    nonisolated(unsafe) private var sources: [any DispatchSourceSignal] = []

    /// Starts watching SIGTERM and SIGINT.
    public init() {
        var made: [any DispatchSourceSignal] = []
        for signalNumber in [SIGTERM, SIGINT] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in self?.deliver(signalNumber) }
            source.resume()
            made.append(source)
        }
        sources = made
    }

    /// The signal received so far, if any.
    public var received: Int32? { state.withLock { $0.received } }

    /// Waits for the first signal and returns its number.
    public func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            let already = state.withLock { state -> Int32? in
                if let received = state.received { return received }
                state.waiters.append(continuation)
                return nil
            }
            if let already { continuation.resume(returning: already) }
        }
    }

    private func deliver(_ signalNumber: Int32) {
        let waiters = state.withLock { state -> [CheckedContinuation<Int32, Never>] in
            if state.received == nil { state.received = signalNumber }
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: signalNumber) }
    }
}
