import Logging

extension ConnectionPool {
    /// Runs `body` as one write transaction, as decisions.md §9 says.
    ///
    /// The transaction first inserts `requestID` into `tvcas_requests`, then runs `body`, then
    /// commits. On a deadlock or Galera certification conflict (1213) and on a lost connection
    /// (before or at COMMIT) the whole block runs again from the start on a fresh transaction,
    /// after a jittered backoff, at most `retry.maxAttempts` times. A replay that meets its own
    /// request id (1062) stops there: the earlier attempt committed (``TransactionOutcome/alreadyCommitted``).
    ///
    /// `body` may therefore run more than once: it must only touch the database, and must let
    /// database errors propagate. Any other error rolls back and is rethrown as is.
    public func transaction<T: Sendable>(
        requestID: RequestID = .random(),
        retry: RetryPolicy = .standard,
        _ body: @escaping @Sendable (Connection) throws -> T
    ) async throws -> TransactionOutcome<T> {
        let logger = log
        return try await withConnection { connection in
            try connection.runTransaction(requestID: requestID, retry: retry, logger: logger, body)
        }
    }
}

extension Connection {
    /// The retry loop of ``ConnectionPool/transaction(requestID:retry:_:)`` on this connection,
    /// for code that owns a connection on its own thread.
    public func runTransaction<T>(
        requestID: RequestID = .random(),
        retry: RetryPolicy = .standard,
        logger: Logger? = nil,
        _ body: (Connection) throws -> T
    ) throws -> TransactionOutcome<T> {
        var attempt = 0
        while true {
            attempt += 1
            let failure: DatabaseError
            do {
                return try attemptTransaction(requestID: requestID, body)
            } catch let error as DatabaseError {
                rollbackQuietly()
                guard error.isDeadlock || error.isConnectionLoss else { throw error }
                failure = error
            } catch {
                rollbackQuietly()
                throw error
            }
            guard attempt < retry.maxAttempts else { throw DatabaseError.retriesExhausted(attempts: attempt, last: failure) }
            logger?.notice(
                "transaction retried", metadata: ["request_id": "\(requestID)", "attempt": "\(attempt + 1)", "error": "\(failure)"])
            retry.wait(beforeAttempt: attempt + 1)
        }
    }

    /// One attempt: the request id, the block, COMMIT.
    private func attemptTransaction<T>(requestID: RequestID, _ body: (Connection) throws -> T) throws -> TransactionOutcome<T> {
        try begin()
        let recorded: Bool
        do {
            try execute("INSERT INTO tvcas_requests (request_id, done_at) VALUES (?, UNIX_TIMESTAMP())", [requestID.value])
            recorded = true
        } catch {
            guard error.isDuplicateKey else { throw error }
            recorded = false
        }
        guard recorded else {
            rollbackQuietly()
            return .alreadyCommitted
        }
        let value = try body(self)
        try commit()
        return .committed(value)
    }
}
