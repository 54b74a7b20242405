import Foundation
import TVCASDatabase

extension PanelController {
    /// `GET ?op=packages` (admin): the names of the 32 packages.
    func packagesForm(_ page: PanelPage, started: Date) throws -> Response {
        guard page.role == .admin else { return Self.redirect(to: "\(page.role.basePath)?op=smartcards") }
        return renderPackages(page, names: try page.connection.packageNames.all(), status: .ok, error: nil, started: started)
    }

    /// `POST ?op=packages` (admin): fields `name[<bit>]`; each name at most 64 characters.
    /// Logs `Edit package names` and saves in one transaction.
    func savePackages(_ page: PanelPage, form: FormBody, started: Date) throws -> Response {
        guard page.role == .admin else { return Router.page(.forbidden, "Only the admin panel names packages.") }
        var names: [Int: String] = [:]
        for (key, value) in form.fields["name"]?.array?.entries ?? [] {
            guard let bit = Int(key.text), (0..<32).contains(bit), let name = value.text else {
                return Router.page(.badRequest, "Package names are name[0] to name[31].")
            }
            names[bit] = name.trimmingCharacters(in: .whitespaces)
        }
        if let long = names.first(where: { $0.value.count > 64 }) {
            return renderPackages(
                page, names: names, status: .badRequest, error: "The name of package \(long.key) has more than 64 characters.",
                started: started)
        }
        let entry = page.logEntry("Edit package names")
        let toSave = names
        _ = try page.connection.runTransaction(logger: logger) { connection in
            try connection.packageNames.save(toSave)
            try connection.logs.append(entry)
        }
        return renderPackages(
            page, names: try page.connection.packageNames.all(), status: .ok, error: nil, message: "Package names saved.", started: started)
    }

    private func renderPackages(
        _ page: PanelPage, names: [Int: String], status: HTTPStatus, error: String?, message: String? = nil, started: Date
    ) -> Response {
        let rows: [[String: Any]] = (0..<32).map { ["bit": $0, "name": names[$0] ?? ""] }
        return render(
            page, status: status, title: "Packages", template: "packages", context: ["packages": rows], message: message, error: error,
            started: started)
    }
}
