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
