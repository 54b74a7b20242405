/// The four loopback ports one Galera node listens on.
public struct GaleraNodePorts: Sendable, Equatable {
    /// The SQL port clients connect to.
    public var sql: Int
    /// The group-communication port (`gmcast.listen_addr`).
    public var galera: Int
    /// The incremental state transfer port (`ist.recv_addr`).
    public var ist: Int
    /// The rsync state snapshot transfer port (`wsrep_sst_receive_address`).
    public var sst: Int

    /// Four ports the kernel had free a moment ago.
    public static func free() -> GaleraNodePorts {
        var picked: Set<Int> = []
        func next() -> Int {
            while true {
                let port = freeLoopbackPort()
                if picked.insert(port).inserted { return port }
            }
        }
        return GaleraNodePorts(sql: next(), galera: next(), ist: next(), sst: next())
    }
}
