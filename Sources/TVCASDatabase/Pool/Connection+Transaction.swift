import Logging

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
