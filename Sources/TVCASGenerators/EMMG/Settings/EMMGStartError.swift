/// Why `tvcas emmg --id N` will not run row N (exit status 3; the supervisor does not restart it).
public enum EMMGStartError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `tvcas_emmg` row has this id.
    case missing(id: UInt32)
    /// The row's `status` is not 1.
    case notActive(id: UInt32, status: UInt8)
    /// The row is marked deleted (`d_id` ≠ 0).
    case deleted(id: UInt32)
    /// The row's `enable` is not 1.
    case disabled(id: UInt32)

    public var description: String {
        switch self {
        case .missing(let id): "EMMG_\(id): no such row in tvcas_emmg"
        case .notActive(let id, let status): "EMMG_\(id): status is \(status), not 1"
        case .deleted(let id): "EMMG_\(id): the row is deleted (d_id is not 0)"
        case .disabled(let id): "EMMG_\(id): not enabled (enable is not 1)"
        }
    }
}
