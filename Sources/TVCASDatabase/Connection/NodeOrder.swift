import TVCASCore

/// The order in which this process tries the nodes of a cluster: the configured list shuffled
/// once per process (Connector/C would always try it in order, sending every client to the
/// first node), the same for every connection of the process, so that one process writes through
/// one node and certification conflicts between its own connections stay rare.
enum NodeOrder {
    /// This process's random seed.
    private static let seed: UInt64 = .random(in: 1...UInt64.max)

    /// `nodes` in this process's order.
    static func forThisProcess(_ nodes: [DatabaseSettings.Node]) -> [DatabaseSettings.Node] {
        shuffled(nodes, seed: seed)
    }

    /// `nodes` shuffled by a generator started from `seed`: equal seeds give equal orders.
    static func shuffled(_ nodes: [DatabaseSettings.Node], seed: UInt64) -> [DatabaseSettings.Node] {
        guard nodes.count > 1 else { return nodes }
        var generator = SplitMix64(seed: seed)
        return nodes.shuffled(using: &generator)
    }
}
