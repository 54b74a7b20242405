import NIOCore

extension ParameterList {
    /// Takes the mandatory section_TSpkt_flag; values above `maximum` are invalid.
    mutating func sectionTSpktFlag(
        _ type: ParameterType, maximum: SectionTSpktFlag
    ) throws(SimulCryptDecodingError.Kind)
        -> SectionTSpktFlag
    {
        SectionTSpktFlag(rawValue: try byte(type, in: 0...maximum.rawValue))!
    }

    /// A well-formed two-byte value of `type`, without taking it (for error context).
    func peekUInt16(_ type: ParameterType) -> UInt16? {
        peek(type, width: 2).flatMap { $0.getInteger(at: $0.readerIndex, as: UInt16.self) }
    }

    /// A well-formed four-byte value of `type`, without taking it (for error context).
    func peekUInt32(_ type: ParameterType) -> UInt32? {
        peek(type, width: 4).flatMap { $0.getInteger(at: $0.readerIndex, as: UInt32.self) }
    }
}
