import Foundation
import Synchronization

/// The SCS connections of one ECMG, for the `peers` column and the CW log's `sock`
/// (simulcrypt.md §2.7, decisions.md §3).
///
/// Each connection gets a `sock` number when it opens; the handlers count its CW_provisions and
/// ECM_responses here; the database worker takes a ``snapshot(now:)`` once a second. A closed
/// connection stays in the snapshot for 15 s, as the original's entries did.
public final class ECMGPeerRegistry: Sendable {
    /// One connection as the panels show it.
    public struct Peer: Hashable, Sendable {
        /// `"<ip>:<port>"` of the SCS.
        public var address: String
        /// The connection's number inside the daemon.
        public var sock: UInt32
        /// CW_provisions received.
        public var cwCount: UInt64
        /// ECM_responses sent.
        public var ecmCount: UInt64
        /// When the connection closed (Unix seconds), `nil` while it is open.
        public var closedAt: UInt32?
    }

    /// How long a closed connection stays listed, in seconds (the original's 15 s).
    public static let closedPeerSeconds: UInt32 = 15

    private let peers = Mutex<[UInt32: Peer]>([:])
    private let lastSock = Atomic<UInt32>(0)

    /// An empty registry.
    public init() {}

    /// Registers a new connection from `address` and returns its `sock` number (1, 2, …).
    public func open(address: String) -> UInt32 {
        var sock = lastSock.add(1, ordering: .relaxed).newValue
        if sock == 0 { sock = lastSock.add(1, ordering: .relaxed).newValue }
        peers.withLock { $0[sock] = Peer(address: address, sock: sock, cwCount: 0, ecmCount: 0, closedAt: nil) }
        return sock
    }

    /// Counts a CW_provision and, when `answered`, the ECM_response sent for it.
    public func countProvision(sock: UInt32, answered: Bool) {
        peers.withLock { table in
            table[sock]?.cwCount += 1
            if answered { table[sock]?.ecmCount += 1 }
        }
    }

    /// Marks the connection closed at `now`.
    public func close(sock: UInt32, now: UInt32) {
        peers.withLock { $0[sock]?.closedAt = now }
    }

    /// The number of open connections.
    public var openCount: Int { peers.withLock { $0.values.count { $0.closedAt == nil } } }

    /// The open connections and those closed in the last 15 s, by `sock`; older closed ones are
    /// forgotten.
    public func snapshot(now: UInt32) -> [Peer] {
        peers.withLock { table in
            table = table.filter { _, peer in
                guard let closedAt = peer.closedAt else { return true }
                return now < closedAt || now - closedAt <= Self.closedPeerSeconds
            }
            return table.values.sorted { $0.sock < $1.sock }
        }
    }

    /// The `peers` column's JSON (decisions.md §3): an object keyed by `"<ip>:<port>"`, each
    /// value `{"time", "cw_count", "ecm_count", "sock"}` as the original's serialized array; `time`
    /// is `now` for an open connection and its close time for a closed one.
    public static func json(_ peers: [Peer], now: UInt32) -> String {
        var object: [String: PeerJSON] = [:]
        for peer in peers {
            object[peer.address] = PeerJSON(time: peer.closedAt ?? now, cwCount: peer.cwCount, ecmCount: peer.ecmCount, sock: peer.sock)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(object) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    private struct PeerJSON: Encodable {
        var time: UInt32
        var cwCount: UInt64
        var ecmCount: UInt64
        var sock: UInt32

        enum CodingKeys: String, CodingKey {
            case time
            case cwCount = "cw_count"
            case ecmCount = "ecm_count"
            case sock
        }
    }
}
