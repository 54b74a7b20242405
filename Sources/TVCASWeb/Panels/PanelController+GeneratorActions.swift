import Foundation
import TVCASDatabase

extension PanelController {
    /// `POST ?op=ecmg|emmg`: `sw=on|off` and `op=reload` (both panels), `op=add|edit|remove`
    /// (admin), each with `id` where it names a generator. Only the database changes: the
    /// supervisor acts on `enable`, the daemon on `reload` and `version` (decisions.md §3).
    func generatorAction(_ page: PanelPage, form: FormBody, kind: GeneratorState.Kind, started: Date) throws -> Response {
        if let value = form.fields["sw"]?.text {
            guard value == "on" || value == "off" else { return Router.page(.badRequest, "sw must be on or off.") }
            guard let id = Self.generatorID(form.fields["id"]?.text) else { return Self.badGeneratorID(kind) }
            return try switchGenerator(page, kind: kind, id: id, on: value == "on")
        }
        let action = form.fields["op"]?.text ?? ""
        switch action {
        case "reload":
            guard let id = Self.generatorID(form.fields["id"]?.text) else { return Self.badGeneratorID(kind) }
            return try reloadGenerator(page, kind: kind, id: id)
        case "add", "edit", "remove":
            guard page.role == .admin else { return Router.page(.forbidden, "Only the admin panel adds, edits or removes generators.") }
            switch (kind, action) {
            case (.ecmg, "add"): return try addECMG(page, form: form, started: started)
            case (.ecmg, "edit"): return try editECMG(page, form: form, started: started)
            case (.ecmg, _): return try removeECMG(page, form: form)
            case (.emmg, "add"): return try addEMMG(page, form: form, started: started)
            case (.emmg, "edit"): return try editEMMG(page, form: form, started: started)
            case (.emmg, _): return try removeEMMG(page, form: form)
            }
        default:
            return Router.page(.badRequest, "Unknown action: send sw=on|off or op=reload|add|edit|remove.")
        }
    }

    /// A GET that carries a state change (the original's `?op=ecmg&sw=off&id=N`): 405 with the
    /// same action as a POST form, 400 for a malformed id or `sw`; nil when the GET changes nothing.
    func generatorLegacyGET(_ page: PanelPage, kind: GeneratorState.Kind, started: Date) -> Response? {
        let value = page.query("sw")
        let reload = page.query("reload")
        guard value != nil || reload != nil else { return nil }
        guard let id = Self.generatorID(page.query("id")) else { return Self.badGeneratorID(kind) }
        var fields = [("id", String(id))]
        let button: String
        if let value {
            guard value == "on" || value == "off" else { return Router.page(.badRequest, "sw must be on or off.") }
            fields.append(("sw", value))
            button = value == "on" ? "Switch \(kind.label)_\(id) on" : "Switch \(kind.label)_\(id) off"
        } else {
            fields.append(("op", "reload"))
            button = "Reload \(kind.label)_\(id)"
        }
        return postForm(
            page, title: "\(kind.label) generators", explanation: "Switching or reloading a generator changes state, so it needs a POST.",
            action: "\(page.role.basePath)?op=\(kind.op)", fields: fields, button: button, started: started)
    }

    /// Sets `enable` and writes the original's `Start <KIND>_<id>` (type 0) or `Stop <KIND>_<id>`
    /// (type 1) in one transaction.
    private func switchGenerator(_ page: PanelPage, kind: GeneratorState.Kind, id: UInt32, on: Bool) throws -> Response {
        guard try page.connection.generatorSwitches(kind).exists(id: id) else { return Self.noGenerator(kind, id) }
        let entry = on ? page.logEntry("Start \(kind.label)_\(id)") : page.logEntry("Stop \(kind.label)_\(id)", type: 1)
        _ = try page.connection.runTransaction(logger: logger) { connection in
            try connection.generatorSwitches(kind).setEnable(id: id, on)
            try connection.logs.append(entry)
        }
        return Self.redirect(to: "\(page.role.basePath)?op=\(kind.op)&done=\(on ? "on" : "off")&id=\(id)")
    }

    /// Sets `reload = 1` and writes `Reload <KIND>_<id>` in one transaction.
    private func reloadGenerator(_ page: PanelPage, kind: GeneratorState.Kind, id: UInt32) throws -> Response {
        guard try page.connection.generatorSwitches(kind).exists(id: id) else { return Self.noGenerator(kind, id) }
        let entry = page.logEntry("Reload \(kind.label)_\(id)")
        _ = try page.connection.runTransaction(logger: logger) { connection in
            try connection.generatorSwitches(kind).requestReload(id: id)
            try connection.logs.append(entry)
        }
        return Self.redirect(to: "\(page.role.basePath)?op=\(kind.op)&done=reload&id=\(id)")
    }

    /// The message after an action (`done=<action>&id=N`), from a fixed set of texts.
    static func generatorDoneMessage(_ page: PanelPage, kind: GeneratorState.Kind) -> String? {
        guard let done = page.query("done"), let id = generatorID(page.query("id")) else { return nil }
        let name = "\(kind.label)_\(id)"
        switch done {
        case "on": return "\(name) switched on: the supervisor starts it."
        case "off": return "\(name) switched off: the supervisor stops it."
        case "reload": return "\(name) asked to reload: the running generator applies it."
        case "added": return "\(name) added (switched off)."
        case "edited": return "\(name) saved: the running generator applies the new settings."
        case "removed": return "\(name) removed."
        default: return nil
        }
    }

    /// A generator id: a positive decimal number.
    static func generatorID(_ text: String?) -> UInt32? {
        guard let text, let id = UInt32(text), id > 0 else { return nil }
        return id
    }

    static func badGeneratorID(_ kind: GeneratorState.Kind) -> Response {
        Router.page(.badRequest, "id must be the number of an \(kind.label).")
    }

    static func noGenerator(_ kind: GeneratorState.Kind, _ id: UInt32) -> Response {
        Router.page(.notFound, "There is no \(kind.label)_\(id).")
    }

    /// The form page of a generator (add when `id` is 0), from field texts.
    func renderGeneratorForm(
        _ page: PanelPage, kind: GeneratorState.Kind, id: UInt32, fields: GeneratorFormFields,
        status: HTTPStatus, error: String?, started: Date
    ) -> Response {
        let isNew = id == 0
        return render(
            page, status: status, title: "\(kind.label) generators", template: "generator-form",
            context: [
                "heading": isNew ? "Add new \(kind.label)" : "Edit \(kind.label)_\(id)", "isNew": isNew,
                "action": "\(page.role.basePath)?op=\(kind.op)", "formOp": isNew ? "add" : "edit", "id": id,
                "button": isNew ? "Add \(kind.label)" : "Edit \(kind.label)",
                "fields": fields.map { ["label": $0.label, "name": $0.name, "value": $0.value] },
                "back": "\(page.role.basePath)?op=\(kind.op)",
            ], error: error, started: started)
    }

    /// `GET ?op=ecmg|emmg&remove=N` (admin): "Really remove?" with a POST form.
    func removeGeneratorForm(_ page: PanelPage, kind: GeneratorState.Kind, started: Date) throws -> Response {
        guard page.role == .admin else { return Self.redirect(to: "\(page.role.basePath)?op=\(kind.op)") }
        guard let id = Self.generatorID(page.query("remove")) else { return Self.badGeneratorID(kind) }
        let description: String
        switch kind {
        case .ecmg:
            guard let row = try page.connection.ecmgs.find(id: id) else { return Self.noGenerator(kind, id) }
            description = "ECMG_\(id) (\(row.info ?? ""), port \(row.port))"
        case .emmg:
            guard let row = try page.connection.emmgs.find(id: id) else { return Self.noGenerator(kind, id) }
            description = "EMMG_\(id) (\(row.info ?? ""), \(row.host):\(row.port))"
        }
        return render(
            page, title: "\(kind.label) generators", template: "post-form",
            context: [
                "heading": "Remove \(kind.label)_\(id)", "explanation": "Really remove \(description)? A running generator is stopped.",
                "action": "\(page.role.basePath)?op=\(kind.op)", "button": "Remove \(kind.label)_\(id)",
                "fields": [["name": "op", "value": "remove"], ["name": "id", "value": String(id)]],
            ], started: started)
    }
}
