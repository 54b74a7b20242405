import TVCASConfig
import TVCASDatabase

/// A generator row as the supervisor sees it: which generator, whether it should run on this
/// host, and a fingerprint of its columns that tells when the row changed (a child that exited 3
/// is started again only then).
public struct SupervisedRow: Hashable, Sendable, Codable {
    /// Which generator.
    public var key: GeneratorKey
    /// `enable = 1`, `status = 1`, for an EMMG `d_id = 0`, and `run_on` allows this host.
    public var eligible: Bool
    /// The row's settings columns joined; different when the row was edited.
    public var fingerprint: String

    /// A row.
    public init(key: GeneratorKey, eligible: Bool, fingerprint: String) {
        self.key = key
        self.eligible = eligible
        self.fingerprint = fingerprint
    }

    /// An ECMG row (decisions.md §3: `enable = 1` and `status = 1`, `run_on` allowing `settings.host`).
    public init(_ row: ECMGRow, settings: SuperviseSettings) {
        self.init(
            key: GeneratorKey(.ecmg, row.id),
            eligible: row.enable == 1 && row.status == 1 && settings.mayRun(runOn: row.runOn),
            fingerprint: [
                "\(row.enable)", "\(row.status)", "\(row.version)", "\(row.modifiedAt)", row.runOn, "\(row.host)", "\(row.port)",
                row.key ?? "",
            ].joined(separator: "|"))
    }

    /// An EMMG row (also `d_id = 0`).
    public init(_ row: EMMGRow, settings: SuperviseSettings) {
        self.init(
            key: GeneratorKey(.emmg, row.id),
            eligible: row.enable == 1 && row.status == 1 && row.deletedBy == 0 && settings.mayRun(runOn: row.runOn),
            fingerprint: [
                "\(row.enable)", "\(row.status)", "\(row.deletedBy)", "\(row.version)", "\(row.modifiedAt)", row.runOn, row.host,
                "\(row.port)", "\(row.clientID)",
            ].joined(separator: "|"))
    }
}
