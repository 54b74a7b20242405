import Dispatch
import Logging
import NIOCore
import SimulCrypt

/// The SwiftNIO handler of one SCS connection: cuts the byte stream into messages, feeds them to
/// ``ECMGConnectionState``, builds the ECMs it asks for, writes the answers, runs the `timeout`
/// / channel_test timer, and keeps the peer table, the CW log and the metrics current.
///
/// It is the connection's only handler and reads and writes bytes itself, rather than behind
/// NIO's generic `ByteToMessageHandler` / `MessageToByteHandler`: those run unspecialised here,
/// and on a quiet stream, where every CW_provision meets cold caches, their generic look-ups cost
/// more than the ECM. Replies of one read are written in one buffer and flushed together, before
/// the bookkeeping. Everything happens on the channel's event loop; nothing on this path waits
/// for the database.
public final class ECMGConnectionHandler: ChannelInboundHandler {
    public typealias InboundIn = ByteBuffer
    public typealias OutboundOut = ByteBuffer

    private let service: ECMGServiceContext
    private var state: ECMGConnectionState
    private var responder: ECMResponder
    private var logger: Logger
    private var sock: UInt32 = 0
    private var lastActivity = NIODeadline.distantPast
    private var idleCheck: Scheduled<Void>?
    private var isClosing = false
    /// Bytes received but not yet a whole message (never empty).
    private var received: ByteBuffer?
    /// Replies encoded but not yet written.
    private var outbound = ByteBuffer()
    /// Bookkeeping of the ECMs answered in this read, done once the replies are flushed.
    private var answered: [AnsweredECM] = []

    /// An ECM sent, to be counted and logged after the flush.
    private struct AnsweredECM {
        var request: ECMRequest
        var time: UInt32
        var arrival: UInt64
    }

    /// A handler for a new connection of `service`.
    public init(service: ECMGServiceContext) {
        self.service = service
        let settings = service.settings
        state = ECMGConnectionState(settings: settings, ident: service.ident)
        responder = ECMResponder(key: settings.key, filler: service.filler)
        logger = service.logger
    }

    /// The connection's state (for tests).
    public var connectionState: ECMGConnectionState { state }

    /// The connection's `sock` number.
    public var sockNumber: UInt32 { sock }

    // MARK: Channel events

    public func handlerAdded(context: ChannelHandlerContext) {
        outbound = context.channel.allocator.buffer(capacity: 256)
    }

    public func channelActive(context: ChannelHandlerContext) {
        let address = context.channel.remoteAddress.map(Self.describe) ?? "unknown"
        sock = service.peers.open(address: address)
        logger[metadataKey: "peer"] = "\(address)"
        logger[metadataKey: "sock"] = "\(sock)"
        service.metrics.connectionsAccepted.increment()
        service.metrics.connectionsOpen.record(service.peers.openCount)
        logger.debug("SCS connected")
        lastActivity = context.eventLoop.now
        scheduleIdleCheck(context: context)
        context.fireChannelActive()
    }

    public func channelInactive(context: ChannelHandlerContext) {
        idleCheck?.cancel()
        idleCheck = nil
        if let unread = received.take(), !isClosing {
            logger.debug("SCS closed the connection in the middle of a message (\(unread.readableBytes) bytes unread)")
        }
        service.peers.close(sock: sock, now: service.clock())
        service.metrics.connectionsOpen.record(service.peers.openCount)
        logger.debug("SCS disconnected")
        context.fireChannelInactive()
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let arrival = DispatchTime.now().uptimeNanoseconds
        lastActivity = context.eventLoop.now
        guard !isClosing else { return }
        var bytes = unwrapInboundIn(data)
        var buffer: ByteBuffer
        if var pending = received.take() {
            pending.writeBuffer(&bytes)
            buffer = pending
        } else {
            buffer = bytes
        }
        while !isClosing {
            // The usual CW_provision, straight from the bytes; anything else is decoded in full.
            if let fields = CWProvisionFields(peekingAt: buffer, maximumMessageLength: ECMGServer.maximumMessageLength),
                let request = state.request(for: fields)
            {
                buffer.moveReaderIndex(forwardBy: fields.messageLength)
                answer(request, context: context, arrival: arrival)
                continue
            }
            let input: Result<SimulCryptPDU<ECMGMessage>, SimulCryptDecodingError>
            do {
                guard let frame = try ECMGMessage.decodeFrame(from: &buffer, maximumMessageLength: ECMGServer.maximumMessageLength)
                else { break }
                input = frame
            } catch {
                perform(state.receiveUnreadable(error), context: context, arrival: arrival)
                break
            }
            if case .success(let pdu) = input, case .channelSetup = pdu.message {
                state.apply(settings: service.settings)
            }
            perform(state.receive(input), context: context, arrival: arrival)
        }
        guard !isClosing, buffer.readableBytes > 0 else { return }
        if buffer.readerIndex > 4096 { buffer.discardReadBytes() }
        received = buffer
    }

    /// Stops reading while the SCS does not take the replies (the socket's send buffer is full),
    /// so a peer that sends without reading cannot make the ECMG queue replies without bound.
    public func channelWritabilityChanged(context: ChannelHandlerContext) {
        let writable = context.channel.isWritable
        context.channel.setOption(ChannelOptions.autoRead, value: writable).whenFailure { [logger] error in
            logger.debug("could not \(writable ? "resume" : "pause") reading: \(error)")
        }
        context.fireChannelWritabilityChanged()
    }

    public func channelReadComplete(context: ChannelHandlerContext) {
        flushReplies(context: context)
        context.fireChannelReadComplete()
    }

    public func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if !isClosing {
            logger.debug("connection error: \(error)")
            isClosing = true
            context.close(promise: nil)
        }
    }

    // MARK: Writing

    /// Encodes `reply` after the replies already waiting.
    private func enqueue(_ reply: SimulCryptPDU<ECMGMessage>) {
        do {
            try ECMGMessage.encode(reply, into: &outbound)
        } catch {
            // Replies are built here from decoded values; one that cannot be encoded is a bug.
            logger.error("could not encode \(reply.message.messageTypeCode): \(error)")
        }
    }

    /// Writes and flushes the waiting replies, then does the bookkeeping of the ECMs among them.
    private func flushReplies(context: ChannelHandlerContext) {
        if outbound.readableBytes > 0 {
            // Usually written at once, so NIO lets go of the storage and it is reused.
            context.writeAndFlush(wrapOutboundOut(outbound), promise: nil)
            outbound.clear()
        }
        guard !answered.isEmpty else { return }
        for ecm in answered {
            service.peers.countProvision(sock: sock, answered: true)
            service.cwLog.append(
                CWLogRecord(
                    accessCriteria: ecm.request.accessCriteria, oddControlWord: ecm.request.oddControlWord,
                    evenControlWord: ecm.request.evenControlWord, sock: sock, time: ecm.time))
            service.metrics.ecmResponses.increment()
            service.metrics.ecmResponseTime.recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds &- ecm.arrival))
        }
        answered.removeAll(keepingCapacity: true)
    }

    // MARK: Acting

    private func perform(_ action: ECMGConnectionAction, context: ChannelHandlerContext, arrival: UInt64) {
        if let reply = action.reply, action.close == nil {
            enqueue(reply)
        }
        if let request = action.ecmRequest {
            answer(request, context: context, arrival: arrival)
        }
        if let event = action.event {
            note(event)
        }
        if let reason = action.close {
            close(context: context, reason: reason, lastReply: action.reply)
        }
    }

    private func answer(_ request: ECMRequest, context: ChannelHandlerContext, arrival: UInt64) {
        let now = service.clock()
        do {
            try responder.writeResponse(to: request, time: now, into: &outbound, allocator: context.channel.allocator)
        } catch {
            service.peers.countProvision(sock: sock, answered: false)
            logger.error("ECM for stream \(request.streamID) CP \(request.cpNumber) failed: \(error)")
            let failure = ECMGMessage.streamError(
                .init(channelID: request.channelID, streamID: request.streamID, errorStatus: .outOfComputationalResources))
            enqueue(SimulCryptPDU(protocolVersion: request.protocolVersion, message: failure))
            service.metrics.countErrorSent(.outOfComputationalResources)
            return
        }
        answered.append(AnsweredECM(request: request, time: now, arrival: arrival))
    }

    private func note(_ event: ECMGConnectionEvent) {
        switch event {
        case .channelOpened(let channelID, let superCASID, let identMismatch):
            if let settings = state.channel?.settings, settings.key != responder.key {
                responder = ECMResponder(key: settings.key, filler: service.filler)
            }
            logger.info("channel \(channelID) set up, super_CAS_id \(Self.hex(superCASID, digits: 8))")
            if identMismatch {
                logger.warning(
                    "super_CAS_id \(Self.hex(superCASID, digits: 8)) of channel \(channelID): CA_system_id \(Self.hex(superCASID >> 16, digits: 4)) differs from ident \(Self.hex(UInt32(service.ident), digits: 4))"
                )
            }
        case .streamOpened(let channelID, let streamID, let ecmID):
            logger.debug("stream \(streamID) set up on channel \(channelID)\(ecmID.map { ", ECM_id \($0)" } ?? "")")
        case .streamClosed(let channelID, let streamID):
            logger.debug("stream \(streamID) closed on channel \(channelID)")
        case .answeredError(let status, let detail):
            service.metrics.countErrorSent(status)
            logger.warning("answered with error_status \(status): \(detail)")
        case .peerReportedError(let streamID, let statuses):
            let what = streamID.map { "stream_error for stream \($0)" } ?? "channel_error"
            for status in statuses { service.metrics.countErrorReceived(status) }
            logger.warning("SCS sent \(what): \(statuses.map(\.description).joined(separator: ", "))")
        case .sentChannelTest:
            logger.debug("sent channel_test after \(state.timeout) s of silence")
        }
    }

    /// Sends `lastReply` (if any) and everything written before it, then closes the connection.
    public func close(context: ChannelHandlerContext, reason: ECMGCloseReason, lastReply: SimulCryptPDU<ECMGMessage>? = nil) {
        guard !isClosing else { return }
        isClosing = true
        idleCheck?.cancel()
        idleCheck = nil
        switch reason {
        case .channelClosed: logger.info("closing: \(reason)")
        case .shutdown: logger.debug("closing: \(reason)")
        default: logger.warning("closing: \(reason)")
        }
        service.metrics.countClosed(Self.label(reason))
        if let lastReply { enqueue(lastReply) }
        guard outbound.readableBytes > 0 else {
            flushReplies(context: context)
            context.close(promise: nil)
            return
        }
        let bytes = outbound
        outbound.clear()
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(bytes)).whenComplete { _ in channel.close(promise: nil) }
        flushReplies(context: context)
    }

    // MARK: The timeout / channel_test timer

    private func scheduleIdleCheck(context: ChannelHandlerContext) {
        let timeout = state.timeout
        guard timeout > 0, !isClosing else { return }
        let deadline = lastActivity + .seconds(Int64(timeout))
        idleCheck = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { [self] in
            self.idleCheckFired(context: context)
        }
    }

    private func idleCheckFired(context: ChannelHandlerContext) {
        idleCheck = nil
        guard !isClosing else { return }
        let timeout = state.timeout
        if timeout > 0, context.eventLoop.now - lastActivity >= .seconds(Int64(timeout)) {
            lastActivity = context.eventLoop.now
            perform(state.peerWasIdle(), context: context, arrival: DispatchTime.now().uptimeNanoseconds)
            flushReplies(context: context)
        }
        scheduleIdleCheck(context: context)
    }

    // MARK: Text

    static func describe(_ address: SocketAddress) -> String {
        "\(address.ipAddress ?? "?"):\(address.port ?? 0)"
    }

    static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    static func label(_ reason: ECMGCloseReason) -> String {
        switch reason {
        case .channelClosed: "channel_close"
        case .idleWithoutChannel: "idle"
        case .noAnswerToChannelTest: "channel_test_unanswered"
        case .messageTooLong: "message_too_long"
        case .shutdown: "shutdown"
        }
    }
}
