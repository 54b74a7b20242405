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

    /// Stores the name of every bit in `names` (an empty name clears it).
    public func save(_ names: [Int: String]) throws(DatabaseError) {
        for (bit, name) in names.sorted(by: { $0.key < $1.key }) where (0..<32).contains(bit) {
            try connection.execute(
                "INSERT INTO tvcas_packages (bit, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name)", [bit, name])
        }
    }
}

extension Connection {
    /// Queries on `tvcas_packages`.
    public var packageNames: PackageNames { PackageNames(connection: self) }
}
