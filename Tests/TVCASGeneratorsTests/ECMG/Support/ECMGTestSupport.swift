import Foundation
import Logging
import NIOCore
import NIOEmbedded
import SimulCrypt
import TVCASCore
import TVCASGenerators

/// Settings, services and channels for the ECMG tests.
enum ECMGTestSupport {
    static let keyText = "7E33A278B3617A309B18222F372A231907AC67E08A5F12C3F74769DE8374C7AE"
    static let key = try! ECMKey(hex: keyText)

    static func settings(
        port: UInt16 = 0, packetMode: SectionTSpktFlag = .sections, timeout: UInt16 = 60, minCPDuration: UInt16 = 100
    )
        -> ECMGRowSettings
    {
        ECMGRowSettings(id: 7, host: 0x7F00_0001, port: port, packetMode: packetMode, timeout: timeout, minCPDuration: minCPDuration, key: key)
    }

    static let logger: Logger = {
        var logger = Logger(label: "ecmg-test")
        logger.logLevel = .critical
        return logger
    }()

    static func service(
        _ settings: ECMGRowSettings = settings(), ident: UInt16 = 0x0B00, time: UInt32 = 1_600_000_000,
        filler: ECMFiller = .system, cwLog: CWLogBuffer = CWLogBuffer()
    ) -> ECMGServiceContext {
        ECMGServiceContext(settings: settings, ident: ident, logger: logger, cwLog: cwLog, clock: { time }, filler: filler)
    }

    /// An embedded connection with the ECMG's pipeline, connected.
    static func channel(_ service: ECMGServiceContext) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try ECMGServer.configure(channel, service: service)
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 40000)).wait()
        return channel
    }

    static func bytes(_ pdu: SimulCryptPDU<ECMGMessage>) -> ByteBuffer {
        try! pdu.encoded()
    }

    static func pdu(_ message: ECMGMessage, version: UInt8 = 3) -> SimulCryptPDU<ECMGMessage> {
        SimulCryptPDU(protocolVersion: version, message: message)
    }

    /// Sends `message` and returns every message the ECMG wrote back.
    static func exchange(_ channel: EmbeddedChannel, _ message: ECMGMessage, version: UInt8 = 3) throws -> [SimulCryptPDU<ECMGMessage>] {
        try exchange(channel, raw: bytes(pdu(message, version: version)))
    }

    static func exchange(_ channel: EmbeddedChannel, raw: ByteBuffer) throws -> [SimulCryptPDU<ECMGMessage>] {
        try channel.writeInbound(raw)
        return try replies(channel)
    }

    static func replies(_ channel: EmbeddedChannel) throws -> [SimulCryptPDU<ECMGMessage>] {
        var all = ByteBuffer()
        while let buffer = try channel.readOutbound(as: ByteBuffer.self) { all.writeImmutableBuffer(buffer) }
        var decoded: [SimulCryptPDU<ECMGMessage>] = []
        let decoder = SimulCryptFrameDecoder<ECMGMessage>()
        while let result = try decoder.decodeFrame(from: &all) { decoded.append(try result.get()) }
        return decoded
    }

    static func provision(channel: UInt16 = 0, stream: UInt16, cp: UInt16, cws: [UInt64], ac: UInt32?) -> ECMGMessage {
        var acBuffer: ByteBuffer?
        if let ac {
            var buffer = ByteBuffer()
            buffer.writeInteger(ac)
            acBuffer = buffer
        }
        let combinations = cws.enumerated().map { index, word in
            var buffer = ByteBuffer()
            buffer.writeInteger(word)
            return ECMGMessage.CPCWCombination(cpNumber: cp &+ UInt16(index), controlWord: buffer)
        }
        return .cwProvision(.init(channelID: channel, streamID: stream, cpNumber: cp, cpCWCombinations: combinations, accessCriteria: acBuffer))
    }

    /// The CWs and AC a virtual card reads from `datagram`, or `nil` when it refuses it.
    static func decode(ecm datagram: [UInt8], key: ECMKey = key, accessCriteria: UInt32 = .max) throws -> (odd: UInt64, even: UInt64)? {
        var reader = CardReader(card: VirtualCard(decodingECMsWith: key, accessCriteria: AccessCriteria(rawValue: accessCriteria)))
        let answer = try reader.send(ecm: datagram)
        guard case .controlWords(let odd, let even) = answer.result else { return nil }
        return (odd.rawValue, even.rawValue)
    }
}

extension ByteBuffer {
    init(hexText: String) {
        self.init()
        var index = hexText.startIndex
        while index < hexText.endIndex {
            let next = hexText.index(index, offsetBy: 2)
            writeInteger(UInt8(hexText[index..<next], radix: 16)!)
            index = next
        }
    }

    var hexText: String { readableBytesView.map { String(format: "%02X", $0) }.joined() }
}
