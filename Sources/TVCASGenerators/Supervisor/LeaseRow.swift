/// The lease columns of a `tvcas_generator_state` row: who holds the run lease and until when
/// (the database server's unix time).
public struct LeaseRow: Hashable, Sendable {
    /// `host`: the holder ('' = none).
    public var host: String
    /// `lease_until`.
    public var leaseUntil: UInt32

    /// A lease row.
    public init(host: String, leaseUntil: UInt32) {
        self.host = host
        self.leaseUntil = leaseUntil
    }
}
