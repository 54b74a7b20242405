import Foundation

/// One connected peer of a generator, as its `peers` column holds it (schema.md: keyed by
/// `"<ip>:<port>"`, with `time`, `cw_count`, `ecm_count`, `sock`; an EMMG writes
/// `datagram_count` instead of the two counts).
struct GeneratorPeer: Sendable, Equatable {
    /// `"<ip>:<port>"`.
    var address: String
    /// When the generator last saw it (unix).
    var time: UInt32
    /// Control words provided (ECMG).
    var cwCount: Int64?
    /// ECMs answered (ECMG).
    var ecmCount: Int64?
    /// Datagrams sent (EMMG).
    var datagramCount: Int64?
    /// The connection's number inside the daemon (`tvcas_ecmg_log.sock`).
    var sock: UInt32?

    /// The peers in a `peers` value, JSON (ours) or PHP-serialized (the original's), by `sock`
    /// then address; empty for NULL, `''`, `{}` or a value that is neither.
    static func parse(_ text: String?) -> [GeneratorPeer] {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return [] }
        let peers = text.hasPrefix("{") ? fromJSON(text) : fromSerialized(text)
        return peers.sorted { ($0.sock ?? .max, $0.address) < ($1.sock ?? .max, $1.address) }
    }

    private static func fromJSON(_ text: String) -> [GeneratorPeer] {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else { return [] }
        return object.compactMap { address, value in
            guard let fields = value as? [String: Any] else { return nil }
            func number(_ name: String) -> Int64? { (fields[name] as? NSNumber)?.int64Value }
            return GeneratorPeer(
                address: address, time: UInt32(clamping: number("time") ?? 0), cwCount: number("cw_count"), ecmCount: number("ecm_count"),
                datagramCount: number("datagram_count"), sock: number("sock").map { UInt32(clamping: $0) })
        }
    }

    private static func fromSerialized(_ text: String) -> [GeneratorPeer] {
        guard case .array(let entries) = try? PHPUnserializer().parse(text) else { return [] }
        return entries.map { entry in
            GeneratorPeer(
                address: entry.key.text, time: UInt32(clamping: entry.value["time"]?.integer ?? 0), cwCount: entry.value["cw_count"]?.integer,
                ecmCount: entry.value["ecm_count"]?.integer, datagramCount: entry.value["datagram_count"]?.integer,
                sock: entry.value["sock"]?.integer.map { UInt32(clamping: $0) })
        }
    }
}
