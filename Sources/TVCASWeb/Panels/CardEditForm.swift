import TVCASCore
import TVCASDatabase

/// A posted card edit form applied to a card (panels.md §3.2, decisions.md §5): name, info,
/// packages (32 checkboxes or the 8-hex field: the field wins when it was changed), pair,
/// start, finish; the admin also protection (`type` 1 on, 2 off) and key. Only known fields
/// are read, whatever else is posted.
struct CardEditForm {
    /// The edited card.
    var card: Card
    /// The columns that changed.
    var changedColumns: [String]

    init(fields: PHPArray, card original: Card, role: PanelRole, dates: PanelDates) throws(CardEditError) {
        var card = original
        let text = { (name: String) in fields[name]?.text }
        if let name = text("name") {
            guard name.count <= 255 else { throw .nameTooLong }
            card.name = name
        }
        if let info = text("info") {
            guard info.count <= 255 else { throw .infoTooLong }
            card.info = info
        }
        var mask: UInt32 = 0
        for (_, value) in fields["pkg"]?.array?.entries ?? [] {
            guard let bitText = value.text, let bit = Int(bitText), (0..<32).contains(bit) else { throw .packageBit(value.text ?? "") }
            mask |= 1 << UInt32(bit)
        }
        var accessCriteria = AccessCriteria(rawValue: mask).hex
        let typed = (text("access_criteria") ?? "").uppercased()
        if !typed.isEmpty, typed != (text("ac_before") ?? "").uppercased() {
            guard typed.count == 8, Hex.isHexDigits(typed) else { throw .accessCriteria(typed) }
            accessCriteria = typed
        }
        card.accessCriteria = accessCriteria
        card.pair = text("pair") == "1" ? 1 : 0
        if let start = text("start") {
            guard let time = dates.parse(start) else { throw .start(start) }
            card.start = time
        }
        if let finish = text("finish") {
            guard let time = dates.parse(finish) else { throw .finish(finish) }
            card.finish = time
        }
        if role == .admin {
            card.type = text("type") == "1" ? 1 : 2
            if let key = text("key"), key != original.key {
                guard key.count == 32, Hex.isHexDigits(key) else { throw .key }
                card.key = key.uppercased()
            }
        }
        var changed: [String] = []
        if card.name != original.name { changed.append("name") }
        if card.info != original.info { changed.append("info") }
        if card.accessCriteria != original.accessCriteria { changed.append("access_criteria") }
        if card.pair != original.pair { changed.append("pair") }
        if card.start != original.start { changed.append("start") }
        if card.finish != original.finish { changed.append("finish") }
        if card.type != original.type { changed.append("type") }
        if card.key != original.key { changed.append("key") }
        self.card = card
        self.changedColumns = changed
    }
}
