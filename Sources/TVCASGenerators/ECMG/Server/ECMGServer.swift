import Logging
import NIOCore
import NIOPosix
import SimulCrypt
import Synchronization

/// The ECMG's TCP server on SwiftNIO: one listening socket on the row's address and port, any
/// number of SCS connections, each with its own ``ECMGConnectionHandler``.
///
/// ```swift
/// let server = try await ECMGServer.start(service: context, group: MultiThreadedEventLoopGroup.singleton)
/// try await server.apply(settings: newSettings)   // rebinds only when host or port changed
/// await server.shutdown()                          // stop accepting, close every connection
/// ```
public final class ECMGServer: Sendable {
    /// The connections' shared context.
    public let service: ECMGServiceContext
    /// The event loops the server and its connections run on.
    public let group: any EventLoopGroup
    /// The largest message_length read; a longer message is answered "message too long" and
    /// its connection closed (a CW_provision is well under 100 bytes).
    public static let maximumMessageLength = 4096

    private let listener: Mutex<(any Channel)?>
    private let connections = Mutex<[ObjectIdentifier: any Channel]>([:])
    private let stopping = Atomic<Bool>(false)

    private init(service: ECMGServiceContext, group: any EventLoopGroup, listener: any Channel) {
        self.service = service
        self.group = group
        self.listener = Mutex(listener)
    }

    /// Binds the address and port of `service.settings` and starts accepting.
    ///
    /// - Throws: NIO's error when the address cannot be bound (in use, not local).
    public static func start(service: ECMGServiceContext, group: any EventLoopGroup) async throws -> ECMGServer {
        let box = ServerBox()
        let settings = service.settings
        let channel = try await bind(host: settings.listenHost, port: Int(settings.port), service: service, group: group, box: box)
        let server = ECMGServer(service: service, group: group, listener: channel)
        box.server.withLock { $0 = server }
        service.logger.info("listening on \(settings.listenHost):\(settings.port)")
        return server
    }

    /// The address the listening socket is bound to (its real port when 0 was configured).
    public var localAddress: SocketAddress? { listener.withLock { $0?.localAddress } }

    /// The number of open SCS connections.
    public var connectionCount: Int { connections.withLock { $0.count } }

    /// Takes new row settings: new channels get them; the listening socket moves only when
    /// the address or port changed (the new one is bound before the old one closes, so a failed
    /// bind keeps the old one and throws).
    public func apply(settings: ECMGRowSettings) async throws {
        let old = service.settings
        if old.needsRebind(for: settings) {
            let box = ServerBox()
            box.server.withLock { $0 = self }
            let channel = try await Self.bind(
                host: settings.listenHost, port: Int(settings.port), service: service, group: group, box: box)
            let previous = listener.withLock { current in
                defer { current = channel }
                return current
            }
            try? await previous?.close()
            service.logger.info("listening on \(settings.listenHost):\(settings.port) (moved from \(old.listenHost):\(old.port))")
        }
        service.settings = settings
        service.metrics.settingsVersion.record(Int64(settings.version))
    }

    /// Stops accepting and closes every connection (whatever they were sending); returns when
    /// all are closed.
    public func shutdown() async {
        stopping.store(true, ordering: .relaxed)
        let channel = listener.withLock { current in
            defer { current = nil }
            return current
        }
        try? await channel?.close()
        let open = connections.withLock { Array($0.values) }
        await withTaskGroup(of: Void.self) { group in
            for connection in open {
                group.addTask { try? await connection.close() }
            }
        }
    }

    // MARK: Connections

    private func accepted(_ channel: any Channel) -> Bool {
        guard !stopping.load(ordering: .relaxed) else { return false }
        let key = ObjectIdentifier(channel)
        connections.withLock { $0[key] = channel }
        channel.closeFuture.whenComplete { [weak self] _ in
            self?.connections.withLock { _ = $0.removeValue(forKey: key) }
        }
        return true
    }

    /// Adds the ECMG's handlers to a new connection's pipeline.
    public static func configure(_ channel: any Channel, service: ECMGServiceContext) throws {
        try channel.pipeline.syncOperations.addHandler(ECMGConnectionHandler(service: service))
    }

    private static func bind(
        host: String, port: Int, service: ECMGServiceContext, group: any EventLoopGroup, box: ServerBox
    ) async throws -> any Channel {
        try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.socketOption(.so_keepalive), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { channel in
                if let server = box.server.withLock({ $0 }), !server.accepted(channel) {
                    return channel.close()
                }
                return channel.eventLoop.makeCompletedFuture { try configure(channel, service: service) }
            }
            .bind(host: host, port: port)
            .get()
    }
}

/// Lets the child initializer reach the server, which exists only once the bind succeeded.
private final class ServerBox: Sendable {
    let server = Mutex<ECMGServer?>(nil)
}
