import NIOCore
import SimulCrypt

/// Random valid messages for round-trip properties.
struct RandomMessages {
    var generator: SeededGenerator

    init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    mutating func int<T: FixedWidthInteger>(_: T.Type = T.self) -> T { T.random(in: T.min...T.max, using: &generator) }
    mutating func bool() -> Bool { Bool.random(using: &generator) }
    mutating func maybe<T>(_ make: (inout Self) -> T) -> T? { bool() ? make(&self) : nil }

    mutating func bytes(_ lengths: ClosedRange<Int>) -> ByteBuffer {
        let count = Int.random(in: lengths, using: &generator)
        return ByteBuffer(bytes: (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    mutating func list<T>(_ counts: ClosedRange<Int>, _ make: (inout Self) -> T) -> [T] {
        (0..<Int.random(in: counts, using: &generator)).map { _ in make(&self) }
    }

    mutating func flag(maximum: UInt8) -> SectionTSpktFlag {
        SectionTSpktFlag(rawValue: UInt8.random(in: 0...maximum, using: &generator))!
    }

    /// A valid ECMG⇔SCS message under a random supported version.
    mutating func ecmg() -> SimulCryptPDU<ECMGMessage> {
        let version = UInt8.random(in: 1...3, using: &generator)
        let channel: UInt16 = int()
        let stream: UInt16 = int()
        let message: ECMGMessage
        switch Int.random(in: 0..<13, using: &generator) {
        case 0: message = .channelSetup(.init(channelID: channel, superCASID: int()))
        case 1: message = .channelTest(.init(channelID: channel))
        case 2:
            message = .channelStatus(
                .init(
                    channelID: channel, sectionTSpktFlag: flag(maximum: 1), acDelayStart: maybe { $0.int() },
                    acDelayStop: maybe { $0.int() }, delayStart: int(), delayStop: int(),
                    transitionDelayStart: maybe { $0.int() }, transitionDelayStop: maybe { $0.int() }, ecmRepPeriod: int(),
                    maxStreams: int(), minCPDuration: int(), leadCW: int(), cwPerMessage: int(), maxCompTime: int()))
        case 3: message = .channelClose(.init(channelID: channel))
        case 4:
            message = .channelError(
                .init(
                    channelID: channel, errorStatuses: list(1...3) { ECMGErrorStatus(rawValue: $0.int()) },
                    errorInformation: list(0...2) { $0.bytes(0...20) }))
        case 5:
            message = .streamSetup(.init(channelID: channel, streamID: stream, ecmID: maybe { $0.int() }, nominalCPDuration: int()))
        case 6: message = .streamTest(.init(channelID: channel, streamID: stream))
        case 7:
            message = .streamStatus(
                .init(channelID: channel, streamID: stream, ecmID: maybe { $0.int() }, accessCriteriaTransferMode: bool()))
        case 8: message = .streamCloseRequest(.init(channelID: channel, streamID: stream))
        case 9: message = .streamCloseResponse(.init(channelID: channel, streamID: stream))
        case 10:
            message = .streamError(
                .init(
                    channelID: channel, streamID: stream, errorStatuses: list(1...3) { ECMGErrorStatus(rawValue: $0.int()) },
                    errorInformation: list(0...2) { $0.bytes(0...20) }))
        case 11:
            let cwLengths = version == 1 ? 8...8 : 1...16
            message = .cwProvision(
                .init(
                    channelID: channel, streamID: stream, cpNumber: int(), cpDuration: maybe { $0.int() },
                    cwEncryption: maybe { $0.bytes(0...8) },
                    cpCWCombinations: list(1...3) { .init(cpNumber: $0.int(), controlWord: $0.bytes(cwLengths)) },
                    accessCriteria: maybe { $0.bytes(0...12) }))
        default:
            message = .ecmResponse(.init(channelID: channel, streamID: stream, cpNumber: int(), ecmDatagram: bytes(0...200)))
        }
        return SimulCryptPDU(protocolVersion: version, message: message)
    }

    /// A valid EMMG⇔MUX message under a random supported version.
    mutating func emmg() -> SimulCryptPDU<EMMGMessage> {
        let version = UInt8.random(in: 1...5, using: &generator)
        let client: UInt32 = int()
        let channel: UInt16 = int()
        let stream: UInt16 = int()
        let maximumFlag: UInt8 = version >= 5 ? 2 : 1
        let dataID: UInt16? = version >= 2 ? int() : maybe { $0.int() }
        let dataType = EMMGDataType(rawValue: int())
        let message: EMMGMessage
        switch Int.random(in: 0..<14, using: &generator) {
        case 0: message = .channelSetup(.init(clientID: client, channelID: channel, sectionTSpktFlag: flag(maximum: maximumFlag)))
        case 1: message = .channelTest(.init(clientID: client, channelID: channel))
        case 2: message = .channelStatus(.init(clientID: client, channelID: channel, sectionTSpktFlag: flag(maximum: maximumFlag)))
        case 3: message = .channelClose(.init(clientID: client, channelID: channel))
        case 4:
            message = .channelError(
                .init(
                    clientID: client, channelID: channel, errorStatuses: list(1...3) { EMMGErrorStatus(rawValue: $0.int()) },
                    errorInformation: list(0...2) { $0.bytes(0...20) }))
        case 5:
            message = .streamSetup(.init(clientID: client, channelID: channel, streamID: stream, dataID: dataID, dataType: dataType))
        case 6: message = .streamTest(.init(clientID: client, channelID: channel, streamID: stream))
        case 7:
            message = .streamStatus(.init(clientID: client, channelID: channel, streamID: stream, dataID: dataID, dataType: dataType))
        case 8: message = .streamCloseRequest(.init(clientID: client, channelID: channel, streamID: stream))
        case 9: message = .streamCloseResponse(.init(clientID: client, channelID: channel, streamID: stream))
        case 10:
            message = .streamError(
                .init(
                    clientID: client, channelID: channel, streamID: stream,
                    errorStatuses: list(1...3) { EMMGErrorStatus(rawValue: $0.int()) }, errorInformation: list(0...2) { $0.bytes(0...20) }))
        case 11:
            message = .streamBWRequest(.init(clientID: client, channelID: channel, streamID: stream, bandwidth: maybe { $0.int() }))
        case 12:
            message = .streamBWAllocation(.init(clientID: client, channelID: channel, streamID: stream, bandwidth: maybe { $0.int() }))
        default:
            message = .dataProvision(
                .init(
                    clientID: client, channelID: version == 1 ? channel : maybe { $0.int() },
                    streamID: version == 1 ? stream : maybe { $0.int() }, dataID: dataID, datagrams: list(1...3) { $0.bytes(0...200) }))
        }
        return SimulCryptPDU(protocolVersion: version, message: message)
    }
}
