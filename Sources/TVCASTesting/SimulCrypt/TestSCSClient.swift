import NIOCore
import NIOPosix
import SimulCrypt

/// A minimal SCS over TCP for the tests (generator and HA suites): sends ECMG⇔SCS messages and
/// reads the answers in order.
public final class TestSCSClient {
    /// The connection to the ECMG.
    public let channel: any Channel
    private var inbound: AsyncStream<SimulCryptPDU<ECMGMessage>>.AsyncIterator

    /// Connects to the ECMG on 127.0.0.1:`port`.
    public init(port: Int, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws {
        let (stream, continuation) = AsyncStream.makeStream(of: SimulCryptPDU<ECMGMessage>.self)
        channel = try await ClientBootstrap(group: group)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(SimulCryptMessageDecoder<ECMGMessage>()),
                        Collector(continuation: continuation),
                    ])
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        inbound = stream.makeAsyncIterator()
    }

    /// Sends `message` as one PDU of protocol `version`.
    public func send(_ message: ECMGMessage, version: UInt8 = 3) async throws {
        try await channel.writeAndFlush(try SimulCryptPDU(protocolVersion: version, message: message).encoded()).get()
    }

    /// The next message, `nil` when the ECMG closed the connection.
    public func next() async throws -> SimulCryptPDU<ECMGMessage>? {
        await inbound.next()
    }

    /// Sends `message` and answers the next message that comes back.
    public func request(_ message: ECMGMessage, version: UInt8 = 3) async throws -> SimulCryptPDU<ECMGMessage>? {
        try await send(message, version: version)
        return try await next()
    }

    /// Closes the connection.
    public func close() async {
        try? await channel.close()
    }

    private final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = Result<SimulCryptPDU<ECMGMessage>, SimulCryptDecodingError>
        let continuation: AsyncStream<SimulCryptPDU<ECMGMessage>>.Continuation

        init(continuation: AsyncStream<SimulCryptPDU<ECMGMessage>>.Continuation) {
            self.continuation = continuation
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            if case .success(let pdu) = unwrapInboundIn(data) { continuation.yield(pdu) }
        }

        func channelInactive(context: ChannelHandlerContext) {
            continuation.finish()
        }
    }
}
