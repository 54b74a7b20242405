import SimulCrypt

/// What the handler does after ``ECMGConnectionState`` took an input: send a reply, compute an
/// ECM, close the connection, log an event — any of them, in that order.
public struct ECMGConnectionAction: Hashable, Sendable {
    /// A message to send (a status, an error, a close response, a channel_test).
    public var reply: SimulCryptPDU<ECMGMessage>?
    /// An accepted CW_provision whose ECM_response the handler builds and sends.
    public var ecmRequest: ECMRequest?
    /// Close the connection after sending the reply, for this reason.
    public var close: ECMGCloseReason?
    /// Something to log or count.
    public var event: ECMGConnectionEvent?

    /// An action.
    public init(
        reply: SimulCryptPDU<ECMGMessage>? = nil, ecmRequest: ECMRequest? = nil, close: ECMGCloseReason? = nil,
        event: ECMGConnectionEvent? = nil
    ) {
        self.reply = reply
        self.ecmRequest = ecmRequest
        self.close = close
        self.event = event
    }

    /// Nothing to do.
    public static let none = ECMGConnectionAction()
}
