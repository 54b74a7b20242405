import Foundation
import TVCASTesting
import Testing

/// `make install` into a temporary root (DESTDIR), checked the way a real server would use it:
/// the systemd services' sandbox scored offline, the nginx site through `nginx -t`, and
/// `tvcas web` answering on a listening socket inherited on fd 0, as tvcas-web.socket hands it over.
@Suite("make install", .serialized)
struct InstallTests {
    /// The services `make install` writes and their highest accepted `systemd-analyze security` exposure.
    static let services = ["tvcas-web.service", "tvcas-supervise.service"]
    static let highestExposure = 4.5

    @Test("make install puts every file where the README says")
    func installedFiles() throws {
        let root = try Self.install()
        defer { root.remove() }
        for path in [
            "usr/local/bin/tvcas", "usr/local/share/tvcas/sql", "usr/local/share/tvcas/public", "usr/local/share/tvcas/templates",
            "etc/tvcas/tvcas.toml.example", "etc/tvcas/tvcas.toml", "etc/nginx/sites-available/tvcas",
            "usr/local/lib/systemd/system/tvcas-web.socket", "usr/local/lib/systemd/system/tvcas-web.service",
            "usr/local/lib/systemd/system/tvcas-supervise.service", "usr/local/lib/sysusers.d/tvcas.conf",
        ] {
            #expect(FileManager.default.fileExists(atPath: root.path(path)), "\(path) missing")
        }
        #expect(FileManager.default.isExecutableFile(atPath: root.path("usr/local/bin/tvcas")))
        let service = try String(contentsOfFile: root.path("usr/local/lib/systemd/system/tvcas-web.service"), encoding: .utf8)
        #expect(service.contains("ExecStart=/usr/local/bin/tvcas web --config /etc/tvcas/tvcas.toml"))
        #expect(service.contains("StandardInput=socket"))
        for placeholder in ["@PREFIX@", "@SYSCONFDIR@", "@HARDENING@"] {
            #expect(!service.contains(placeholder), "\(placeholder) left in the unit")
        }
        #expect(service.contains("MemoryDenyWriteExecute=yes"))
        let config = try Subprocess.run(root.path("usr/local/bin/tvcas"), ["check-config", "--config", root.path("etc/tvcas/tvcas.toml")])
        #expect(config.status == 0, "\(config.errorOutput)")
        // A second install keeps the configuration (and its secrets).
        let before = try Data(contentsOf: root.url.appendingPathComponent("etc/tvcas/tvcas.toml"))
        try Self.install(into: root)
        #expect(try Data(contentsOf: root.url.appendingPathComponent("etc/tvcas/tvcas.toml")) == before)
    }

    @Test("each service's systemd-analyze security exposure is 4.5 or lower", arguments: services)
    func exposure(of service: String) throws {
        let root = try Self.install()
        defer { root.remove() }
        let unit = root.path("usr/local/lib/systemd/system/\(service)")
        let result = try Subprocess.run("systemd-analyze", ["security", "--offline=true", "--no-pager", unit])
        let line = result.output.split(separator: "\n").first { $0.contains("Overall exposure level") }
        let score = line.flatMap { $0.split(separator: ":").last?.split(separator: " ").first }.flatMap { Double($0) }
        let exposure = try #require(score, "no score in: \(result.output) \(result.errorOutput)")
        #expect(exposure <= Self.highestExposure, "\(service): \(exposure)")
    }

    @Test("systemd-analyze verify finds nothing wrong in the units but the binary missing from the real root")
    func unitsVerify() throws {
        let root = try Self.install()
        defer { root.remove() }
        let units = ["tvcas-web.socket"] + Self.services
        // Without a running systemd, verify still parses the files (an unknown key is reported),
        // but it looks for ExecStart's program on the real root, not in DESTDIR.
        let result = try Subprocess.run(
            "systemd-analyze", ["verify", "--no-pager"] + units.map { "./\($0)" },
            currentDirectory: root.url.appendingPathComponent("usr/local/lib/systemd/system"))
        let text = result.output + result.errorOutput
        let problems = text.split(separator: "\n").filter { !$0.contains("Command /usr/local/bin/tvcas is not executable") }
        #expect(problems.isEmpty, "\(text)")
    }

    @Test("the installed nginx site passes nginx -t")
    func nginxSite() throws {
        let root = try Self.install()
        defer { root.remove() }
        let site = try String(contentsOfFile: root.path("etc/nginx/sites-available/tvcas"), encoding: .utf8)
        #expect(site.contains("listen 80;"))
        #expect(site.contains("fastcgi_pass unix:/run/tvcas/web.sock;"))
        #expect(site.contains("root /usr/local/share/tvcas/public;"))
        let main = """
            pid \(root.path("nginx.pid"));
            error_log \(root.path("nginx-error.log"));
            events { worker_connections 64; }
            http {
                include /etc/nginx/mime.types;
                access_log off;
                include \(root.path("etc/nginx/sites-available/tvcas"));
            }
            """
        try main.write(toFile: root.path("nginx.conf"), atomically: true, encoding: .utf8)
        let result = try Subprocess.run("nginx", ["-t", "-p", root.url.path, "-c", root.path("nginx.conf")])
        #expect(result.status == 0, "\(result.errorOutput)")
    }

    @Test("tvcas web answers FastCGI on a listening socket inherited on fd 0 and leaves it listening (under MemoryDenyWriteExecute)")
    func inheritedSocket() throws {
        let scratch = try ScratchDirectory(prefix: "tvcas-fd0")
        defer { scratch.remove() }
        let tvcas = RepositoryPaths.tvcasExecutable.path
        let config = scratch.path("tvcas.toml")
        // [web] listen names a TCP port nobody serves: the answer can only come through fd 0.
        try Subprocess.check(tvcas, ["init-config", "--out", config, "--listen", "127.0.0.1:1", "--state-dir", scratch.path("state")])
        let socketPath = scratch.path("web.sock")
        let report = scratch.path("report")
        // Like systemd: the parent keeps its copy of the socket and starts the service with it on fd 0.
        let launcher = """
            import ctypes, socket, subprocess, sys
            path, exe, conf, report = sys.argv[1:5]
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.bind(path)
            s.listen(64)
            def deny_write_execute():
                # MemoryDenyWriteExecute=yes, as the unit sets it (PR_SET_MDWE, Linux 6.3 and later).
                ctypes.CDLL(None).prctl(65, 1, 0, 0, 0)
            p = subprocess.Popen([exe, "web", "--config", conf, "--benchmark-trivial"], stdin=s.fileno(),
                                 preexec_fn=deny_write_execute)
            open(report + ".pid", "w").write(str(p.pid))
            rc = p.wait()
            listening = s.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN)
            open(report, "w").write(f"exit {rc} listening {listening}")
            """
        let python = Process()
        python.executableURL = URL(fileURLWithPath: try Subprocess.resolve("python3"))
        python.arguments = ["-c", launcher, socketPath, tvcas, config, report]
        python.standardError = FileHandle.nullDevice
        try python.run()
        defer { if python.isRunning { python.terminate() } }

        let request = ["REQUEST_METHOD": "GET", "SCRIPT_NAME": "/api.php", "REQUEST_URI": "/api.php", "QUERY_STRING": ""]
        var answer = ""
        for _ in 0..<100 where !answer.contains("ok") {
            let result = try Subprocess.run("cgi-fcgi", ["-bind", "-connect", socketPath], environment: request)
            answer = result.output
            if !answer.contains("ok") { usleep(100_000) }
        }
        #expect(answer.contains("Content-Type: text/plain"), "\(answer)")
        #expect(answer.hasSuffix("ok"), "\(answer)")

        let pid = try #require(Int32(try String(contentsOfFile: report + ".pid", encoding: .utf8)))
        kill(pid, SIGTERM)
        // A guard against a hang, not a timing assertion: a server that ignores SIGTERM fails here.
        for _ in 0..<600 where python.isRunning { usleep(100_000) }
        if python.isRunning { kill(pid, SIGKILL) }
        python.waitUntilExit()
        #expect(try String(contentsOfFile: report, encoding: .utf8) == "exit 0 listening 1")
    }

    /// Runs `make install DESTDIR=… PREFIX=/usr/local` with the test build's `tvcas`.
    @discardableResult
    static func install(into root: ScratchDirectory? = nil) throws -> ScratchDirectory {
        let root = try root ?? ScratchDirectory(prefix: "tvcas-install")
        try Subprocess.check(
            "make",
            [
                "-C", RepositoryPaths.root.path, "install", "DESTDIR=\(root.url.path)", "PREFIX=/usr/local",
                "TVCAS_BIN=\(RepositoryPaths.tvcasExecutable.path)",
            ])
        return root
    }
}
