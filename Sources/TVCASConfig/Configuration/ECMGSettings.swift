/// The `[ecmg]` table: settings shared by every ECM generator.
public struct ECMGSettings: Hashable, Sendable {
    /// `cw_log_minutes`: control-word log rows older than this many minutes are deleted.
    public var cwLogMinutes: Int

    /// Settings with the default of decisions.md §6.
    public init(cwLogMinutes: Int = 60) {
        self.cwLogMinutes = cwLogMinutes
    }
}
