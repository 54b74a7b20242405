/// An ordered PHP array: keys keep the position of their first insertion, and assigning to an
/// existing key replaces its value in place (so `set[pair]=0&set[pair]=1` is one entry, `1`).
public struct PHPArray: Sendable, Equatable {
    /// The keys in insertion order.
    public private(set) var keys: [PHPArrayKey] = []
    private var values: [PHPArrayKey: PHPValue] = [:]
    private var nextIndex: Int64 = 0

    /// An empty array.
    public init() {}

    /// The number of entries.
    public var count: Int { keys.count }

    /// Whether the array has no entries.
    public var isEmpty: Bool { keys.isEmpty }

    /// The entries in order.
    public var entries: [(key: PHPArrayKey, value: PHPValue)] { keys.map { ($0, values[$0]!) } }

    /// The value under `key`.
    public subscript(key: PHPArrayKey) -> PHPValue? {
        get { values[key] }
        set {
            guard let newValue else {
                if values.removeValue(forKey: key) != nil { keys.removeAll { $0 == key } }
                return
            }
            if values.updateValue(newValue, forKey: key) == nil {
                keys.append(key)
                if case .int(let index) = key, index >= nextIndex { nextIndex = index &+ 1 }
            }
        }
    }

    /// The value under the string key `name` (a decimal name finds the integer key, as in PHP).
    public subscript(name: String) -> PHPValue? { self[PHPArrayKey(name)] }

    /// Appends `value` under the next integer key (PHP's `$a[] = …`) and returns that key.
    @discardableResult
    public mutating func append(_ value: PHPValue) -> PHPArrayKey {
        let key = PHPArrayKey.int(nextIndex)
        self[key] = value
        return key
    }
}
