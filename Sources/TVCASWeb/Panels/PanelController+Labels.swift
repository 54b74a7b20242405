import Foundation
import TVCASDatabase

extension PanelController {
    /// How far back "newly added" reaches for label printing.
    static let labelWindow: UInt32 = 3 * 3600

    /// `GET ?op=smartcards&print=1` (admin): a bare page listing the cards created in the last
    /// three hours in up to five columns (panels.md §3.3).
    func labels(_ page: PanelPage) throws -> Response {
        guard page.role == .admin else { return Self.redirect(to: "\(page.role.basePath)?op=smartcards") }
        let cards = try page.connection.cards.created(since: page.now &- Self.labelWindow, limit: 10_000).sorted { $0.serialNo < $1.serialNo }
        var context: [String: Any] = ["none": cards.isEmpty]
        if !cards.isEmpty {
            let chunk = (cards.count + 4) / 5
            context["columns"] = stride(from: 0, to: cards.count, by: chunk).map { start in
                ["serials": cards[start..<min(start + chunk, cards.count)].map { ["serial": SerialText.grouped($0.serialNo)] }]
            }
        }
        var response = Response(status: .ok, contentType: "text/html; charset=utf-8", text: templates.render("labels", context))
        response.addHeader("Cache-Control", "no-cache, no-store")
        return response
    }

    /// Whether any card was created in the last three hours (the "Print labels" button).
    func hasNewCards(_ page: PanelPage) -> Bool {
        guard page.role == .admin else { return false }
        return (try? page.connection.cardListing.hasCards(createdSince: page.now &- Self.labelWindow)) ?? false
    }
}
