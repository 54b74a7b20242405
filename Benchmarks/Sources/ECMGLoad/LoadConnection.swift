import Dispatch
import NIOCore
import SimulCrypt
import TVCASCore

/// One SCS connection of the load: sets up its channel and streams, then sends CW_provisions
/// (on a schedule, or closed-loop when saturating), times every ECM_response and checks its ECM.
final class LoadConnection: ChannelInboundHandler {
    typealias InboundIn = Result<SimulCryptPDU<ECMGMessage>, SimulCryptDecodingError>
    typealias OutboundOut = ByteBuffer

    struct Results: Sendable {
        var latencies: [UInt64] = []
        var errors = 0
        var sent = 0
        var setupNanoseconds: UInt64 = 0
    }

    private let streams: Int
    private let decoder: ECMDecoder
    private let ready: EventLoopPromise<Void>
    private let connectStart: UInt64
    private var statusesWanted: Int
    private var pending: [UInt32: (sent: UInt64, odd: UInt64, even: UInt64)] = [:]
    private var cpNumbers: [UInt16]
    private var nextStream = 0
    private var context: ChannelHandlerContext?
    private(set) var results = Results()
    var saturateWindow: Int?
    var running = true

    init(streams: Int, key: ECMKey, ready: EventLoopPromise<Void>, connectStart: UInt64) {
        self.streams = streams
        decoder = ECMDecoder(key: key)
        self.ready = ready
        self.connectStart = connectStart
        statusesWanted = 1 + streams
        cpNumbers = Array(repeating: 0, count: streams)
    }

    func channelActive(context: ChannelHandlerContext) {
        self.context = context
        send(.channelSetup(.init(channelID: 0, superCASID: 0x0B00_0000)), context: context)
        context.flush()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let now = DispatchTime.now().uptimeNanoseconds
        guard case .success(let pdu) = unwrapInboundIn(data) else {
            results.errors += 1
            return
        }
        switch pdu.message {
        case .channelStatus:
            statusesWanted -= 1
            for stream in 0..<streams {
                send(.streamSetup(.init(channelID: 0, streamID: UInt16(stream), ecmID: UInt16(stream), nominalCPDuration: 100)), context: context)
            }
            context.flush()
        case .streamStatus:
            statusesWanted -= 1
            if statusesWanted == 0 {
                results.setupNanoseconds = now - connectStart
                ready.succeed()
                if let window = saturateWindow {
                    for _ in 0..<window { sendProvision(context: context) }
                    context.flush()
                }
            }
        case .ecmResponse(let response):
            let key = UInt32(response.streamID) << 16 | UInt32(response.cpNumber)
            guard let expected = pending.removeValue(forKey: key) else {
                results.errors += 1
                return
            }
            results.latencies.append(now - expected.sent)
            if let ecm = try? decoder.decode(response.ecmDatagram.readableBytesView),
                ecm.checksumOK, ecm.oddControlWord.rawValue == expected.odd, ecm.evenControlWord.rawValue == expected.even
            {
            } else {
                results.errors += 1
            }
            if saturateWindow != nil, running {
                sendProvision(context: context)
                context.flush()
            }
        default:
            results.errors += 1
        }
    }

    /// Sends the next stream's CW_provision (round robin over the streams).
    func sendProvision(context: ChannelHandlerContext) {
        let stream = nextStream
        nextStream = (nextStream + 1) % streams
        cpNumbers[stream] &+= 1
        let cp = cpNumbers[stream]
        let current = UInt64.random(in: 0...UInt64.max)
        let next = UInt64.random(in: 0...UInt64.max)
        let odd = cp & 1 == 1 ? current : next
        let even = cp & 1 == 1 ? next : current
        pending[UInt32(stream) << 16 | UInt32(cp)] = (DispatchTime.now().uptimeNanoseconds, odd, even)
        var first = ByteBuffer()
        first.writeInteger(current)
        var second = ByteBuffer()
        second.writeInteger(next)
        var ac = ByteBuffer()
        ac.writeInteger(UInt32(0x0000_0010))
        send(
            .cwProvision(
                .init(
                    channelID: 0, streamID: UInt16(stream), cpNumber: cp,
                    cpCWCombinations: [.init(cpNumber: cp, controlWord: first), .init(cpNumber: cp &+ 1, controlWord: second)],
                    accessCriteria: ac)), context: context)
        results.sent += 1
    }

    /// Sends one scheduled CW_provision (open loop).
    func tick() {
        guard let context, running else { return }
        sendProvision(context: context)
        context.flush()
    }

    private func send(_ message: ECMGMessage, context: ChannelHandlerContext) {
        let bytes = try! SimulCryptPDU(protocolVersion: 3, message: message).encoded(allocator: context.channel.allocator)
        context.write(wrapOutboundOut(bytes), promise: nil)
    }
}
