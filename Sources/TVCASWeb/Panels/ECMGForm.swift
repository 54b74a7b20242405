import TVCASDatabase

/// A posted ECMG form (panels.md §4.3, decisions.md §5): `info`, `port`, `timeout` as the
/// original, and `run_on` (decisions.md §8). Only these fields are read, whatever else is
/// posted; a missing field keeps the row's value.
struct ECMGForm {
    /// The row with the form applied.
    var row: ECMGRow

    init(fields: PHPArray, row original: ECMGRow) throws(GeneratorFormError) {
        var row = original
        if let text = fields["info"]?.text { row.info = try GeneratorFields.info(text) }
        if let text = fields["port"]?.text { row.port = try GeneratorFields.port(text) }
        if let text = fields["timeout"]?.text { row.timeout = try GeneratorFields.timeout(text) }
        if let text = fields["run_on"]?.text { row.runOn = try GeneratorFields.runOn(text) }
        self.row = row
    }
}
