import NIOCore
import SimulCrypt
import TVCASCore

/// Turns accepted CW_provisions into ECM_responses for one ECM key: the 55-byte TVCAS3 ECM
/// section (formats.md §1), in its own 188-byte TS packet when the channel announced packet mode
/// (decisions.md §2).
public struct ECMResponder: Sendable {
    /// The ECM key's schedules, set up once.
    public let encryptor: ECMEncryptor
    /// Where the filler bytes come from.
    public let filler: ECMFiller

    /// A responder for `key`, with filler bytes from `filler`.
    public init(key: ECMKey, filler: ECMFiller = .system) {
        encryptor = ECMEncryptor(key: key)
        self.filler = filler
    }

    /// The key ECMs are made with.
    public var key: ECMKey { encryptor.key }

    /// Appends the ECM_response to `request` to `buffer`, its ECM dated `time` (Unix seconds).
    /// In section mode the ECM is sealed straight into `buffer`; on error `buffer` is left as it was.
    public func writeResponse(
        to request: ECMRequest, time: UInt32, into buffer: inout ByteBuffer, allocator: ByteBufferAllocator
    ) throws(ECMError) {
        guard request.packetMode != .transportStreamPackets else {
            let response = try response(to: request, time: time, allocator: allocator)
            try? ECMGMessage.encode(response, into: &buffer)  // an ECM_response of 188 bytes always fits
            return
        }
        var failure: ECMError?
        ECMGMessage.ECMResponse.write(
            protocolVersion: request.protocolVersion, channelID: request.channelID, streamID: request.streamID,
            cpNumber: request.cpNumber, datagramLength: UInt16(ECMFormat.datagramLength), into: &buffer
        ) { output in
            do throws(ECMError) {
                try seal(request, time: time, into: output)
                return true
            } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
    }

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
                try seal(request, time: time, into: UnsafeMutableRawBufferPointer(rebasing: output[0..<ECMFormat.datagramLength]))
            } catch {
                failure = error
                return 0
            }
            return ECMFormat.datagramLength
        }
        if let failure { throw failure }
        return buffer
    }

    /// Writes the 55-byte ECM for `request` into `output`, with filler bytes drawn from ``filler``.
    public func seal(_ request: ECMRequest, time: UInt32, into output: UnsafeMutableRawBufferPointer) throws(ECMError) {
        // The source itself, not the ECMFiller around it, which would be boxed on every call.
        try encryptor.seal(
            cpNumber: request.cpNumber, controlWords: (request.currentControlWord, request.nextControlWord),
            accessCriteria: request.accessCriteria, time: time, fillerFrom: filler.source, into: output)
    }
}
