import Foundation
import Logging
import NIOCore
import NIOPosix
import SimulCrypt
import TVCASCore
import TVCASDatabase

/// The EMM generator of one `tvcas_emmg` row (issue 10): a SimulCrypt client of the MUX that puts
/// every due card's EMM on air within the bandwidth, changed cards ahead of the cycle.
///
/// ```swift
/// let daemon = EMMGDaemon(options: options, pool: pool)
/// try await daemon.run()   // returns after requestShutdown(), having closed stream and channel
/// ```
public final class EMMGDaemon: Sendable {
    /// How it runs.
    public let options: EMMGDaemonOptions
    /// The database.
    public let pool: ConnectionPool
    /// What the tasks share (read it in tests).
    public let live: EMMGLiveState
    let logger: Logger
    let builder: EMMBuilder
    let startedAt: UInt32

    /// A daemon for row `options.id`; ``run()`` loads the row.
    public init(options: EMMGDaemonOptions, pool: ConnectionPool, logger: Logger? = nil) {
        self.options = options
        self.pool = pool
        self.logger = logger ?? Logger(label: "emmg_\(options.id)")
        self.builder = EMMBuilder(zone: options.zone)
        self.startedAt = DaemonClock.unix
        self.live = EMMGLiveState(settings: EMMGSettingsRow(row: EMMGRow(id: options.id)))
    }

    /// Asks the daemon to close its stream and channel and return from ``run()``.
    public func requestShutdown() { live.requestShutdown() }

    /// Loads the row and runs until ``requestShutdown()``.
    ///
    /// - Throws: ``EMMGStartError`` when the row is missing, disabled, deleted or not `status = 1`.
    public func run() async throws {
        guard let settings = try await loadSettings() else { return }
        live.withValues { $0.settings = settings }
        EMMGMetrics.prepare()
        let cursorStart = await initialCursor()
        logger.info("EMMG started", metadata: ["mux": "\(settings.host):\(settings.port)", "version": "\(settings.version)"])
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        await withTaskGroup(of: Void.self) { tasks in
            tasks.addTask { await self.statusLoop() }
            tasks.addTask { await self.changeLoop(cursor: cursorStart) }
            tasks.addTask {
                await self.connectionLoop(group: group)
                self.requestShutdown()
            }
            await tasks.waitForAll()
        }
        try? await group.shutdownGracefully()
        await writeStatusOnce(final: true)
        logger.info("EMMG stopped")
    }

    // MARK: Row

    /// The row, from the database or, during an outage, from the saved copy; nil when shut down while waiting.
    func loadSettings() async throws -> EMMGSettingsRow? {
        var backoff = Backoff(base: 1, cap: options.maxBackoffSeconds)
        let id = options.id
        while !live.snapshot.shutdownRequested {
            do {
                let row = try await pool.withConnection { try $0.emmgs.find(id: id) }
                if let refusal = EMMGSettingsRow.refusal(of: row, id: id) { throw refusal }
                let settings = EMMGSettingsRow(row: row!)
                do { try settings.saveCopy(stateDirectory: options.stateDirectory) } catch {
                    logger.warning("cannot save the row's copy", metadata: ["error": "\(error)"])
                }
                return settings
            } catch let error as EMMGStartError {
                throw error
            } catch {
                if let copy = EMMGSettingsRow.loadCopy(stateDirectory: options.stateDirectory, id: id) {
                    logger.warning("database unavailable; starting from the saved row", metadata: ["error": "\(error)"])
                    return copy
                }
                let delay = backoff.nextDelay()
                logger.warning("database unavailable and no saved row; retrying", metadata: ["error": "\(error)", "in": "\(delay)"])
                await sleepUnlessShutdown(delay)
            }
        }
        return nil
    }

    /// The stored cursor, or the newest change for a new EMMG (stored at once); 0 when unreachable.
    func initialCursor() async -> UInt64 {
        let id = options.id
        let now = DaemonClock.unix
        do {
            return try await pool.withConnection { connection in
                if let stored = try connection.changeQueue.cursor(emmgID: id) { return stored }
                let newest = try connection.changeQueue.newestID()
                try connection.changeQueue.moveCursor(emmgID: id, to: newest, at: now)
                return newest
            }
        } catch {
            logger.warning("cannot read the change cursor; changes reach the cards through the cycle", metadata: ["error": "\(error)"])
            return UInt64.max
        }
    }

    func sleepUnlessShutdown(_ seconds: Double) async {
        let end = DaemonClock.monotonic + seconds
        while DaemonClock.monotonic < end && !live.snapshot.shutdownRequested {
            await DaemonClock.sleep(min(0.05, end - DaemonClock.monotonic))
        }
    }

    // MARK: MUX connections

    func connectionLoop(group: MultiThreadedEventLoopGroup) async {
        var cycle = CardCycle(batchSize: options.batchSize, repetition: Int(live.snapshot.settings.repetition))
        var recent = RecentEMMs(capacity: options.recentCapacity)
        var backoff = Backoff(base: 0.5, cap: options.maxBackoffSeconds)
        while !live.snapshot.shutdownRequested {
            let settings = live.withValues { values in
                values.reconnectRequested = false
                values.connectionNumber += 1
                return values.settings
            }
            let started = DaemonClock.monotonic
            let end = await session(settings: settings, group: group, cycle: &cycle, recent: &recent)
            EMMGMetrics.muxSession(open: false)
            live.withValues {
                $0.peer = nil
                $0.status.channelTimeOpen = 0
                $0.status.streamTimeOpen = 0
                $0.allocatedBandwidth = nil
            }
            if live.snapshot.shutdownRequested { break }
            if end == .closedByUs {
                backoff.reset()
                continue
            }
            if DaemonClock.monotonic - started > 10 { backoff.reset() }
            EMMGMetrics.connectionFailed()
            let delay = backoff.nextDelay()
            live.withValues { $0.lastError = end.description }
            logger.warning(
                "MUX session ended; reconnecting",
                metadata: ["peer": "\(settings.host):\(settings.port)", "reason": "\(end)", "in": "\(String(format: "%.1f", delay)) s"])
            await sleepUnlessShutdown(delay)
        }
    }

    typealias MUXChannel = NIOAsyncChannel<Result<SimulCryptPDU<EMMGMessage>, SimulCryptDecodingError>, SimulCryptPDU<EMMGMessage>>

    /// One connection: handshake, then EMMs until it ends.
    func session(
        settings: EMMGSettingsRow, group: MultiThreadedEventLoopGroup, cycle: inout CardCycle, recent: inout RecentEMMs
    ) async -> MUXSessionEnd {
        let channel: MUXChannel
        do {
            channel = try await ClientBootstrap(group: group)
                .connectTimeout(.seconds(5))
                .connect(host: settings.host, port: Int(settings.port)) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SimulCryptMessageDecoder<EMMGMessage>()))
                        try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(SimulCryptMessageEncoder<EMMGMessage>()))
                        return try MUXChannel(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            return .connectFailed("\(settings.host):\(settings.port): \(error)")
        }
        live.withValues { $0.peer = "\(settings.host):\(settings.port)" }
        let flags = SessionFlags()
        let underlying = channel.channel
        do {
            return try await channel.executeThenClose { inbound, outbound in
                await withTaskGroup(of: Void.self) { group in
                    group.addTask { await self.read(inbound: inbound, outbound: outbound, settings: settings, flags: flags) }
                    let end = await self.drive(outbound: outbound, settings: settings, flags: flags, cycle: &cycle, recent: &recent)
                    // Ends the reader too: the inbound stream finishes when the channel closes.
                    try? await underlying.close()
                    group.cancelAll()
                    return end
                }
            }
        } catch {
            return flags.snapshot.ended ?? .peerClosedConnection
        }
    }

    /// Reads the MUX's messages and answers them (channel_test, stream_test, stream_close_request).
    func read(
        inbound: NIOAsyncChannelInboundStream<Result<SimulCryptPDU<EMMGMessage>, SimulCryptDecodingError>>,
        outbound: NIOAsyncChannelOutboundWriter<SimulCryptPDU<EMMGMessage>>, settings: EMMGSettingsRow, flags: SessionFlags
    ) async {
        let handler = EMMGInbound(settings: settings)
        let outgoing = EMMGOutbound(settings: settings)
        do {
            for try await received in inbound {
                if case .success(let pdu) = received, case .streamCloseResponse = pdu.message {
                    flags.update { $0.closeResponseSeen = true }
                }
                if case .failure(let error) = received {
                    logger.warning("malformed message from the MUX", metadata: ["error": "\(error)"])
                }
                let now = DaemonClock.unix
                switch handler.action(for: received) {
                case .reply(let reply):
                    try await outbound.write(reply)
                case .channelOpen:
                    flags.update { $0.channelOpen = true }
                    live.withValues { if $0.status.channelTimeOpen == 0 { $0.status.channelTimeOpen = now } }
                case .streamOpen:
                    flags.update { $0.streamOpen = true }
                    live.withValues { if $0.status.streamTimeOpen == 0 { $0.status.streamTimeOpen = now } }
                case .bandwidthAllocated(let bandwidth):
                    flags.update { $0.allocationSeen = true }
                    if let bandwidth {
                        live.withValues { $0.allocatedBandwidth = bandwidth }
                        logger.info("bandwidth allocated", metadata: ["kbit/s": "\(bandwidth)"])
                    }
                case .peerError(let statuses):
                    flags.update { $0.errors = statuses }
                    live.withValues {
                        $0.status.errorCount &+= 1
                        $0.status.errorTimeLast = now
                        $0.lastError = "MUX error: " + statuses.map(\.description).joined(separator: ", ")
                    }
                    EMMGMetrics.peerError(statuses)
                    logger.warning(
                        "the MUX reported an error",
                        metadata: ["peer": "\(settings.host):\(settings.port)", "status": "\(statuses.map(\.description))"])
                case .channelClosed:
                    logger.notice("the MUX closed the channel")
                    flags.update { $0.ended = .channelClosedByMUX }
                    return
                case .streamClosed(let reply):
                    logger.notice("the MUX closed the stream; closing the channel")
                    flags.update { $0.ended = .streamClosedByMUX }
                    try await outbound.write(reply)
                    try await outbound.write(outgoing.channelClose)
                    return
                case .ignore:
                    break
                }
            }
        } catch {
            logger.debug("MUX read ended", metadata: ["error": "\(error)"])
        }
        flags.update { if $0.ended == nil { $0.ended = .peerClosedConnection } }
    }

    /// Waits up to the row's timeout for the reader to see `condition`; the end otherwise.
    func waitFor(
        _ step: String, settings: EMMGSettingsRow, flags: SessionFlags, _ condition: (SessionFlags.Values) -> Bool
    ) async -> MUXSessionEnd? {
        let deadline = DaemonClock.monotonic + settings.handshakeTimeout
        flags.update { $0.errors = [] }
        while DaemonClock.monotonic < deadline {
            let seen = flags.snapshot
            if condition(seen) { return nil }
            if let ended = seen.ended { return ended }
            if !seen.errors.isEmpty {
                return .handshakeRefused(step: step, statuses: seen.errors.map(\.description).joined(separator: ", "))
            }
            if live.snapshot.shutdownRequested { return .closedByUs }
            await DaemonClock.sleep(0.005)
        }
        return .handshakeTimeout(step: step)
    }

    /// The handshake, then the EMMs, until the connection ends or the daemon closes it.
    func drive(
        outbound: NIOAsyncChannelOutboundWriter<SimulCryptPDU<EMMGMessage>>, settings: EMMGSettingsRow, flags: SessionFlags,
        cycle: inout CardCycle, recent: inout RecentEMMs
    ) async -> MUXSessionEnd {
        let outgoing = EMMGOutbound(settings: settings)
        do {
            try await outbound.write(outgoing.channelSetup)
            if let end = await self.waitFor("channel_setup", settings: settings, flags: flags, { $0.channelOpen }) { return end }
            try await outbound.write(outgoing.streamSetup)
            if let end = await self.waitFor("stream_setup", settings: settings, flags: flags, { $0.streamOpen }) { return end }
            try await outbound.write(outgoing.streamBWRequest)
            if let end = await self.waitFor("stream_BW_request", settings: settings, flags: flags, { $0.allocationSeen }) { return end }
            logger.info("channel and stream open", metadata: ["peer": "\(settings.host):\(settings.port)"])
            EMMGMetrics.muxSession(open: true)
            return try await sendEMMs(outbound: outbound, settings: settings, flags: flags, cycle: &cycle, recent: &recent)
        } catch {
            return flags.snapshot.ended ?? .peerClosedConnection
        }
    }

    /// Closes stream and channel as the standard says: stream_close_request, its response (up to 2 s), channel_close.
    func closeCleanly(
        outbound: NIOAsyncChannelOutboundWriter<SimulCryptPDU<EMMGMessage>>, settings: EMMGSettingsRow, flags: SessionFlags
    )
        async throws
    {
        let outgoing = EMMGOutbound(settings: settings)
        try await outbound.write(outgoing.streamCloseRequest)
        let deadline = DaemonClock.monotonic + 2
        while DaemonClock.monotonic < deadline && !flags.snapshot.closeResponseSeen && flags.snapshot.ended == nil {
            await DaemonClock.sleep(0.01)
        }
        try await outbound.write(outgoing.channelClose)
    }
}
