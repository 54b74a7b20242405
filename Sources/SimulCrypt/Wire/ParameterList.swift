import NIOCore

/// The parameters of one message body, split into type-length-value entries, from which a
/// message's decoder takes what it expects.
///
/// Every accessor checks the number of occurrences and the value's length; ``requireAllTaken()``
/// then rejects whatever the message does not define.
struct ParameterList<ParameterType: SimulCryptParameterType> {
    /// One parameter of the body.
    struct Entry {
        var type: UInt16
        var value: ByteBuffer
        var taken = false
    }

    /// The protocol_version of the message, for version-dependent rules.
    let protocolVersion: UInt8
    /// The entries in wire order, as far as the body could be split.
    private(set) var entries: [Entry] = []
    /// Why the body could not be split completely, if it could not.
    private(set) var structureFailure: SimulCryptDecodingError.Kind?

    /// Splits `body` (exactly the message_length bytes) into entries. Never allocates more than
    /// the body holds: values are slices of it.
    init(body: ByteBuffer, protocolVersion: UInt8) {
        self.protocolVersion = protocolVersion
        var body = body
        entries.reserveCapacity(min(8, body.readableBytes / 4))
        while body.readableBytes > 0 {
            guard body.readableBytes >= 4,
                let type = body.readInteger(as: UInt16.self),
                let length = body.readInteger(as: UInt16.self)
            else {
                structureFailure = .truncatedParameterHeader(remainingBytes: body.readableBytes)
                return
            }
            guard let value = body.readSlice(length: Int(length)) else {
                structureFailure = .parameterExceedsMessage(
                    parameterType: type, length: Int(length), remainingBytes: body.readableBytes)
                return
            }
            entries.append(Entry(type: type, value: value))
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

    /// The first value of `type` that is exactly `width` bytes long, without taking it (used to
    /// name the channel or stream an error concerns).
    func peek(_ type: ParameterType, width: Int) -> ByteBuffer? {
        entries.first { $0.type == type.rawValue && $0.value.readableBytes == width }?.value
    }

    // MARK: Taking values

    /// Takes every value of `type`, checking the count against `occurrences` and each length
    /// against `lengths`.
    mutating func takeAll(
        _ type: ParameterType, occurrences: ClosedRange<Int>, lengths: ClosedRange<Int>
    ) throws(SimulCryptDecodingError.Kind) -> [ByteBuffer] {
        var values: [ByteBuffer] = []
        for index in entries.indices where entries[index].type == type.rawValue {
            let length = entries[index].value.readableBytes
            guard lengths.contains(length) else {
                throw .inconsistentParameterLength(parameterType: type.rawValue, length: length)
            }
            guard values.count < occurrences.upperBound else { throw .repeatedParameter(parameterType: type.rawValue) }
            entries[index].taken = true
            values.append(entries[index].value)
        }
        guard values.count >= occurrences.lowerBound else { throw .missingMandatoryParameter(parameterType: type.rawValue) }
        return values
    }

    /// Takes the single value of `type` if present, checking its length against `lengths`.
    mutating func takeOptional(
        _ type: ParameterType, lengths: ClosedRange<Int>
    ) throws(SimulCryptDecodingError.Kind) -> ByteBuffer? {
        var found: ByteBuffer?
        for index in entries.indices where entries[index].type == type.rawValue {
            guard found == nil else { throw .repeatedParameter(parameterType: type.rawValue) }
            let length = entries[index].value.readableBytes
            guard lengths.contains(length) else {
                throw .inconsistentParameterLength(parameterType: type.rawValue, length: length)
            }
            entries[index].taken = true
            found = entries[index].value
        }
        return found
    }

    /// Takes the single mandatory value of `type`.
    mutating func take(_ type: ParameterType, lengths: ClosedRange<Int>) throws(SimulCryptDecodingError.Kind) -> ByteBuffer {
        guard let value = try takeOptional(type, lengths: lengths) else {
            throw .missingMandatoryParameter(parameterType: type.rawValue)
        }
        return value
    }

    /// Takes an optional fixed-width unsigned integer.
    mutating func optionalInteger<Value: FixedWidthInteger>(
        _ type: ParameterType, as: Value.Type = Value.self
    ) throws(SimulCryptDecodingError.Kind) -> Value? {
        let width = MemoryLayout<Value>.size
        guard let value = try takeOptional(type, lengths: width...width) else { return nil }
        return value.getInteger(at: value.readerIndex, as: Value.self)
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
