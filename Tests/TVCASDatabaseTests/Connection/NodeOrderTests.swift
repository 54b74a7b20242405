import Testing

@testable import TVCASDatabase

/// The per-process order of a cluster's nodes.
@Suite("NodeOrder")
struct NodeOrderTests {
    static let nodes = (1...5).map { DatabaseSettings.Node(host: "db\($0)", port: 3306) }

    @Test("a permutation of the list, the same for every connection of the process")
    func stablePermutation() {
        let order = NodeOrder.forThisProcess(Self.nodes)
        #expect(Set(order.map(\.host)) == Set(Self.nodes.map(\.host)))
        #expect(order.count == Self.nodes.count)
        #expect(NodeOrder.forThisProcess(Self.nodes) == order)
    }

    @Test("different processes (seeds) start at different nodes")
    func seedsSpreadFirstNodes() {
        let firsts = Set((1...64).map { NodeOrder.shuffled(Self.nodes, seed: UInt64($0)).first!.host })
        #expect(firsts.count == Self.nodes.count)
        #expect(NodeOrder.shuffled([Self.nodes[0]], seed: 7) == [Self.nodes[0]])
    }
}
