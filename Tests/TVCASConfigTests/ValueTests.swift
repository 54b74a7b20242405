import TVCASConfig
import Testing

@Suite("Addresses, zones and database nodes")
struct ValueTests {
    @Test("host:port forms")
    func hostPort() {
        #expect(HostPort(parsing: "127.0.0.1:9000") == HostPort(host: "127.0.0.1", port: 9000))
        #expect(HostPort(parsing: "[::1]:9000") == HostPort(host: "::1", port: 9000))
        #expect(HostPort(parsing: "[::1]:9000")?.description == "[::1]:9000")
        #expect(HostPort(parsing: "db", defaultPort: 3306) == HostPort(host: "db", port: 3306))
        #expect(HostPort(parsing: "fd00::5", defaultPort: 3306) == HostPort(host: "fd00::5", port: 3306))
        for bad in ["", ":9000", "host:", "host:0", "host:65536", "host:+80", "a b:80", "[::1", "[host]:80", "h/x:80", "host"] {
            #expect(HostPort(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test("listen addresses")
    func listen() {
        #expect(ListenAddress(parsing: "unix:/run/tvcas.sock") == .unix(path: "/run/tvcas.sock"))
        #expect(ListenAddress(parsing: "0.0.0.0:9000") == .tcp(HostPort(host: "0.0.0.0", port: 9000)))
        #expect(ListenAddress(parsing: "unix:/run/tvcas.sock")?.description == "unix:/run/tvcas.sock")
        for bad in ["unix:", "unix:run.sock", "unix:/" + String(repeating: "x", count: 120), "9000", "localhost"] {
            #expect(ListenAddress(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test("zones: tz database names and ±HHMM offsets")
    func zones() throws {
        let moscow = try #require(ConfiguredZone(parsing: "Europe/Moscow"))
        #expect(!moscow.isFixedOffset)
        #expect(moscow.timeZone.identifier == "Europe/Moscow")
        let offset = try #require(ConfiguredZone(parsing: "-0330"))
        #expect(offset.isFixedOffset)
        #expect(offset.timeZone.secondsFromGMT() == -(3 * 3600 + 30 * 60))
        #expect(ConfiguredZone(parsing: "+1400") != nil)
        #expect(ConfiguredZone(parsing: "UTC") != nil)
        for bad in ["+1500", "+0360", "0300", "+03:00", "Europe", "Europe/", "europe/moscow ", "/etc/passwd", "../Europe/Moscow", ""] {
            #expect(ConfiguredZone(parsing: bad) == nil, "\(bad)")
        }
        #expect(ConfiguredZone.host.text.isEmpty == false)
    }

    @Test("mysql_server nodes, each with its port")
    func nodes() {
        let settings = ConfiguredDatabase(server: "db1, db2:3307 ,db3", port: 3310)
        #expect(
            settings.nodes == [
                DatabaseNode(host: "db1", port: 3310), DatabaseNode(host: "db2", port: 3307), DatabaseNode(host: "db3", port: 3310),
            ])
        #expect(settings.connection == .tcp(settings.nodes))
        #expect(ConfiguredDatabase(server: "localhost").nodes == [DatabaseNode(host: "localhost", port: 3306)])
    }

    @Test("connection rule: socket, then localhost's default socket, then TCP")
    func connectionRule() {
        #expect(ConfiguredDatabase(server: "db1", socket: "/run/mysqld/mysqld.sock").connection == .socket(path: "/run/mysqld/mysqld.sock"))
        #expect(ConfiguredDatabase(server: "localhost").connection == .defaultSocket)
        #expect(ConfiguredDatabase(server: "localhost", socket: "").connection == .defaultSocket)
        #expect(ConfiguredDatabase(server: "localhost:3307").connection == .tcp([DatabaseNode(host: "localhost", port: 3307)]))
        #expect(ConfiguredDatabase(server: "127.0.0.1").connection == .tcp([DatabaseNode(host: "127.0.0.1", port: 3306)]))
    }

    @Test("run_on: empty is any host, else a comma list")
    func runOn() {
        let supervise = SuperviseSettings(host: "cas1")
        #expect(supervise.mayRun(runOn: ""))
        #expect(supervise.mayRun(runOn: "cas2, cas1"))
        #expect(!supervise.mayRun(runOn: "cas2"))
    }
}
