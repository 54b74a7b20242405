import Foundation

/// A private nginx for end-to-end tests: a generated main configuration with its own pid file,
/// logs and temp paths in a scratch folder, and the repository's site (`nginx/tvcas.conf`)
/// pointed at a FastCGI address.
public final class NginxServer: @unchecked Sendable {
    /// The folder holding the configuration, logs and temp paths.
    public let directory: ScratchDirectory
    /// The loopback port nginx listens on.
    public let port: Int
    /// `http://127.0.0.1:PORT`
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    private let process: Process

    private init(directory: ScratchDirectory, port: Int) {
        self.directory = directory
        self.port = port
        self.process = Process()
    }

    /// Starts nginx on a free loopback port in front of `fastCGIAddress` (`127.0.0.1:9000` or
    /// `unix:/path`), serving `publicDirectory` as static files.
    ///
    /// - Parameter site: the server block to use; by default the repository's `nginx/tvcas.conf`.
    public static func start(
        fastCGIAddress: String,
        publicDirectory: URL = RepositoryPaths.root.appendingPathComponent("public"),
        site: String? = nil
    ) throws -> NginxServer {
        let directory = try ScratchDirectory(prefix: "tvcas-nginx")
        let server = NginxServer(directory: directory, port: freeLoopbackPort())
        let siteText = try site ?? String(contentsOf: RepositoryPaths.root.appendingPathComponent("nginx/tvcas.conf"), encoding: .utf8)
        let rendered = NginxSite.render(
            siteText,
            listen: "127.0.0.1:\(server.port)",
            fastCGI: fastCGIAddress,
            publicRoot: publicDirectory.path
        )
        try NginxSite.mainConfiguration(directory: directory, site: rendered)
            .write(toFile: directory.path("nginx.conf"), atomically: true, encoding: .utf8)
        do {
            // In the foreground (`daemon off`), so the process is ours to stop and no daemon
            // keeps the test's pipes open.
            server.process.executableURL = URL(fileURLWithPath: try Subprocess.resolve("nginx"))
            server.process.arguments = ["-p", directory.url.path, "-c", directory.path("nginx.conf")]
            server.process.standardOutput = FileHandle.nullDevice
            server.process.standardError = FileHandle.nullDevice
            try server.process.run()
            try server.waitUntilListening()
        } catch {
            server.stop()
            throw error
        }
        return server
    }

    private func waitUntilListening() throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            close(fd)
            if connected == 0 { return }
            if !process.isRunning { break }
            usleep(20_000)
        }
        let log = (try? String(contentsOfFile: directory.path("error.log"), encoding: .utf8)) ?? ""
        throw HarnessError.serverDidNotStart("nginx", log: log)
    }

    /// Stops nginx (a graceful `SIGQUIT`, then `SIGKILL` after 5 s) and removes its folder.
    public func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGQUIT)
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning, Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        directory.remove()
    }
}

/// Renders the repository's nginx site for a private nginx.
public enum NginxSite {
    /// Replaces the site's placeholders: `@LISTEN@`, `@FASTCGI@`, `@PUBLIC@`.
    public static func render(_ site: String, listen: String, fastCGI: String, publicRoot: String) -> String {
        site.replacingOccurrences(of: "@LISTEN@", with: listen)
            .replacingOccurrences(of: "@FASTCGI@", with: fastCGI)
            .replacingOccurrences(of: "@PUBLIC@", with: publicRoot)
    }

    /// A main `nginx.conf` that keeps every file nginx writes inside `directory`.
    public static func mainConfiguration(directory: ScratchDirectory, site: String) -> String {
        """
        daemon off;
        worker_processes 1;
        pid \(directory.path("nginx.pid"));
        error_log \(directory.path("error.log")) info;
        \(geteuid() == 0 ? "user root;" : "")
        events { worker_connections 1024; }
        http {
            include /etc/nginx/mime.types;
            default_type application/octet-stream;
            access_log \(directory.path("access.log"));
            client_body_temp_path \(directory.path("client_body"));
            proxy_temp_path \(directory.path("proxy"));
            fastcgi_temp_path \(directory.path("fastcgi"));
            uwsgi_temp_path \(directory.path("uwsgi"));
            scgi_temp_path \(directory.path("scgi"));
        \(site)
        }

        """
    }
}
