import CMariaDB
import Foundation
import Logging

/// A fixed set of OS threads, each with its own MariaDB connection, behind an `async` face.
///
/// Connector/C blocks, so its calls never run on a SwiftNIO event loop or on Swift's
/// cooperative pool: ``withConnection(_:)`` queues the closure for one of the pool's threads and
/// suspends the caller until it has run.
///
/// ```swift
/// let card = try await pool.withConnection { try $0.cards.find(serial: 2_100_000_001) }
/// ```
public final class ConnectionPool: Sendable {
    /// Where the connections go.
    public let settings: DatabaseSettings
    /// How many threads (and connections) the pool has.
    public let threadCount: Int
    private let queue = JobQueue()
    private let finished: DispatchGroup
    private let logger: Logger

    /// Starts `threads` threads; each connects on its first job.
    public init(settings: DatabaseSettings, threads: Int = 8, logger: Logger = Logger(label: "tvcas.database")) {
        MariaDBLibrary.ensureInitialised()
        self.settings = settings
        self.threadCount = max(1, threads)
        self.logger = logger
        let finished = DispatchGroup()
        self.finished = finished
        for index in 0..<threadCount {
            finished.enter()
            let queue = self.queue
            let thread = Thread {
                Thread.current.name = "tvcas-db-\(index)"
                PoolThreadMarker.markCurrentThread()
                mysql_thread_init()
                let connection = Connection(settings: settings)
                while let job = queue.take() { job.run(connection) }
                connection.close()
                mysql_thread_end()
                finished.leave()
            }
            thread.start()
        }
    }

    /// A pool dropped without ``shutdown()`` still lets its threads finish and exit.
    deinit { queue.close() }

    /// Runs `body` on one of the pool's threads with that thread's connection and returns its
    /// result. `body` blocks that thread, never the caller's.
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let accepted = queue.put(
                PoolJob { connection in
                    do {
                        continuation.resume(returning: try body(connection))
                    } catch {
                        continuation.resume(throwing: error)
                    }
                })
            if !accepted { continuation.resume(throwing: DatabaseError.poolClosed) }
        }
    }

    /// Runs `body` on one of the pool's threads and blocks the calling thread until it is done:
    /// for code on threads of its own (never on an event loop or in a task).
    public func withConnectionBlocking<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let accepted = queue.put(
            PoolJob { connection in
                box.result = Result { try body(connection) }
                done.signal()
            })
        guard accepted else { throw DatabaseError.poolClosed }
        done.wait()
        return try box.result!.get()
    }

    /// Finishes the queued work, closes every connection and stops the threads.
    public func shutdown() {
        queue.close()
        finished.wait()
    }

    var log: Logger { logger }

    /// Whether the calling code runs on a thread of some connection pool (for assertions and tests).
    public static var isOnPoolThread: Bool { PoolThreadMarker.isMarked }
}
