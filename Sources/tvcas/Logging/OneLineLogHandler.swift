import Foundation
import Logging

/// A swift-log handler writing one line per event to standard error:
///
/// ```
/// 2026-11-25T15:31:57.123Z warning ecmg_24: closing: timeout peer=10.0.0.5:40112 sock=3
/// ```
///
/// Time (UTC), level, the logger's label (the generator as `ecmg_N` / `emmg_N`, `tvcas.web`,
/// `tvcas.supervise`), the message, then the metadata as sorted `key=value` pairs (`peer`,
/// `sock`, `request`, …). Line breaks and other control characters in the message or a value
/// are escaped, and a value with a space or a quote is quoted, so an event is always one line.
struct OneLineLogHandler: LogHandler {
    /// The logger's label.
    let label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    /// A handler for `label` writing events at `level` or above.
    init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { _, new in new } }
        if let own = event.metadata { all.merge(own) { _, new in new } }
        let line = Self.format(
            date: Date(), level: event.level, label: label, message: event.message.description, metadata: all)
        OneLineLogHandler.emit(line)
    }

    /// The line for one event (with its final newline).
    static func format(date: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) -> String {
        var line = "\(timestamp(date)) \(level.rawValue) \(label): \(escaped(message))"
        for key in metadata.keys.sorted() {
            line += " \(escaped(key))=\(quoted(metadata[key]!.description))"
        }
        return line + "\n"
    }

    /// `value` with control characters escaped (`\n`, `\r`, `\t`, `\u{…}`).
    static func escaped(_ value: String) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `value` escaped, and in double quotes when it is empty or holds a space or a quote.
    static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" }) else { return escaped(value) }
        return "\"" + escaped(value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")) + "\""
    }

    private static func timestamp(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), Int(milliseconds % 1000))
    }

    private static let lock = NSLock()

    /// Writes `line` to standard error in one `write(2)`, so lines of different threads never mix.
    private static func emit(_ line: String) {
        let bytes = Array(line.utf8)
        lock.withLock {
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { write(2, $0.baseAddress! + offset, $0.count - offset) }
                if written <= 0 { if errno == EINTR { continue } else { return } }
                offset += written
            }
        }
    }
}
