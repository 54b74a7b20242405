import TVCASDatabase

extension GeneratorState.Kind {
    /// `ECMG` or `EMMG`, as in `ECMG_<id>`.
    var label: String { rawValue.uppercased() }

    /// The panel page, `ecmg` or `emmg`.
    var op: String { rawValue }
}
