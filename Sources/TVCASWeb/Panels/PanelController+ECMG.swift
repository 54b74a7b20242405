import Foundation
import TVCASDatabase

extension PanelController {
    /// The ECMG the add form starts from when there is none (panels.md §4.3).
    static let defaultNewECMG = ECMGRow(info: "MY NEW ECMG", port: 42000, timeout: 60)

    /// `GET ?op=ecmg`: the list (both panels); `edit=N` (0: add), `remove=N` and `cwlog=<id>:<sock>`
    /// for the admin.
    func ecmgPage(_ page: PanelPage, started: Date) throws -> Response {
        if let legacy = generatorLegacyGET(page, kind: .ecmg, started: started) { return legacy }
        if page.query("remove") != nil { return try removeGeneratorForm(page, kind: .ecmg, started: started) }
        if let value = page.query("cwlog") { return try cwLog(page, value: value, started: started) }
        if let text = page.query("edit") {
            return try generatorEditForm(
                page, kind: .ecmg, text: text, started: started, newFields: { Self.ecmgFields(try newECMG(page)) },
                rowFields: { id in try page.connection.ecmgs.find(id: id).map(Self.ecmgFields) })
        }
        let rows = try page.connection.ecmgs.listed()
        let states = try generatorStates(page, kind: .ecmg)
        let list: [[String: Any]] = rows.enumerated().map { index, row in
            let status = GeneratorStatus(state: states[row.id], enabled: row.enable != 0, now: page.now, dates: dates)
            let peerText = (row.peers?.isEmpty == false) ? row.peers : states[row.id]?.peers
            let peers: [[String: Any]] = GeneratorPeer.parse(peerText).map { peer in
                var line: [String: Any] = [
                    "line":
                        "\(dates.displaySeconds(peer.time, now: page.now)) - \(peer.address), cw=\(peer.cwCount ?? 0), ecm=\(peer.ecmCount ?? 0)",
                    "stale": page.now > peer.time && page.now - peer.time > 20,
                ]
                if let sock = peer.sock { line["logHref"] = "\(page.role.basePath)?op=ecmg&cwlog=\(row.id):\(sock)" }
                return line
            }
            return [
                "number": index + 1, "id": row.id, "info": row.info ?? "", "port": row.port, "peers": peers,
                "keyMismatch": (row.key ?? "").uppercased() != ecmKey.uppercased(), "touch": dates.displaySeconds(row.touchTime, now: page.now),
                "timeout": row.timeout, "created": dates.displaySeconds(row.createdAt, now: page.now),
                "modified": dates.displaySeconds(row.modifiedAt, now: page.now), "runOn": row.runOn.isEmpty ? "any host" : row.runOn,
                "notRunnable": row.status != 1, "status": status.context, "enabled": row.enable != 0, "reloadPending": row.reload != 0,
            ]
        }
        return render(
            page, title: "ECM generators", template: "ecmg", context: ["generators": list, "kindOp": "ecmg"],
            message: Self.generatorDoneMessage(page, kind: .ecmg), started: started)
    }

    /// `POST ?op=ecmg` with `op=add` (admin): a new ECMG with the configuration's `ecm_key`,
    /// switched off, and `Add new ECMG on port <port>` in one transaction; a port another ECMG
    /// that may run on the same host uses is refused with `Port <port> busy!` and logged as
    /// `ERROR Add new ECMG on port <port>` (panels.md §4.4).
    func addECMG(_ page: PanelPage, form: FormBody, started: Date) throws -> Response {
        let base = try newECMG(page)
        var row: ECMGRow
        do {
            row = try ECMGForm(fields: form.fields, row: base).row
        } catch {
            return renderGeneratorForm(
                page, kind: .ecmg, id: 0, fields: Self.ecmgFields(form: form, fallback: base), status: .badRequest, error: error.description,
                started: started)
        }
        if try ecmgPortBusy(page, row: row, excluding: nil) {
            try page.connection.logs.append(page.logEntry("ERROR Add new ECMG on port \(row.port)"))
            return renderGeneratorForm(
                page, kind: .ecmg, id: 0, fields: Self.ecmgFields(form: form, fallback: base), status: HTTPStatus(409, "Conflict"),
                error: GeneratorFormError.portBusy(row.port).description, started: started)
        }
        row.key = ecmKey
        row.createdAt = page.now
        row.modifiedAt = page.now
        let entry = page.logEntry("Add new ECMG on port \(row.port)")
        let prepared = row
        let outcome = try page.connection.runTransaction(logger: logger) { connection in
            let id = try connection.ecmgs.insert(prepared)
            try connection.logs.append(entry)
            return id
        }
        return Self.redirect(to: "\(page.role.basePath)?op=ecmg&done=added&id=\(outcome.value ?? 0)")
    }

    /// `POST ?op=ecmg` with `op=edit`, `id` (admin): the settings, `m_time`, `version + 1` and
    /// `Edit ECMG_<id>. Info: <info>. Port: <port>` in one transaction.
    func editECMG(_ page: PanelPage, form: FormBody, started: Date) throws -> Response {
        guard let id = Self.generatorID(form.fields["id"]?.text) else { return Self.badGeneratorID(.ecmg) }
        guard let original = try page.connection.ecmgs.find(id: id) else { return Self.noGenerator(.ecmg, id) }
        let row: ECMGRow
        do {
            row = try ECMGForm(fields: form.fields, row: original).row
        } catch {
            return renderGeneratorForm(
                page, kind: .ecmg, id: id, fields: Self.ecmgFields(form: form, fallback: original), status: .badRequest,
                error: error.description, started: started)
        }
        if try ecmgPortBusy(page, row: row, excluding: id) {
            return renderGeneratorForm(
                page, kind: .ecmg, id: id, fields: Self.ecmgFields(form: form, fallback: original), status: HTTPStatus(409, "Conflict"),
                error: GeneratorFormError.portBusy(row.port).description, started: started)
        }
        let entry = page.logEntry("Edit ECMG_\(id). Info: \(row.info ?? ""). Port: \(row.port)")
        _ = try page.connection.runTransaction(logger: logger) { connection in
            try connection.ecmgs.updateSettings(row, at: page.now)
            try connection.logs.append(entry)
        }
        return Self.redirect(to: "\(page.role.basePath)?op=ecmg&done=edited&id=\(id)")
    }

    /// `POST ?op=ecmg` with `op=remove`, `id` (admin): deletes the row (the supervisor stops a
    /// running generator), with `Stop ECMG_<id>` (type 1, when it was on) and `Remove ECMG_<id>
    /// which had port <port>` in one transaction (panels.md §4.6).
    func removeECMG(_ page: PanelPage, form: FormBody) throws -> Response {
        guard let id = Self.generatorID(form.fields["id"]?.text) else { return Self.badGeneratorID(.ecmg) }
        guard let row = try page.connection.ecmgs.find(id: id) else { return Self.noGenerator(.ecmg, id) }
        return try removeGenerator(page, kind: .ecmg, id: id, wasOn: row.enable != 0, removal: "Remove ECMG_\(id) which had port \(row.port)")
    }

    /// `GET ?op=ecmg&cwlog=<ecmg id>:<sock>` (admin): the last 30 control words sent to one
    /// peer connection, oldest first (panels.md §4.7), each line `<date>, Access criteria: <AC>,
    /// cw1: <CW1>, cw2: <CW2>`, each CW coloured by `intval(cw) % 6`.
    func cwLog(_ page: PanelPage, value: String, started: Date) throws -> Response {
        guard page.role == .admin else { return Self.redirect(to: "\(page.role.basePath)?op=ecmg") }
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let id = Self.generatorID(String(parts[0])), let sock = UInt32(parts[1]) else {
            return Router.page(.badRequest, "cwlog must be <ECMG id>:<peer sock>, two numbers.")
        }
        let entries = try page.connection.cwLog.recent(ecmgID: id, sock: sock, limit: 30).reversed()
        let lines: [[String: Any]] = entries.map { entry in
            [
                "date": dates.displaySeconds(entry.time, now: page.now), "accessCriteria": entry.accessCriteria, "cw1": entry.cw1,
                "cw2": entry.cw2, "color1": Self.cwColor(entry.cw1), "color2": Self.cwColor(entry.cw2),
            ]
        }
        return render(
            page, title: "ECM generators", template: "cw-log",
            context: [
                "id": id, "sock": sock, "lines": lines, "refresh": "\(page.role.basePath)?op=ecmg&cwlog=\(id):\(sock)",
                "back": "\(page.role.basePath)?op=ecmg",
            ], started: started)
    }

    /// One of 6 colours for a control word, by PHP's `intval(cw) % 6` as the original.
    static func cwColor(_ cw: String) -> Int {
        let value = PHPIntval.of(Array(cw.utf8)) % 6
        return Int(value < 0 ? -value : value)
    }

    /// The add form's row: the ECMG with the highest id with the next free port, or the defaults.
    private func newECMG(_ page: PanelPage) throws -> ECMGRow {
        guard let highest = try page.connection.ecmgs.highest() else { return Self.defaultNewECMG }
        let used = try page.connection.ecmgs.ports()
        var port = highest.port
        while used.contains(port), port < .max { port += 1 }
        return ECMGRow(info: highest.info, port: port, timeout: highest.timeout, runOn: highest.runOn)
    }

    /// Whether another ECMG that may run on the same host as `row` listens on its port.
    private func ecmgPortBusy(_ page: PanelPage, row: ECMGRow, excluding id: UInt32?) throws -> Bool {
        try page.connection.ecmgs.portUsers(row.port, excluding: id).contains { GeneratorFields.overlap($0.runOn, row.runOn) }
    }

    /// The form's fields filled from a row.
    static func ecmgFields(_ row: ECMGRow) -> GeneratorFormFields {
        [
            ("INFO", "info", row.info ?? ""), ("PORT", "port", String(row.port)), ("TIMEOUT", "timeout", String(row.timeout)),
            ("RUN_ON", "run_on", row.runOn),
        ]
    }

    /// The form's fields as posted, `fallback`'s values where a field was not posted.
    static func ecmgFields(form: FormBody, fallback: ECMGRow) -> GeneratorFormFields {
        postedGeneratorFields(form, filled: ecmgFields(fallback))
    }
}
