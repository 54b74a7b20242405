/// How a write transaction ended.
public enum TransactionOutcome<Value: Sendable>: Sendable {
    /// This call committed it; the block's result.
    case committed(Value)
    /// A replay met its own request id in `tvcas_requests`: an earlier attempt (or an earlier
    /// call with the same id) committed, so nothing was done again. The block's result is not
    /// known.
    case alreadyCommitted

    /// The block's result when this call committed, nil when it had committed earlier.
    public var value: Value? {
        if case .committed(let value) = self { return value }
        return nil
    }
}
