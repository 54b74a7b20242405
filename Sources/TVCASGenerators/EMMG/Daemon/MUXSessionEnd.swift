/// How one MUX connection ended.
public enum MUXSessionEnd: Error, Sendable, Equatable, CustomStringConvertible {
    /// The connection could not be made.
    case connectFailed(String)
    /// The MUX did not answer a handshake message in time.
    case handshakeTimeout(step: String)
    /// The MUX answered a handshake message with an error.
    case handshakeRefused(step: String, statuses: String)
    /// The MUX closed the TCP connection.
    case peerClosedConnection
    /// The MUX sent channel_close.
    case channelClosedByMUX
    /// The MUX sent stream_close_request (answered).
    case streamClosedByMUX
    /// The daemon ended the session cleanly (shutdown or new settings).
    case closedByUs

    public var description: String {
        switch self {
        case .connectFailed(let reason): "cannot connect to the MUX: \(reason)"
        case .handshakeTimeout(let step): "the MUX did not answer \(step) in time"
        case .handshakeRefused(let step, let statuses): "the MUX refused \(step): \(statuses)"
        case .peerClosedConnection: "the MUX closed the connection"
        case .channelClosedByMUX: "the MUX closed the channel"
        case .streamClosedByMUX: "the MUX closed the stream"
        case .closedByUs: "closed by the EMMG"
        }
    }
}
