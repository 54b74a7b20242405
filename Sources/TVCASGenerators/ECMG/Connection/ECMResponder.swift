import NIOCore
import SimulCrypt
import TVCASCore

/// Turns accepted CW_provisions into ECM_responses for one ECM key: the 55-byte TVCAS3 ECM
/// section (formats.md §1), in its own 188-byte TS packet when the channel announced packet mode
/// (decisions.md §2).
public struct ECMResponder: Sendable {
    /// The ECM builder (key schedules set up once).
    public let builder: ECMBuilder<ECMFiller>

    /// A responder for `key`, with filler bytes from `filler`.
    public init(key: ECMKey, filler: ECMFiller = .system) {
        builder = ECMBuilder(key: key, random: filler)
    }

    /// The key ECMs are made with.
    public var key: ECMKey { builder.key }

    /// The ECM_response to `request`, its ECM dated `time` (Unix seconds).
    public func response(
        to request: ECMRequest, time: UInt32, allocator: ByteBufferAllocator
    ) throws(ECMError) -> SimulCryptPDU<ECMGMessage> {
        let section = try datagram(for: request, time: time, allocator: allocator)
        let datagram: ByteBuffer
        switch request.packetMode {
        case .sections, .ipDatagrams:
            datagram = section
        case .transportStreamPackets:
            var packets = allocator.buffer(capacity: TransportStreamPacket.size)
            packets.writeTransportStreamPackets(carrying: section)
            datagram = packets
        }
        let response = ECMGMessage.ECMResponse(
            channelID: request.channelID, streamID: request.streamID, cpNumber: request.cpNumber, ecmDatagram: datagram)
        return SimulCryptPDU(protocolVersion: request.protocolVersion, message: .ecmResponse(response))
    }

    /// The 55-byte ECM section for `request`.
    public func datagram(for request: ECMRequest, time: UInt32, allocator: ByteBufferAllocator) throws(ECMError) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: ECMFormat.datagramLength)
        var failure: ECMError?
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: ECMFormat.datagramLength) { output in
            do throws(ECMError) {
                try builder.build(
                    cpNumber: request.cpNumber, controlWords: (request.currentControlWord, request.nextControlWord),
                    accessCriteria: request.accessCriteria, time: time,
                    into: UnsafeMutableRawBufferPointer(rebasing: output[0..<ECMFormat.datagramLength]))
            } catch {
                failure = error
                return 0
            }
            return ECMFormat.datagramLength
        }
        if let failure { throw failure }
        return buffer
    }
}
