import Foundation

/// Where the repository and the shared material (`../shared/` beside it) are.
///
/// Found from this source file's location, so tests work from any working directory. CI clones
/// the repository into another folder with a copy of `shared/` beside it, which this also finds.
public enum RepositoryPaths {
    /// The repository root (the folder holding `Package.swift`).
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `../shared` beside the repository, or `$TVCAS_SHARED_DIR` when set.
    public static let shared: URL = {
        if let dir = ProcessInfo.processInfo.environment["TVCAS_SHARED_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        return root.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// The golden vectors (`shared/vectors`), or `$TVCAS_VECTOR_DIR` when set (a held-out set).
    public static let vectors: URL = {
        if let dir = ProcessInfo.processInfo.environment["TVCAS_VECTOR_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        return shared.appendingPathComponent("vectors")
    }()

    /// The shared checker scripts (`shared/tools`).
    public static var tools: URL { shared.appendingPathComponent("tools") }

    /// The fixture dump of an original TVCAS3 database.
    public static var fixtureDump: URL { shared.appendingPathComponent("fixtures/tvcas.sql") }

    /// The fixture `includes/config.php` of an original TVCAS3 installation.
    public static var legacyConfig: URL { shared.appendingPathComponent("fixtures/legacy-config.php") }

    /// The repository's `sql/` folder.
    public static var sql: URL { root.appendingPathComponent("sql") }

    /// The `tvcas` executable built next to the running test bundle.
    public static var tvcasExecutable: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundle, bundle.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("tvcas")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return root.appendingPathComponent(".build/debug/tvcas")
    }
}
