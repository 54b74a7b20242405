import SimulCrypt

/// Something a connection's handler logs or counts, reported by ``ECMGConnectionState``.
public enum ECMGConnectionEvent: Hashable, Sendable {
    /// A channel was set up. `identMismatch` is true when the upper 16 bits of super_CAS_id
    /// differ from the configured `ident` (logged once per channel, decisions.md §2).
    case channelOpened(channelID: UInt16, superCASID: UInt32, identMismatch: Bool)
    /// A stream was set up.
    case streamOpened(channelID: UInt16, streamID: UInt16, ecmID: UInt16?)
    /// A stream was closed by stream_close_request.
    case streamClosed(channelID: UInt16, streamID: UInt16)
    /// The ECMG answered a faulty message with channel_error or stream_error.
    case answeredError(ECMGErrorStatus, detail: String)
    /// The SCS reported an error (channel_error or stream_error).
    case peerReportedError(streamID: UInt16?, statuses: [ECMGErrorStatus])
    /// The ECMG sent channel_test after `timeout` seconds of silence.
    case sentChannelTest
}
