import Foundation

/// Where the configuration file is, and writing new ones.
public enum ConfigurationFile {
    /// The path used when neither `--config` nor `TVCAS_CONFIG` names one.
    public static let defaultPath = "/etc/tvcas/tvcas.toml"
    /// The environment variable naming the file.
    public static let environmentVariable = "TVCAS_CONFIG"

    /// The file to read, by the precedence of decisions.md §6: `--config` (`explicit`), then
    /// `$TVCAS_CONFIG`, then ``defaultPath``. Empty values count as unset.
    public static func path(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    )
        -> String
    {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty { return fromEnvironment }
        return defaultPath
    }

    /// Writes `text` to `path` readable by its owner only (it holds secrets). Without
    /// `overwrite`, an existing file is left alone and ``ConfigurationFileError/exists(path:)`` thrown.
    public static func write(_ text: String, to path: String, overwrite: Bool) throws(ConfigurationFileError) {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (overwrite ? O_TRUNC : O_EXCL)
        let descriptor = open(path, flags, 0o600)
        guard descriptor >= 0 else {
            let code = errno
            if code == EEXIST { throw .exists(path: path) }
            throw .cannotWrite(path: path, reason: String(cString: strerror(code)))
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        if overwrite { _ = fchmod(descriptor, 0o600) }
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw .cannotWrite(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}

/// Why a new configuration file was not written.
public enum ConfigurationFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A file is already there (pass `--force` to replace it).
    case exists(path: String)
    /// The file could not be created or written.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .exists(let path): "\(path) exists; not overwritten (use --force to replace it)"
        case .cannotWrite(let path, let reason): "\(path): cannot write: \(reason)"
        }
    }
}
