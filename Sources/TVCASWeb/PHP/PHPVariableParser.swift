/// Builds request variables with PHP's rules (`php_default_treat_data` and
/// `php_register_variable_ex`): `&`-separated pairs, both sides URL-decoded, names with `[index]`
/// parts make nested arrays, `[]` appends, a name without its closing `]` keeps the `[` as `_`,
/// spaces and dots in the base name become `_`, repeated names: the last one wins.
public struct PHPVariableParser: Sendable {
    /// PHP's `max_input_vars`: variables after this many are dropped.
    public var maxVariables = 1000
    /// PHP's `max_input_nesting_level`: deeper names are dropped.
    public var maxNestingLevel = 64

    /// A parser with PHP's default limits.
    public init() {}

    /// Parses a query string or an `application/x-www-form-urlencoded` body.
    public func parse<Bytes: Collection<UInt8>>(_ input: Bytes) -> PHPArray {
        var result = PHPArray()
        var count = 0
        for pair in input.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            guard count < maxVariables else { break }
            count += 1
            let name: [UInt8]
            let value: [UInt8]
            if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
                name = PHPURLDecoding.decode(pair[pair.startIndex..<equals])
                value = PHPURLDecoding.decode(pair[pair.index(after: equals)...])
            } else {
                name = PHPURLDecoding.decode(pair)
                value = []
            }
            register(name: name, value: .string(value), into: &result)
        }
        return result
    }

    /// Registers one variable, `name` as sent (already URL-decoded), into `array`.
    public func register(name rawName: [UInt8], value: PHPValue, into array: inout PHPArray) {
        guard let path = Self.path(of: rawName), path.count <= maxNestingLevel + 1 else { return }
        Self.assign(value, at: path[...], into: &array)
    }

    /// One step of a variable's path.
    enum PathComponent: Equatable {
        /// `[key]` (or the base name).
        case key(PHPArrayKey)
        /// `[]`.
        case append
    }

    /// Splits a variable name into its base name and indexes, as PHP does.
    static func path(of rawName: [UInt8]) -> [PathComponent]? {
        // The name ends at its first NUL (PHP works on C strings); leading spaces are skipped.
        var name = Array(rawName.prefix { $0 != 0 }.drop { $0 == 0x20 })
        var baseEnd = name.count
        for index in name.indices {
            switch name[index] {
            case 0x20, UInt8(ascii: "."): name[index] = UInt8(ascii: "_")
            case UInt8(ascii: "["): baseEnd = index
            default: continue
            }
            if baseEnd != name.count { break }
        }
        guard baseEnd > 0 else { return nil }
        var base = Array(name[..<baseEnd])
        var components: [PathComponent] = []
        var position = baseEnd
        while position < name.count, name[position] == UInt8(ascii: "[") {
            let indexStart = position + 1
            guard let close = name[indexStart...].firstIndex(of: UInt8(ascii: "]")) else {
                if components.isEmpty {
                    // No closing bracket at the first level: the `[` becomes `_`, the rest is kept.
                    base.append(UInt8(ascii: "_"))
                    base += name[indexStart...]
                }
                break
            }
            if close == indexStart {
                components.append(.append)
            } else {
                components.append(.key(PHPArrayKey(String(decoding: name[indexStart..<close], as: UTF8.self))))
            }
            position = close + 1
        }
        return [.key(PHPArrayKey(String(decoding: base, as: UTF8.self)))] + components
    }

    private static func assign(_ value: PHPValue, at path: ArraySlice<PathComponent>, into array: inout PHPArray) {
        guard let first = path.first else { return }
        let rest = path.dropFirst()
        if rest.isEmpty {
            switch first {
            case .key(let key): array[key] = value
            case .append: array.append(value)
            }
            return
        }
        let key: PHPArrayKey
        switch first {
        case .key(let existing): key = existing
        case .append: key = array.append(.array(PHPArray()))
        }
        var child = array[key]?.array ?? PHPArray()
        array[key] = .string([])  // release the old copy before mutating (keeps the position)
        assign(value, at: rest, into: &child)
        array[key] = .array(child)
    }
}
