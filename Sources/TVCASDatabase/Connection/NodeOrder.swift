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
        var generator = SplitMix64(state: seed)
        return nodes.shuffled(using: &generator)
    }
}

/// SplitMix64: a small seeded generator (the order must not change between connections).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
