import Foundation
import TVCASDatabase

extension PanelController {
    /// The values the quick toggle cycles through: `11111111`, `00000000` and every value in
    /// use, as plain sorted strings without repeats (panels.md §3.3 accepts the difference from
    /// PHP's numeric-looking sort; the repeats made the original stick on a value).
    static func accessCriteriaCycle(inUse: [String]) -> [String] {
        Array(Set(["11111111", "00000000"] + inUse)).sorted()
    }

    /// The value after `current` in `cycle`, wrapping; an unknown value gives the second entry,
    /// as the original.
    static func nextAccessCriteria(after current: String, in cycle: [String]) -> String {
        guard let index = cycle.firstIndex(of: current.uppercased()) else { return cycle[min(1, cycle.count - 1)] }
        return cycle[(index + 1) % cycle.count]
    }

    /// `POST ?op=ac` with `serial_no` (both panels): moves the card's access criteria to the
    /// next value in use; logs `Smartcard <sn>. Name:<n>. Info:<i> Change access_criteria=<ac>`
    /// and queues the change in one transaction.
    func cycleAccessCriteria(_ page: PanelPage, form: FormBody) throws -> Response {
        guard let serial = (form.fields["serial_no"]?.text).flatMap(UInt32.init) else {
            return Router.page(.badRequest, "serial_no must be a card's serial number.")
        }
        guard var card = try page.connection.cards.find(serial: serial) else {
            return Router.page(.notFound, "There is no smartcard \(serial).")
        }
        let cycle = Self.accessCriteriaCycle(inUse: try page.connection.accessCriteriaValues.distinct())
        card.accessCriteria = Self.nextAccessCriteria(after: card.accessCriteria, in: cycle)
        card.editedAt = page.now
        let edited = card
        let entry = page.logEntry(
            "Smartcard \(serial). Name:\(card.name). Info:\(card.info ?? "") Change access_criteria=\(card.accessCriteria)")
        let requestID = RequestID.random()
        let now = page.now
        _ = try page.connection.runTransaction(requestID: requestID, logger: logger) { connection in
            try connection.cards.update(edited)
            try connection.logs.append(entry)
            try connection.changeQueue.record(serial: serial, fields: ["access_criteria"], source: .panel, requestID: requestID, at: now)
        }
        return Self.redirect(to: "\(page.role.basePath)?op=smartcards&edited=\(serial)")
    }
}
