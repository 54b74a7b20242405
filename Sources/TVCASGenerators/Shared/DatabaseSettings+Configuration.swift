import TVCASConfig
import TVCASDatabase

extension DatabaseSettings {
    /// Connection settings for a generator daemon from the configuration's `mysql_*` keys, with
    /// short timeouts: a daemon must notice an unreachable database quickly and carry on.
    public static func forGenerator(_ database: ConfiguredDatabase) -> DatabaseSettings {
        DatabaseSettings(database, connectTimeout: 2, readTimeout: 10, writeTimeout: 10)
    }
}
