import TVCASDatabase

/// The gate of decisions.md §3: an ECMG runs only from a row that exists with `status = 1` and
/// `enable = 1`, and whose settings are usable. Anything else ends `tvcas ecmg` with exit status 3.
public enum ECMGRowCheck {
    /// Why a row may not run.
    public enum Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        /// No `tvcas_ecmg` row has this id.
        case missing(id: UInt32)
        /// The row's `status` is not 1.
        case statusNotOne(id: UInt32, status: UInt8)
        /// The row's `enable` is not 1.
        case disabled(id: UInt32)
        /// The row's settings cannot be served (bad key, bad packet_mode).
        case unusable(ECMGSettingsError)

        public var description: String {
            switch self {
            case .missing(let id): "ECMG_\(id): no such row in tvcas_ecmg"
            case .statusNotOne(let id, let status): "ECMG_\(id): status is \(status), not 1"
            case .disabled(let id): "ECMG_\(id): not enabled (enable = 0)"
            case .unusable(let error): error.description
            }
        }
    }

    /// The settings of row `id`, or why it may not run.
    public static func settings(id: UInt32, row: ECMGRow?) throws(Refusal) -> ECMGRowSettings {
        guard let row else { throw .missing(id: id) }
        guard row.status == 1 else { throw .statusNotOne(id: id, status: row.status) }
        guard row.enable == 1 else { throw .disabled(id: id) }
        do {
            return try ECMGRowSettings(row: row)
        } catch {
            throw .unusable(error)
        }
    }
}
