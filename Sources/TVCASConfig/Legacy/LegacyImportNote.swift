/// Something the importer did that the admin should know about (printed on stderr).
public enum LegacyImportNote: Hashable, Sendable, CustomStringConvertible {
    /// `'zone' => date("O")` on `line` became the host's zone `zone`.
    case zoneFromHost(line: Int, zone: String)
    /// A key on `line` that TVCAS does not use was left out.
    case ignoredUnknownKey(key: String, line: Int)

    public var description: String {
        switch self {
        case .zoneFromHost(let line, let zone):
            "line \(line): 'zone' => date(\"O\") (the server's offset) became this host's zone \"\(zone)\"; "
                + "check that it is the zone the old server ran in"
        case .ignoredUnknownKey(let key, let line):
            "line \(line): '\(key)' is not a TVCAS setting; left out"
        }
    }
}
