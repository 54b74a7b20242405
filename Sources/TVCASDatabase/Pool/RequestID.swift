import Foundation

/// The id a write transaction records in `tvcas_requests` before anything else, so that a
/// replay can tell that its first attempt committed (decisions.md §9).
public struct RequestID: Sendable, Hashable, CustomStringConvertible {
    /// The id: printable ASCII, at most 64 characters.
    public let value: String

    /// An id given by the caller (an API request's id, say); nil when it is empty, longer than
    /// 64 characters or not printable ASCII.
    public init?(_ value: String) {
        guard !value.isEmpty, value.utf8.count <= 64, value.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else { return nil }
        self.value = value
    }

    private init(unchecked value: String) { self.value = value }

    /// A fresh random id (32 hex digits).
    public static func random() -> RequestID {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        return RequestID(unchecked: String(format: "%016llx%016llx", high, low))
    }

    public var description: String { value }
}
