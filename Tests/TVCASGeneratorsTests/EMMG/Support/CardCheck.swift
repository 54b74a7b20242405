import TVCASCore
import TVCASDatabase

/// Puts an EMM through a virtual card programmed for `row` (with other rights at first) and says
/// whether the card now holds the row's subscription.
enum CardCheck {
    static let settings = CardBinSettings(
        ident: try! CardIdent("0B00"), trademark: "TVCAS", ecmKey: try! ECMKey(hex: String(repeating: "0123456789ABCDEF", count: 4)),
        zone: .utc)

    /// Nil when the card applied the EMM and holds the row's access criteria, start and finish; else what went wrong.
    static func problem(emm: [UInt8], row: EMMCardRow) -> String? {
        guard let key = try? CardKey(hex: row.key), let start = row.start, let finish = row.finish else { return "row is invalid" }
        let before = CardSubscription(
            serial: CardSerial(rawValue: row.serialNo), accessCriteria: AccessCriteria(rawValue: 0), start: 1, finish: 2, pair: 0, type: 0)
        let bin = CardBin(card: before, key: key, settings: settings)
        guard var reader = try? CardReader(bin: bin.bytes) else { return "bad bin" }
        guard let answer = try? reader.send(emm: emm) else { return "card did not take the EMM" }
        guard answer.effect.outcome == .applied else { return "outcome \(answer.effect.outcome)" }
        let record = reader.card.record
        let accessCriteria = UInt32(row.accessCriteria, radix: 16)
        if record.accessCriteria != accessCriteria { return "access criteria \(record.accessCriteria) ≠ \(row.accessCriteria)" }
        if record.start != start { return "start \(record.start) ≠ \(start)" }
        if record.finish != finish &+ 1 { return "finish \(record.finish) ≠ \(finish) + 1" }
        return nil
    }
}
