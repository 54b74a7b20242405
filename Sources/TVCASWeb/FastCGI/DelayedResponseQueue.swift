import Foundation
import Logging

/// Sends responses whose ``Response/delay`` has not passed yet, from one thread of its own, so
/// that the worker that built them serves the next request at once (the API's 3-second penalty
/// on a wrong key holds no worker).
final class DelayedResponseQueue: @unchecked Sendable {
    private struct Entry {
        let due: ContinuousClock.Instant
        let exchange: FastCGIExchange
        let response: Response
    }

    private let condition = NSCondition()
    private var entries: [Entry] = []
    private var stopping = false
    private let logger: Logger
    private let finished = DispatchSemaphore(value: 0)

    init(logger: Logger) {
        self.logger = logger
        let thread = Thread { [self] in run() }
        thread.name = "tvcas-web-delay"
        thread.start()
    }

    /// Sends `response` on `exchange` once `delay` has passed; takes ownership of the exchange.
    func schedule(_ exchange: FastCGIExchange, _ response: Response, after delay: Duration) {
        let entry = Entry(due: .now + delay, exchange: exchange, response: response)
        condition.lock()
        let index = entries.firstIndex { $0.due > entry.due } ?? entries.endIndex
        entries.insert(entry, at: index)
        condition.signal()
        condition.unlock()
    }

    /// Sends what is still waiting (each at its time) and stops the thread.
    func drainAndStop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
        finished.wait()
    }

    private func run() {
        condition.lock()
        while true {
            if entries.isEmpty {
                if stopping { break }
                condition.wait()
                continue
            }
            let first = entries[0]
            let now = ContinuousClock.now
            if first.due > now {
                let seconds = Double((first.due - now).components.seconds) + Double((first.due - now).components.attoseconds) / 1e18
                _ = condition.wait(until: Date().addingTimeInterval(seconds))
                continue
            }
            entries.removeFirst()
            condition.unlock()
            do {
                try first.exchange.send(first.response)
            } catch {
                logger.debug("client left before a delayed response", metadata: ["error": "\(error)"])
            }
            first.exchange.finishAndRelease()
            condition.lock()
        }
        condition.unlock()
        finished.signal()
    }
}
