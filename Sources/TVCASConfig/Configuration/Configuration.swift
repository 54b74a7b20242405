import Logging

/// Everything in `tvcas.toml` (decisions.md §6), validated: what every `tvcas` subcommand runs with.
///
/// Load one with ``load(path:host:)`` (or ``parse(_:path:host:)``), which checks every key and
/// returns the warnings too; or build one in code with the memberwise initialiser (tests).
public struct Configuration: Hashable, Sendable {
    /// `zone`: the zone every date is shown, parsed and written into cards in.
    public var zone: ConfiguredZone
    /// `ident`: the CA system id, 1 to 4 hex digits, as written (`0B00`).
    public var ident: String
    /// `ecm_key`: the ECM master key, 64 hex digits, exactly as written (case kept).
    public var ecmKey: String
    /// `pass_admin`: the admin panel's password.
    public var adminPassword: Password
    /// `pass_oper`: the operator panel's password.
    public var operatorPassword: Password
    /// `api_key`: the billing API's shared secret.
    public var apiKey: String
    /// `trademark`: the operator's brand (its first 15 bytes go into cards).
    public var trademark: String
    /// The `mysql_*` keys.
    public var database: ConfiguredDatabase
    /// `sql_dir`: the folder holding `schema.sql` and the migrations.
    public var sqlDirectory: String
    /// `state_dir`: the folder where daemons keep their state.
    public var stateDirectory: String
    /// `log_level`: the least important level logged.
    public var logLevel: Logger.Level
    /// `[web]`.
    public var web: WebSettings
    /// `[ecmg]`.
    public var ecmg: ECMGSettings
    /// `[emmg]`.
    public var emmg: EMMGSettings
    /// `[supervise]`.
    public var supervise: SuperviseSettings
    /// `[metrics]`.
    public var metrics: MetricsSettings

    /// A configuration from its parts; everything with a default in decisions.md §6 may be left
    /// out (host-dependent defaults come from ``HostFacts/current``). No validation is done here.
    public init(
        ecmKey: String,
        adminPassword: Password,
        operatorPassword: Password,
        apiKey: String,
        web: WebSettings,
        zone: ConfiguredZone? = nil,
        ident: String = "0B00",
        trademark: String = "TVCAS.COM",
        database: ConfiguredDatabase = ConfiguredDatabase(),
        sqlDirectory: String? = nil,
        stateDirectory: String = "/var/lib/tvcas",
        logLevel: Logger.Level = .info,
        ecmg: ECMGSettings = ECMGSettings(),
        emmg: EMMGSettings = EMMGSettings(),
        supervise: SuperviseSettings? = nil,
        metrics: MetricsSettings = MetricsSettings()
    ) {
        self.ecmKey = ecmKey
        self.adminPassword = adminPassword
        self.operatorPassword = operatorPassword
        self.apiKey = apiKey
        self.web = web
        self.zone = zone ?? HostFacts.current.zone
        self.ident = ident
        self.trademark = trademark
        self.database = database
        self.sqlDirectory = sqlDirectory ?? HostFacts.current.sqlDirectory
        self.stateDirectory = stateDirectory
        self.logLevel = logLevel
        self.ecmg = ecmg
        self.emmg = emmg
        self.supervise = supervise ?? SuperviseSettings(host: HostFacts.current.hostName)
        self.metrics = metrics
    }

    /// The ECM key's 32 bytes (its text is validated as 64 hex digits at load).
    public var ecmKeyBytes: [UInt8] { Self.hexBytes(ecmKey) ?? [] }

    /// The ident as a number (`0B00` → 0x0B00).
    public var identValue: UInt16 { UInt16(ident, radix: 16) ?? 0 }

    /// The bytes of an even-length hex string, or `nil` when it is not one.
    static func hexBytes(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
