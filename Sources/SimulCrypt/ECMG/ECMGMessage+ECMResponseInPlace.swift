import NIOCore

extension ECMGMessage.ECMResponse {
    /// Appends a whole ECM_response message to `buffer` (header and parameters, the bytes
    /// ``SimulCryptPDU/encode(into:)`` writes for it), letting `writeDatagram` write the
    /// ECM_datagram's `datagramLength` bytes in place: the ECMG's path with no buffer of its own
    /// for the ECM.
    ///
    /// `writeDatagram` returns `false` when it could not make the datagram; `buffer` is then left
    /// as it was and this returns `false`, as it does for a datagram too long for one message.
    @discardableResult
    public static func write(
        protocolVersion: UInt8, channelID: UInt16, streamID: UInt16, cpNumber: UInt16, datagramLength: UInt16,
        into buffer: inout ByteBuffer, _ writeDatagram: (UnsafeMutableRawBufferPointer) -> Bool
    ) -> Bool {
        let start = buffer.writerIndex
        let parameterBytes = 3 * 6 + 4 + Int(datagramLength)
        guard parameterBytes <= Int(UInt16.max) else { return false }
        buffer.reserveCapacity(minimumWritableBytes: SimulCryptMessageHeader.byteCount + parameterBytes)
        buffer.writeSimulCryptHeader(
            SimulCryptMessageHeader(
                protocolVersion: protocolVersion, messageType: ECMGMessageType.ecmResponse.rawValue,
                messageLength: UInt16(parameterBytes)))
        buffer.writeECMGParameter(.ecmChannelID, channelID)
        buffer.writeECMGParameter(.ecmStreamID, streamID)
        buffer.writeECMGParameter(.cpNumber, cpNumber)
        buffer.writeInteger(ECMGParameterType.ecmDatagram.rawValue)
        buffer.writeInteger(datagramLength)
        var written = false
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: Int(datagramLength)) { space in
            written = writeDatagram(UnsafeMutableRawBufferPointer(rebasing: space[0..<Int(datagramLength)]))
            return written ? Int(datagramLength) : 0
        }
        if !written { buffer.moveWriterIndex(to: start) }
        return written
    }
}
