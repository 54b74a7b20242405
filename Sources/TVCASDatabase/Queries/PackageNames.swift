/// Queries on `tvcas_packages`: the names of the 32 packages (one per access-criteria bit).
public struct PackageNames {
    let connection: Connection

    /// The named bits; unnamed bits are missing.
    public func all() throws(DatabaseError) -> [Int: String] {
        var names: [Int: String] = [:]
        for row in try connection.query("SELECT bit, name FROM tvcas_packages ORDER BY bit") {
            let bit: Int = try row.decode("bit")
            let name: String = try row.decode("name")
            if !name.isEmpty { names[bit] = name }
        }
        return names
    }
}

extension Connection {
    /// Queries on `tvcas_packages`.
    public var packageNames: PackageNames { PackageNames(connection: self) }
}
