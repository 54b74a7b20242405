import CMariaDB

/// The one-time initialisation of MariaDB Connector/C.
///
/// `mysql_library_init` is a macro Swift cannot call; `mysql_server_init(0, nil, nil)` is the
/// same thing. It must run once, before any connection is made on any thread: Swift runs a
/// static's initialiser exactly once, on first use, under a lock.
enum MariaDBLibrary {
    private static let initialised: Bool = mysql_server_init(0, nil, nil) == 0

    /// Initialises the library on first call; later calls do nothing.
    static func ensureInitialised() {
        _ = initialised
    }
}
