import Foundation
import TVCASTesting
import Testing

/// Every process serves its own Prometheus metrics with names by the rules, the supervisor lists
/// its children at `/targets`, and every log line is one line with the generator, peer and
/// request id where they apply (issue 14, decisions.md §6). Real processes: `tvcas web`,
/// `tvcas supervise` with the real `tvcas ecmg` and `tvcas emmg` (the latter talking to PyPI
/// simulcrypt's MUX simulator), on a private database.
@Suite("Observability: metrics and logs of the real processes", .serialized)
struct ObservabilityTests {
    /// The metric families each process must serve: the issue's list, by process.
    static let required: [String: [String]] = [
        "web": [
            "tvcas_web_requests_total", "tvcas_web_request_seconds", "tvcas_api_requests_total", "tvcas_api_request_seconds",
            "tvcas_panel_logins_total", "tvcas_panel_login_failures_total", "tvcas_database_errors_total",
            "tvcas_database_reconnects_total",
        ],
        "ecmg": [
            "tvcas_ecm_responses_total", "tvcas_ecm_response_seconds", "tvcas_ecmg_connections", "tvcas_ecmg_connections_total",
            "tvcas_ecmg_errors_sent_total", "tvcas_ecmg_database_errors_total", "tvcas_database_errors_total",
            "tvcas_database_reconnects_total",
        ],
        "emmg": [
            "tvcas_emmg_datagrams_total", "tvcas_emmg_datagram_bytes_total", "tvcas_emmg_cycle_seconds", "tvcas_emmg_queue_size",
            "tvcas_emmg_mux_connected", "tvcas_emmg_mux_connections_total", "tvcas_emmg_database_errors_total",
            "tvcas_database_errors_total", "tvcas_database_reconnects_total",
        ],
        "supervisor": [
            "tvcas_supervisor_starts_total", "tvcas_supervisor_restarts_total", "tvcas_supervisor_children",
            "tvcas_database_errors_total", "tvcas_database_reconnects_total",
        ],
    ]

    @Test("web, supervisor, ECMG and EMMG each serve /metrics by the naming rules; /targets lists the children; logs are one line per event")
    func scrapeEveryProcess() throws {
        let server = try MariaDBServer.shared()
        let database = try server.makeDatabase(prefix: "observe")
        let scratch = try ScratchDirectory(prefix: "tvcas-observe")
        let processes = RunningProcesses(scratch: scratch)
        defer {
            processes.stopAll()
            server.dropDatabase(database)
            scratch.remove()
        }
        let tvcas = RepositoryPaths.tvcasExecutable.path
        let fastCGIAddress = "127.0.0.1:\(freeLoopbackPort())"
        let webMetrics = "127.0.0.1:\(freeLoopbackPort())"
        let supervisorMetrics = "127.0.0.1:\(freeLoopbackPort())"
        let childPortBase = 20_000 + Int.random(in: 0..<8_000)
        let ecmgPort = freeLoopbackPort()
        let muxPort = freeLoopbackPort()
        let config = scratch.path("tvcas.toml")
        try """
        ecm_key = "6467632C579A5864531188332503C46FD18ABB42E14B1738F9C6D58FF4D81E58"
        pass_admin = "Adm1n-secret"
        pass_oper = "oper-secret"
        api_key = "mysecretkey123"
        mysql_socket = "\(server.socketPath)"
        mysql_user = "root"
        mysql_base = "\(database)"
        state_dir = "\(scratch.path("state"))"
        sql_dir = "\(RepositoryPaths.sql.path)"
        log_level = "debug"

        [web]
        listen = "\(fastCGIAddress)"
        workers = 2
        metrics = "\(webMetrics)"
        secret = "0123456789abcdefghijklmnopqrstuv"

        [supervise]
        host = "observe"

        [metrics]
        listen = "\(supervisorMetrics)"
        child_port_base = \(childPortBase)

        """.write(toFile: config, atomically: true, encoding: .utf8)
        try Subprocess.check(tvcas, ["migrate", "--config", config])
        try Subprocess.check(tvcas, ["demo-data", "--config", config, "--cards", "20", "--seed", "14"])
        try server.execute(
            "UPDATE tvcas_ecmg SET port = \(ecmgPort); UPDATE tvcas_emmg SET port = \(muxPort), client_id = 184549377", database: database)
        let ecmgID = try server.execute("SELECT id FROM tvcas_ecmg", database: database).trimmingCharacters(in: .whitespacesAndNewlines)
        let emmgID = try server.execute("SELECT id FROM tvcas_emmg", database: database).trimmingCharacters(in: .whitespacesAndNewlines)

        try processes.start(
            "mux", "mux", ["0x0B000001", "-p", "\(muxPort)", "-d", "--channel_id", "1", "--stream_id", "1", "--data_id", "1", "-b", "64"])
        try processes.start("web", tvcas, ["web", "--config", config])
        try processes.start("supervise", tvcas, ["supervise", "--config", config])

        // The supervisor lists both children at /targets in Prometheus's HTTP SD format.
        let ecmgTarget = "127.0.0.1:\(childPortBase + Int(ecmgID)!)"
        let emmgTarget = "127.0.0.1:\(childPortBase + 5000 + Int(emmgID)!)"
        #expect(
            eventually(20) {
                httpGet(supervisorMetrics, "/targets").contains(ecmgTarget) && httpGet(supervisorMetrics, "/targets").contains(emmgTarget)
            },
            "targets: \(httpGet(supervisorMetrics, "/targets"))\n\(processes.log("supervise"))")
        let targets = try JSONSerialization.jsonObject(with: Data(httpGet(supervisorMetrics, "/targets").utf8)) as? [[String: Any]]
        let listed = (targets ?? []).flatMap { ($0["targets"] as? [String]) ?? [] }
        #expect(Set(listed) == [ecmgTarget, emmgTarget])
        #expect((targets ?? []).allSatisfy { ($0["labels"] as? [String: String])?["generator"] != nil })

        // Some traffic: API requests with a wrong and a right key, a wrong panel password, an SCS connection.
        #expect(
            eventually(20) {
                (try? fastCGI(fastCGIAddress, uri: "/api.php?api_key=mysecretkey123&serial_no=1"))?.contains("SMARDCARD_NOT_FOUND") == true
            })
        _ = try fastCGI(fastCGIAddress, uri: "/api.php?api_key=wrong&serial_no=1")
        _ = try fastCGI(
            fastCGIAddress, uri: "/cas/?op=smartcards", headers: ["HTTP_AUTHORIZATION": "Basic " + Data("admin:wrong".utf8).base64EncodedString()])
        #expect(eventually(20) { httpGet(emmgTarget, "/metrics").contains("tvcas_emmg_mux_connected 1") }, "\(processes.log("supervise"))")
        // An SCS speaking protocol version 9: the ECMG answers with an error_status (and counts it).
        let scs = """
            import socket, sys, time
            for _ in range(100):
                try:
                    s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=2)
                    break
                except OSError:
                    time.sleep(0.1)
            s.sendall(bytes.fromhex("0900010000"))
            sys.stdout.write(s.recv(100).hex())
            """
        let answer = try Subprocess.run("/usr/bin/python3", ["-c", scs, "\(ecmgPort)"])
        #expect(!answer.output.isEmpty, "no answer from the ECMG: \(answer.errorOutput)")

        let pages = [
            "web": httpGet(webMetrics, "/metrics"), "supervisor": httpGet(supervisorMetrics, "/metrics"),
            "ecmg": httpGet(ecmgTarget, "/metrics"), "emmg": httpGet(emmgTarget, "/metrics"),
        ]
        for (process, page) in pages.sorted(by: { $0.key < $1.key }) {
            let exposition = PrometheusExposition(parsing: page)
            #expect(!exposition.familyNames.isEmpty, "\(process) served no metrics")
            #expect(exposition.ruleViolations.isEmpty, "\(process): \(exposition.ruleViolations)")
            let missing = Self.required[process]!.filter { !exposition.familyNames.contains($0) }
            #expect(missing.isEmpty, "\(process) lacks \(missing)")
        }
        let web = PrometheusExposition(parsing: pages["web"]!)
        #expect(web.value("tvcas_api_requests_total", labels: ["result": "SMARDCARD_NOT_FOUND"]) ?? 0 >= 1)
        #expect(web.value("tvcas_api_requests_total", labels: ["result": "NOT_VALID_API_KEY"]) == 1)
        #expect(web.value("tvcas_panel_login_failures_total", labels: ["panel": "admin"]) == 1)
        #expect(web.value("tvcas_web_requests_total", labels: ["route": "/cas/", "status": "401"]) == 1)
        let supervisor = PrometheusExposition(parsing: pages["supervisor"]!)
        #expect(supervisor.total("tvcas_supervisor_starts_total") ?? 0 >= 2)
        #expect(supervisor.value("tvcas_supervisor_children") == 2)

        // Logs: every line on standard error is one event, `time level label: message key=value…`.
        let line = #/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (trace|debug|info|notice|warning|error|critical) [^ :]+: /#
        for name in ["web", "supervise"] {
            let lines = processes.log(name).split(separator: "\n")
            #expect(!lines.isEmpty, "\(name) logged nothing")
            for text in lines { #expect(text.firstMatch(of: line) != nil, "\(name): \(text)") }
        }
        let webLog = processes.log("web")
        #expect(webLog.contains("panel login failed") && webLog.contains("request="), "\(webLog)")
        #expect(webLog.contains("wrong API key") && webLog.contains("address=192.0.2.7"), "\(webLog)")
        let supervised = processes.log("supervise")
        #expect(supervised.contains(" ecmg_\(ecmgID): "), "the ECMG's lines carry its id: \(supervised)")
        #expect(supervised.contains(" emmg_\(emmgID): ") && supervised.contains("peer=127.0.0.1:\(muxPort)"), "\(supervised)")
    }

    @Test("the naming rules catch what they should")
    func namingRules() {
        let good = PrometheusExposition(
            parsing: """
                # TYPE tvcas_api_requests_total counter
                tvcas_api_requests_total{result="OK"} 3
                # TYPE tvcas_api_request_seconds histogram
                tvcas_api_request_seconds_bucket{le="0.001"} 1
                tvcas_api_request_seconds_bucket{le="+Inf"} 3
                tvcas_api_request_seconds_sum 0.01
                tvcas_api_request_seconds_count 3
                # TYPE tvcas_emmg_queue_size gauge
                tvcas_emmg_queue_size 0
                """)
        #expect(good.ruleViolations.isEmpty, "\(good.ruleViolations)")
        #expect(good.value("tvcas_api_requests_total", labels: ["result": "OK"]) == 3)
        let bad = PrometheusExposition(
            parsing: """
                # TYPE tvcas_ecm_responses counter
                tvcas_ecm_responses 1
                # TYPE tvcas_queue_total gauge
                tvcas_queue_total 1
                # TYPE ecm_latency histogram
                ecm_latency_count 1
                # TYPE tvcas_card_updates_total counter
                tvcas_card_updates_total{serial_no="2100000001"} 1
                tvcas_stray 2
                """)
        let problems = bad.ruleViolations.joined(separator: "\n")
        #expect(problems.contains("tvcas_ecm_responses: a counter whose name does not end in _total"))
        #expect(problems.contains("tvcas_queue_total: a gauge whose name ends in _total"))
        #expect(problems.contains("ecm_latency: not tvcas_"))
        #expect(problems.contains("ecm_latency: a histogram not in _seconds or _bytes"))
        #expect(problems.contains("label serial_no names a card"))
        #expect(problems.contains("looks like a card serial"))
        #expect(problems.contains("tvcas_stray: a sample without a # TYPE line"))
    }
}
