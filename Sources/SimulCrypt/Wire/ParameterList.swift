import NIOCore

/// The parameters of one message body, split into type-length-value entries, from which a
/// message's decoder takes what it expects.
///
/// Entries are offsets into the body, so splitting allocates one small array and no buffers;
/// raw values become slices of the body only when a message takes them. Every accessor checks
/// the number of occurrences and the value's length; ``requireAllTaken()`` then rejects whatever
/// the message does not define.
struct ParameterList<ParameterType: SimulCryptParameterType> {
    /// One parameter of the body: where its value lies.
    struct Entry {
        var type: UInt16
        var length: UInt16
        var offset: Int
        var taken = false
    }

    /// The protocol_version of the message, for version-dependent rules.
    let protocolVersion: UInt8
    /// The message body the entries point into.
    private let body: ByteBuffer
    /// The entries in wire order, as far as the body could be split.
    private(set) var entries: [Entry] = []
    /// Why the body could not be split completely, if it could not.
    private(set) var structureFailure: SimulCryptDecodingError.Kind?

    /// Splits `body` (exactly the message_length bytes) into entries.
    init(body: ByteBuffer, protocolVersion: UInt8) {
        self.protocolVersion = protocolVersion
        self.body = body
        entries.reserveCapacity(min(8, body.readableBytes / 4))
        var index = body.readerIndex
        let end = body.writerIndex
        while index < end {
            guard end - index >= 4,
                let type = body.getInteger(at: index, as: UInt16.self),
                let length = body.getInteger(at: index + 2, as: UInt16.self)
            else {
                structureFailure = .truncatedParameterHeader(remainingBytes: end - index)
                return
            }
            let valueStart = index + 4
            guard end - valueStart >= Int(length) else {
                structureFailure = .parameterExceedsMessage(
                    parameterType: type, length: Int(length), remainingBytes: end - valueStart)
                return
            }
            entries.append(Entry(type: type, length: length, offset: valueStart))
            index = valueStart + Int(length)
        }
    }

    /// Throws the structure failure, then the first parameter type the catalogue does not know.
    func validateStructure() throws(SimulCryptDecodingError.Kind) {
        if let structureFailure { throw structureFailure }
        for entry in entries where !ParameterType(rawValue: entry.type).isKnown {
            throw .unknownParameterType(entry.type)
        }
    }

    /// Throws for the first parameter no accessor took: it is not part of this message.
    func requireAllTaken() throws(SimulCryptDecodingError.Kind) {
        if let entry = entries.first(where: { !$0.taken }) {
            throw .parameterNotAllowed(parameterType: entry.type)
        }
    }

    /// The value of an entry as a slice of the body.
    func value(of entry: Entry) -> ByteBuffer {
        body.getSlice(at: entry.offset, length: Int(entry.length))!
    }

    /// The value of an entry as a big-endian integer of exactly its length.
    func integer<Value: FixedWidthInteger>(of entry: Entry, as: Value.Type = Value.self) -> Value {
        body.getInteger(at: entry.offset, as: Value.self)!
    }

    /// The first value of `type` that is exactly `width` bytes long, without taking it (used to
    /// name the channel or stream an error concerns).
    func peek(_ type: ParameterType, width: Int) -> ByteBuffer? {
        entries.first { $0.type == type.rawValue && Int($0.length) == width }.map(value(of:))
    }

    // MARK: Taking values

    /// Takes every entry of `type`, checking the count against `occurrences` and each length
    /// against `lengths`, and turns each value into a `Value` with `transform`.
    mutating func takeAll<Value>(
        _ type: ParameterType, occurrences: ClosedRange<Int>, lengths: ClosedRange<Int>, _ transform: (ByteBuffer) -> Value
    ) throws(SimulCryptDecodingError.Kind) -> [Value] {
        var values: [Value] = []
        for index in entries.indices where entries[index].type == type.rawValue {
            let length = Int(entries[index].length)
            guard lengths.contains(length) else {
                throw .inconsistentParameterLength(parameterType: type.rawValue, length: length)
            }
            guard values.count < occurrences.upperBound else { throw .repeatedParameter(parameterType: type.rawValue) }
            entries[index].taken = true
            values.append(transform(value(of: entries[index])))
        }
        guard values.count >= occurrences.lowerBound else { throw .missingMandatoryParameter(parameterType: type.rawValue) }
        return values
    }

    /// Takes every raw value of `type`.
    mutating func takeAll(
        _ type: ParameterType, occurrences: ClosedRange<Int>, lengths: ClosedRange<Int>
    ) throws(SimulCryptDecodingError.Kind) -> [ByteBuffer] {
        try takeAll(type, occurrences: occurrences, lengths: lengths) { $0 }
    }

    /// Takes the single entry of `type` if present, checking its length against `lengths`.
    mutating func takeOptionalEntry(
        _ type: ParameterType, lengths: ClosedRange<Int>
    ) throws(SimulCryptDecodingError.Kind) -> Entry? {
        var found: Entry?
        for index in entries.indices where entries[index].type == type.rawValue {
            guard found == nil else { throw .repeatedParameter(parameterType: type.rawValue) }
            let length = Int(entries[index].length)
            guard lengths.contains(length) else {
                throw .inconsistentParameterLength(parameterType: type.rawValue, length: length)
            }
            entries[index].taken = true
            found = entries[index]
        }
        return found
    }

    /// Takes the single raw value of `type` if present.
    mutating func takeOptional(
        _ type: ParameterType, lengths: ClosedRange<Int>
    ) throws(SimulCryptDecodingError.Kind) -> ByteBuffer? {
        try takeOptionalEntry(type, lengths: lengths).map(value(of:))
    }

    /// Takes the single mandatory raw value of `type`.
    mutating func take(_ type: ParameterType, lengths: ClosedRange<Int>) throws(SimulCryptDecodingError.Kind) -> ByteBuffer {
        guard let value = try takeOptional(type, lengths: lengths) else {
            throw .missingMandatoryParameter(parameterType: type.rawValue)
        }
        return value
    }

    /// Takes an optional fixed-width integer (two's complement for signed types).
    mutating func optionalInteger<Value: FixedWidthInteger>(
        _ type: ParameterType, as: Value.Type = Value.self
    ) throws(SimulCryptDecodingError.Kind) -> Value? {
        let width = MemoryLayout<Value>.size
        guard let entry = try takeOptionalEntry(type, lengths: width...width) else { return nil }
        return integer(of: entry)
    }

    /// Takes a mandatory fixed-width integer (two's complement for signed types).
    mutating func integer<Value: FixedWidthInteger>(
        _ type: ParameterType, as: Value.Type = Value.self
    ) throws(SimulCryptDecodingError.Kind) -> Value {
        guard let value = try optionalInteger(type, as: Value.self) else {
            throw .missingMandatoryParameter(parameterType: type.rawValue)
        }
        return value
    }

    /// Takes a mandatory one-byte value that must lie in `range`.
    mutating func byte(_ type: ParameterType, in range: ClosedRange<UInt8>) throws(SimulCryptDecodingError.Kind) -> UInt8 {
        let value: UInt8 = try integer(type)
        guard range.contains(value) else { throw .invalidParameterValue(parameterType: type.rawValue, value: Int(value)) }
        return value
    }
}
