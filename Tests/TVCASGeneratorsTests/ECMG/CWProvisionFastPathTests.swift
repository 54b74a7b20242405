import NIOCore
import SimulCrypt
import TVCASCore
import TVCASGenerators
import Testing

/// The ECMG reads the usual CW_provision with ``CWProvisionFields`` and
/// ``ECMGConnectionState/request(for:)``; everything else goes through the full decoder and
/// ``ECMGConnectionState/receive(_:)``. These tests hold the two paths to the same answers.
@Suite("CW_provision fast path")
struct CWProvisionFastPathTests {
    typealias Support = ECMGTestSupport

    /// A connection with channel 0 and streams 0 and 1 open.
    static func openState() -> ECMGConnectionState {
        var state = ECMGConnectionState(settings: Support.settings(), ident: 0x0B00)
        _ = state.receive(.success(Support.pdu(.channelSetup(.init(channelID: 0, superCASID: 0x0B00_0000)))))
        for stream: UInt16 in 0...1 {
            _ = state.receive(.success(Support.pdu(.streamSetup(.init(channelID: 0, streamID: stream, ecmID: stream, nominalCPDuration: 100)))))
        }
        return state
    }

    static func parameter(_ type: UInt16, _ value: [UInt8]) -> [UInt8] {
        [UInt8(type >> 8), UInt8(type & 0xFF), UInt8(value.count >> 8), UInt8(value.count & 0xFF)] + value
    }

    static func bigEndian<Value: FixedWidthInteger>(_ value: Value) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }

    /// A CW_provision, usually of the usual shape, often bent out of it.
    static func message(_ random: inout SplitMix64) -> [UInt8] {
        func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        let cp = UInt16(truncatingIfNeeded: random.next())
        var parameters: [[UInt8]] = [
            parameter(0x000E, bigEndian(pick([UInt16(0), 0, 0, 1]))),
            parameter(0x000F, bigEndian(pick([UInt16(0), 1, 1, 2]))),
            parameter(0x0012, bigEndian(cp)),
        ]
        if chance(40) { parameters.append(parameter(0x0013, bigEndian(UInt16(100)))) }
        if chance(5) { parameters.append(parameter(0x0018, [1])) }
        let numbers = pick([[cp, cp &+ 1], [cp &+ 1, cp], [cp, cp], [cp &+ 5, cp &+ 6], [cp], [cp, cp &+ 1, cp &+ 2]])
        for number in numbers {
            let length = pick([8, 8, 8, 8, 8, 16, 1])
            parameters.append(parameter(0x0014, bigEndian(number) + (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }))
        }
        if chance(70) {
            let length = pick([4, 4, 4, 0, 2, 6])
            parameters.append(parameter(0x000D, (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }))
        }
        if chance(10) { parameters.swapAt(Int(random.next() % UInt64(parameters.count)), Int(random.next() % UInt64(parameters.count))) }
        if chance(5) { parameters.append(parameters[Int(random.next() % UInt64(parameters.count))]) }
        if chance(5) { parameters.append(parameter(pick([0x0019, 0x7FFF, 0x0001]), [0, 1])) }
        if chance(5) { parameters[0] = parameter(0x000E, [0]) }
        var body = parameters.flatMap { $0 }
        if chance(5) { body.removeLast(Int(random.next() % 3) + 1) }
        var length = body.count
        if chance(5) { length += pick([-3, -1, 1, 2]) }
        let version = pick([UInt8(3), 3, 3, 2, 1, 4, 0])
        let type: UInt16 = chance(3) ? 0x0201 ^ 0x0100 : 0x0201
        // The next message's first bytes follow, as they would on the wire.
        return [version] + bigEndian(type) + bigEndian(UInt16(clamping: max(0, length))) + body + [0x03, 0x02, 0x01, 0x00, 0x2A]
    }

    @Test("what the fast path reads, the full decoder reads as the same CW_provision, and the ECM asked for is the same", arguments: 0..<4)
    func agreesWithFullDecode(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var fast = 0
        var fullOnly = 0
        for _ in 0..<5_000 {
            let bytes = ByteBuffer(bytes: Self.message(&random))
            let fields = CWProvisionFields(peekingAt: bytes, maximumMessageLength: ECMGServer.maximumMessageLength)
            var rest = bytes
            let decoded = try? SimulCryptFrameDecoder<ECMGMessage>(maximumMessageLength: ECMGServer.maximumMessageLength)
                .decodeFrame(from: &rest)
            guard let fields else {
                if case .success? = decoded { fullOnly += 1 }
                continue
            }
            fast += 1
            guard case .success(let pdu)? = decoded, case .cwProvision(let provision) = pdu.message else {
                Issue.record("the fast path read \(fields), the full decoder \(String(describing: decoded)): \(bytes.hexDump(format: .plain))")
                continue
            }
            #expect(bytes.readableBytes - rest.readableBytes == fields.messageLength)
            #expect(provision.channelID == fields.channelID && provision.streamID == fields.streamID && provision.cpNumber == fields.cpNumber)
            var fastState = Self.openState()
            var fullState = Self.openState()
            let request = fastState.request(for: fields)
            let action = fullState.receive(.success(pdu))
            if let request {
                #expect(action.ecmRequest == request, "\(bytes.hexDump(format: .plain))")
                #expect(action.reply == nil)
            } else {
                // Not for an open channel and stream: the full path answers with an error.
                #expect(action.ecmRequest == nil)
                #expect(action.reply != nil)
            }
        }
        // Both kinds occur often enough for the comparison to mean something.
        #expect(fast > 300)
        #expect(fullOnly > 100)
    }

    @Test("a CW_provision while a channel_test is outstanding clears it on either path")
    func clearsOutstandingTest() throws {
        var state = Self.openState()
        _ = state.peerWasIdle()
        #expect(state.isTestOutstanding)
        let bytes = Support.bytes(Support.pdu(Support.provision(stream: 1, cp: 4, cws: [1, 2], ac: 0x10)))
        let fields = try #require(CWProvisionFields(peekingAt: bytes, maximumMessageLength: 4096))
        #expect(state.request(for: fields) != nil)
        #expect(!state.isTestOutstanding)
    }
}
