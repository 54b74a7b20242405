/// Every key and table of the configuration file (decisions.md §6), in the order generated
/// files and the documentation list them.
public enum ConfigurationSchema {
    /// The tables of our own, in file order.
    public static let tables = ["web", "ecmg", "emmg", "supervise", "metrics"]

    /// What each table is for, for generated files and documentation.
    public static let tableMeanings: [String: String] = [
        "web": "The panels and the billing API (FastCGI behind nginx).",
        "ecmg": "The ECM generators.",
        "emmg": "The EMM generators.",
        "supervise": "The supervisor that starts and stops the generators (`tvcas supervise`).",
        "metrics": "Prometheus metrics of the supervisor and its generators.",
    ]

    /// Every key, top level first, then table by table.
    public static let keys: [ConfigurationKey] = [
        .init(
            nil, "zone", .string, default: nil, described: "the host's time zone", example: "\"Europe/Moscow\"",
            "Time zone in which every date is shown, parsed and written into cards: an IANA name such as "
                + "\"Europe/Moscow\" (follows daylight-saving time; recommended) or a fixed offset \"±HHMM\" such as "
                + "\"+0300\" (no DST)."),
        .init(
            nil, "ident", .string, default: "\"0B00\"",
            "CA system id, 1 to 4 hex digits (\"0B00\" is 0x0B00, Conax); written into every card's .bin. "
                + "Kept as written."),
        .init(
            nil, "ecm_key", .string, default: nil, example: "\"\"",
            "ECM master key: 64 hex digits (32 bytes), kept exactly as written (case matters: the card's .bin "
                + "holds the MD5 of this text). Written into every card's .bin and given to every new ECMG."),
        .init(
            nil, "pass_admin", .string, default: nil, example: "\"\"",
            "Password of the admin panel (/cas/, user admin): a crypt(3) hash from `tvcas hash-password` "
                + "(yescrypt $y$, bcrypt $2b$ or sha512-crypt $6$), or plain text (warned about at start)."),
        .init(
            nil, "pass_oper", .string, default: nil, example: "\"\"",
            "Password of the operator panel (/, user oper): a crypt(3) hash or plain text, as pass_admin."),
        .init(
            nil, "api_key", .string, default: nil, example: "\"\"",
            "Shared secret of the billing API (/api.php, `key` parameter or X-API-Key header); not empty."),
        .init(
            nil, "trademark", .string, default: "\"TVCAS.COM\"",
            "Operator's brand; its first 15 bytes go into every card's .bin."),
        .init(
            nil, "mysql_server", .string, default: "\"localhost\"",
            "Database host, or several cluster nodes \"db1,db2:3307,db3\" (each host[:port], the port "
                + "defaulting to mysql_port). \"localhost\" alone means the client library's default socket."),
        .init(nil, "mysql_port", .integer, default: "3306", "Database TCP port for nodes that name none."),
        .init(nil, "mysql_user", .string, default: "\"tvcas\"", "Database user."),
        .init(nil, "mysql_pass", .string, default: "\"\"", "Database password (may be empty for socket authentication)."),
        .init(nil, "mysql_base", .string, default: "\"tvcas\"", "Database (schema) name."),
        .init(
            nil, "mysql_socket", .string, default: "\"\"", described: "`\"\"` (none)",
            "Unix socket of the database; when set it is used instead of mysql_server."),
        .init(
            nil, "sql_dir", .string, default: nil,
            described: "`/usr/local/share/tvcas/sql` when installed, `./sql` in a checkout",
            example: "\"/usr/local/share/tvcas/sql\"",
            "Folder holding schema.sql and the migrations read by `tvcas migrate`."),
        .init(
            nil, "state_dir", .string, default: "\"/var/lib/tvcas\"",
            "Folder where the daemons keep their state (saved generator rows, pid files)."),
        .init(
            nil, "log_level", .string, default: "\"info\"",
            "Least important log level written: trace, debug, info, notice, warning, error or critical."),

        .init(
            "web", "listen", .string, default: "\"127.0.0.1:9000\"",
            "Where the FastCGI responder listens for nginx: \"host:port\" or \"unix:/path/to/socket\"."),
        .init("web", "workers", .integer, default: "8", "Number of FastCGI worker threads (1 to 1024)."),
        .init(
            "web", "session_idle_minutes", .integer, default: "30",
            "A panel session ends after this many minutes without a request."),
        .init("web", "upload_max_mb", .integer, default: "64", "Largest CSV upload accepted, in MiB."),
        .init(
            "web", "metrics", .string, default: "\"\"", described: "`\"\"` (off)",
            "\"host:port\" on which the web responder serves Prometheus /metrics; \"\" turns it off."),
        .init(
            "web", "log_retention_days", .integer, default: "0", described: "`0` (keep everything)",
            "Rows of the panel log older than this many days are deleted; 0 keeps them all."),
        .init(
            "web", "secret", .string, default: nil, example: "\"\"",
            "Server secret keying the stateless CSRF tokens: at least 16 characters, random, the same on every "
                + "web host. `tvcas init-config` generates one."),

        .init(
            "ecmg", "cw_log_minutes", .integer, default: "60",
            "Control-word log rows (the panels' \"peer CW log\") older than this many minutes are deleted."),

        .init(
            "emmg", "change_poll_ms", .integer, default: "200",
            "How often, in milliseconds, each EMMG polls the card change queue (10 to 60000)."),

        .init(
            "supervise", "grace_seconds", .integer, default: "5",
            "Seconds a stopping generator is given between SIGTERM and SIGKILL."),
        .init(
            "supervise", "max_backoff_seconds", .integer, default: "30",
            "Longest wait before restarting a generator that keeps exiting."),
        .init(
            "supervise", "host", .string, default: nil, described: "the machine's host name", example: "\"cas1\"",
            "This machine's name for generator rows' run_on: rows whose run_on is empty or lists it may run here."),

        .init(
            "metrics", "listen", .string, default: "\"127.0.0.1:9464\"",
            "\"host:port\" on which the supervisor serves its /metrics and, at /targets, its children's "
                + "endpoints for Prometheus HTTP service discovery; \"\" turns it off."),
        .init(
            "metrics", "child_port_base", .integer, default: "9470",
            "Each daemon serves /metrics on 127.0.0.1: ECMG id N on child_port_base + N, EMMG id N on "
                + "child_port_base + 5000 + N."),
    ]

    /// The keys of one table (`nil`: the top level).
    public static func keys(in table: String?) -> [ConfigurationKey] {
        keys.filter { $0.table == table }
    }

    /// The key at `path` (`ecm_key`, `web.listen`).
    public static func key(_ path: String) -> ConfigurationKey? {
        keys.first { $0.path == path }
    }
}
