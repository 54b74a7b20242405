import Foundation
import TVCASDatabase

extension PanelController {
    /// The EMMG the add form starts from when there is none (panels.md §5.3).
    static let defaultNewEMMG = EMMGRow(info: "MY NEW EMMG", host: "192.168.1.2", port: 41000, timeout: 60, clientID: 0x0B00_0001)

    /// `GET ?op=emmg`: the list (both panels); `edit=N` (0: add) and `remove=N` for the admin.
    func emmgPage(_ page: PanelPage, started: Date) throws -> Response {
        if let legacy = generatorLegacyGET(page, kind: .emmg, started: started) { return legacy }
        if page.query("remove") != nil { return try removeGeneratorForm(page, kind: .emmg, started: started) }
        if let text = page.query("edit") {
            return try generatorEditForm(
                page, kind: .emmg, text: text, started: started, newFields: { Self.emmgFields(try newEMMG(page)) },
                rowFields: { id in try page.connection.emmgs.find(id: id).map(Self.emmgFields) })
        }
        let rows = try page.connection.emmgs.listed()
        let states = try generatorStates(page, kind: .emmg)
        let now = page.now
        func time(_ value: UInt32) -> [String: Any] {
            ["text": dates.displaySeconds(value, now: now), "stale": value != 0 && now > value && now - value > 60]
        }
        let list: [[String: Any]] = rows.enumerated().map { index, row in
            let status = GeneratorStatus(state: states[row.id], enabled: row.enable != 0, now: now, dates: dates)
            let peers: [String] =
                status.running
                ? GeneratorPeer.parse(states[row.id]?.peers).map { peer in
                    "\(dates.displaySeconds(peer.time, now: now)) - \(peer.address), datagrams=\(peer.datagramCount ?? 0)"
                } : []
            return [
                "number": index + 1, "id": row.id, "info": row.info ?? "", "host": row.host, "port": row.port, "timeout": row.timeout,
                "clientID": "0x" + EMMGForm.clientIDText(row.clientID), "touch": time(row.touchTime), "streamOpen": time(row.streamTimeOpen),
                "datagramLast": time(row.datagramTimeLast), "datagramCount": row.datagramCount == 0 ? "-" : String(row.datagramCount),
                "queueSize": row.queueSize == 0 ? "-" : String(row.queueSize), "runOn": row.runOn.isEmpty ? "any host" : row.runOn,
                "notRunnable": row.status != 1 || row.deletedBy != 0, "status": status.context, "enabled": row.enable != 0,
                "reloadPending": row.reload != 0, "peers": peers,
            ]
        }
        return render(
            page, title: "EMM generators", template: "emmg", context: ["generators": list, "kindOp": "emmg"],
            message: Self.generatorDoneMessage(page, kind: .emmg), started: started)
    }

    /// `POST ?op=emmg` with `op=add` (admin): a new EMMG, switched off, and `Add new EMMG_<id>.
    /// Info: <info>` in one transaction (panels.md §5.4; the original's log lost the info). Its
    /// change-queue cursor is made by the daemon at its first start, at the newest change.
    func addEMMG(_ page: PanelPage, form: FormBody, started: Date) throws -> Response {
        let base = try newEMMG(page)
        var row: EMMGRow
        do {
            row = try EMMGForm(fields: form.fields, row: base).row
        } catch {
            return renderGeneratorForm(
                page, kind: .emmg, id: 0, fields: Self.emmgFields(form: form, fallback: base), status: .badRequest, error: error.description,
                started: started)
        }
        row.createdAt = page.now
        row.modifiedAt = page.now
        let prepared = row
        let makeEntry = { (id: UInt32) in page.logEntry("Add new EMMG_\(id). Info: \(prepared.info ?? "")") }
        let outcome = try page.connection.runTransaction(logger: logger) { connection in
            let id = try connection.emmgs.insert(prepared)
            try connection.logs.append(makeEntry(id))
            return id
        }
        return Self.redirect(to: "\(page.role.basePath)?op=emmg&done=added&id=\(outcome.value ?? 0)")
    }

    /// `POST ?op=emmg` with `op=edit`, `id` (admin): the settings, `m_time`, `version + 1` and
    /// `Edit EMMG_<id>. <host>:<port>, Info: <info>` in one transaction (panels.md §5.5); only
    /// this EMMG's version moves (decisions.md §3).
    func editEMMG(_ page: PanelPage, form: FormBody, started: Date) throws -> Response {
        guard let id = Self.generatorID(form.fields["id"]?.text) else { return Self.badGeneratorID(.emmg) }
        guard let original = try page.connection.emmgs.find(id: id) else { return Self.noGenerator(.emmg, id) }
        let row: EMMGRow
        do {
            row = try EMMGForm(fields: form.fields, row: original).row
        } catch {
            return renderGeneratorForm(
                page, kind: .emmg, id: id, fields: Self.emmgFields(form: form, fallback: original), status: .badRequest,
                error: error.description, started: started)
        }
        let entry = page.logEntry("Edit EMMG_\(id). \(row.host):\(row.port), Info: \(row.info ?? "")")
        _ = try page.connection.runTransaction(logger: logger) { connection in
            try connection.emmgs.updateSettings(row, at: page.now)
            try connection.logs.append(entry)
        }
        return Self.redirect(to: "\(page.role.basePath)?op=emmg&done=edited&id=\(id)")
    }

    /// `POST ?op=emmg` with `op=remove`, `id` (admin): deletes the row and its change-queue
    /// cursor (the supervisor stops a running generator), with `Stop EMMG_<id>` (type 1, when
    /// it was on) and `Remove EMMG_<id>` in one transaction (panels.md §5.6, decisions.md §3).
    func removeEMMG(_ page: PanelPage, form: FormBody) throws -> Response {
        guard let id = Self.generatorID(form.fields["id"]?.text) else { return Self.badGeneratorID(.emmg) }
        guard let row = try page.connection.emmgs.find(id: id) else { return Self.noGenerator(.emmg, id) }
        return try removeGenerator(page, kind: .emmg, id: id, wasOn: row.enable != 0, removal: "Remove EMMG_\(id)") { connection in
            try connection.changeQueue.deleteCursor(emmgID: id)
        }
    }

    /// The add form's row: a copy of the EMMG with the highest id (the port is not moved, as
    /// the original), or the defaults.
    private func newEMMG(_ page: PanelPage) throws -> EMMGRow {
        guard let highest = try page.connection.emmgs.highest() else { return Self.defaultNewEMMG }
        return EMMGRow(
            info: highest.info, host: highest.host, port: highest.port, timeout: highest.timeout, clientID: highest.clientID,
            runOn: highest.runOn)
    }

    /// The form's fields filled from a row.
    static func emmgFields(_ row: EMMGRow) -> GeneratorFormFields {
        [
            ("INFO", "info", row.info ?? ""), ("HOST", "host", row.host), ("PORT", "port", String(row.port)),
            ("CLIENT_ID", "client_id", EMMGForm.clientIDText(row.clientID)), ("TIMEOUT", "timeout", String(row.timeout)),
            ("RUN_ON", "run_on", row.runOn),
        ]
    }

    /// The form's fields as posted, `fallback`'s values where a field was not posted.
    static func emmgFields(form: FormBody, fallback: EMMGRow) -> GeneratorFormFields {
        postedGeneratorFields(form, filled: emmgFields(fallback))
    }
}
