import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Prometheus

/// A small HTTP/1.1 server for Prometheus: `GET /metrics` answers the registry's text format;
/// further paths (the supervisor's `/targets`) come from ``routes``.
///
/// It runs on its own SwiftNIO event loop group, so scrapes never touch a daemon's own loops.
public final class MetricsServer: Sendable {
    /// A route's answer: content type and body.
    public typealias Route = @Sendable () -> (contentType: String, body: [UInt8])

    /// The address the server is bound to (the port is the real one when 0 was asked for).
    public let localAddress: SocketAddress

    private let channel: any Channel
    private let group: MultiThreadedEventLoopGroup

    private init(channel: any Channel, group: MultiThreadedEventLoopGroup) {
        self.channel = channel
        self.group = group
        self.localAddress = channel.localAddress!
    }

    /// Binds `host:port` and starts serving.
    ///
    /// - Parameters:
    ///   - address: `host:port`, e.g. `127.0.0.1:9470` (port 0: any free port).
    ///   - registry: the registry whose metrics `/metrics` shows.
    ///   - routes: further `GET` paths.
    public static func start(
        address: String,
        registry: PrometheusCollectorRegistry,
        routes: [String: Route] = [:]
    ) async throws -> MetricsServer {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]) else {
            throw MetricsServerError.badAddress(address)
        }
        let host = String(address[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        var allRoutes = routes
        allRoutes["/metrics"] = {
            var buffer = [UInt8]()
            registry.emit(into: &buffer)
            return ("text/plain; version=0.0.4; charset=utf-8", buffer)
        }
        let table = allRoutes
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            let channel = try await ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 64)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.pipeline.configureHTTPServerPipeline().flatMap {
                        channel.pipeline.addHandler(MetricsHTTPHandler(routes: table))
                    }
                }
                .bind(host: host, port: port)
                .get()
            return MetricsServer(channel: channel, group: group)
        } catch {
            try? await group.shutdownGracefully()
            throw MetricsServerError.cannotBind(address, underlying: "\(error)")
        }
    }

    /// ``start(address:registry:routes:)`` for code on a thread of its own (not in a task, never
    /// on an event loop): blocks until the server listens or failed to.
    public static func startBlocking(
        address: String,
        registry: PrometheusCollectorRegistry,
        routes: [String: Route] = [:]
    ) throws -> MetricsServer {
        let box = StartResult()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                box.set(.success(try await start(address: address, registry: registry, routes: routes)))
            } catch {
                box.set(.failure(error))
            }
            done.signal()
        }
        done.wait()
        return try box.get()
    }

    /// ``stop()`` for code on a thread of its own: blocks until the server has stopped.
    public func stopBlocking() {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// Stops listening and shuts the server's event loop down.
    public func stop() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }
}

/// The outcome of a start awaited by ``MetricsServer/startBlocking(address:registry:routes:)``.
private final class StartResult: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<MetricsServer, any Error>?

    func set(_ value: Result<MetricsServer, any Error>) { lock.withLock { result = value } }

    func get() throws -> MetricsServer { try lock.withLock { result! }.get() }
}

/// Why the metrics server could not start.
public enum MetricsServerError: Error, CustomStringConvertible {
    /// The address was not `host:port`.
    case badAddress(String)
    /// Binding the address failed (in use, not a local address, …).
    case cannotBind(String, underlying: String)

    public var description: String {
        switch self {
        case .badAddress(let text): "metrics address \"\(text)\": expected host:port"
        case .cannotBind(let text, let underlying): "metrics address \(text): cannot listen: \(underlying)"
        }
    }
}

/// Answers one HTTP request per call from the route table; anything else is 404/405.
private final class MetricsHTTPHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let routes: [String: MetricsServer.Route]

    init(routes: [String: MetricsServer.Route]) { self.routes = routes }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(let request) = unwrapInboundIn(data) else { return }
        let path = String(request.uri.prefix { $0 != "?" })
        let status: HTTPResponseStatus
        var body: [UInt8]
        var contentType = "text/plain; charset=utf-8"
        if request.method != .GET && request.method != .HEAD {
            status = .methodNotAllowed
            body = Array("method not allowed\n".utf8)
        } else if let route = routes[path] {
            status = .ok
            (contentType, body) = route()
        } else {
            status = .notFound
            body = Array("not found\n".utf8)
        }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: contentType)
        headers.add(name: "Content-Length", value: "\(body.count)")
        headers.add(name: "Connection", value: "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: request.version, status: status, headers: headers))), promise: nil)
        if request.method != .HEAD {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        }
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }
}
