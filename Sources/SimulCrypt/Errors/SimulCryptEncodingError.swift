/// A message that cannot be put on the wire.
public enum SimulCryptEncodingError: Error, Hashable {
    /// A raw parameter value is longer than a parameter_length can say (65,535 bytes).
    case parameterTooLong(parameterType: UInt16, length: Int)
    /// The parameters together are longer than a message_length can say (65,535 bytes).
    case messageTooLong(length: Int)
}
