import Foundation
import NIOCore
import SimulCrypt

/// Messages decoded and encoded per second of CPU time on one core (one thread), for the messages the
/// daemons handle most: CW_provision in, ECM_response out (ECMG), data_provision out (EMMG).
///
/// Usage: `SimulCryptBenchmarks [SECONDS_PER_CASE]` (default 2). Prints one line per case and
/// exits non-zero when CW_provision decoding stays under the 1,000,000/s target.
@main
struct SimulCryptBenchmarks {
    /// A CW_provision as the SCS simulator sends it (vector sc-137, version 3).
    static let cwProvision = bytes(
        "030201003C000E00020004000F000200640012000200020013000200640014000A0002C9FE5341D8D52BF1"
            + "0014000A00036571676E1CB3A1D5000D0004C4B05C7C")
    /// A 55-byte ECM datagram.
    static let ecmDatagram = ByteBuffer(repeating: 0x5A, count: 55)
    /// A 62-byte EMM datagram.
    static let emmDatagram = ByteBuffer(repeating: 0xA5, count: 62)

    static func main() throws {
        let seconds = CommandLine.arguments.dropFirst().first.flatMap(Double.init) ?? 2
        var failed = false

        // Decoding: a stream of 1,000 CW_provisions cut and decoded as the channel handler does.
        let batch = 1_000
        var stream = ByteBuffer()
        for _ in 0..<batch { stream.writeImmutableBuffer(cwProvision) }
        let decoder = SimulCryptFrameDecoder<ECMGMessage>()
        let decodeRate = try measure("decode CW_provision", seconds: seconds, batch: batch) {
            var buffer = stream
            var sum = 0
            while let result = try decoder.decodeFrame(from: &buffer) {
                if case .success(let pdu) = result, case .cwProvision(let provision) = pdu.message {
                    sum &+= Int(provision.cpNumber)
                }
            }
            return sum
        }
        failed = failed || decodeRate < 1_000_000

        // Encoding: ECM_response for that CW_provision into a reused buffer.
        var sample = cwProvision
        guard case .success(let request) = try decoder.decodeFrame(from: &sample),
            case .cwProvision(let provision) = request.message
        else { fatalError("the CW_provision sample does not decode") }
        let response = SimulCryptPDU<ECMGMessage>(
            protocolVersion: request.protocolVersion,
            message: .ecmResponse(ECMGMessage.ECMResponse(replyingTo: provision, ecmDatagram: ecmDatagram)))
        var out = ByteBuffer()
        out.reserveCapacity(batch * 100)
        try measure("encode ECM_response", seconds: seconds, batch: batch) {
            out.clear()
            for _ in 0..<batch { try response.encode(into: &out) }
            return out.writerIndex
        }

        // The whole ECMG codec step: decode a CW_provision, build and encode the ECM_response.
        try measure("decode CW_provision + encode ECM_response", seconds: seconds, batch: batch) {
            var buffer = stream
            out.clear()
            while let result = try decoder.decodeFrame(from: &buffer) {
                guard case .success(let pdu) = result, case .cwProvision(let provision) = pdu.message else { continue }
                let reply = SimulCryptPDU<ECMGMessage>(
                    protocolVersion: pdu.protocolVersion,
                    message: .ecmResponse(ECMGMessage.ECMResponse(replyingTo: provision, ecmDatagram: ecmDatagram)))
                try reply.encode(into: &out)
            }
            return out.writerIndex
        }

        // EMMG: data_provision encoding, and decoding it back (what a MUX would do).
        let provisionPDU = SimulCryptPDU<EMMGMessage>(
            protocolVersion: 2,
            message: .dataProvision(.init(clientID: 0x0B00_0001, channelID: 1, streamID: 1, dataID: 1, datagrams: [emmDatagram])))
        try measure("encode data_provision", seconds: seconds, batch: batch) {
            out.clear()
            for _ in 0..<batch { try provisionPDU.encode(into: &out) }
            return out.writerIndex
        }
        var emmStream = ByteBuffer()
        for _ in 0..<batch { try provisionPDU.encode(into: &emmStream) }
        let emmDecoder = SimulCryptFrameDecoder<EMMGMessage>()
        try measure("decode data_provision", seconds: seconds, batch: batch) {
            var buffer = emmStream
            var count = 0
            while let result = try emmDecoder.decodeFrame(from: &buffer) {
                if case .success = result { count += 1 }
            }
            return count
        }

        if failed {
            print("FAIL: CW_provision decoding is under the 1,000,000 messages/s target")
            exit(1)
        }
    }

    /// Runs `body` (which handles `batch` messages) repeatedly for about `seconds` and prints the
    /// rate. Returns messages per second.
    @discardableResult
    static func measure(_ name: String, seconds: Double, batch: Int, _ body: () throws -> Int) throws -> Double {
        var sink = 0
        for _ in 0..<20 { sink &+= try body() }  // warm-up
        // Thread CPU time, not wall time: other processes on a shared machine do not count.
        let start = threadCPUSeconds()
        var messages = 0
        var duration = 0.0
        repeat {
            sink &+= try body()
            messages += batch
            duration = threadCPUSeconds() - start
        } while duration < seconds
        let rate = Double(messages) / duration
        let padded = name.padding(toLength: 44, withPad: " ", startingAt: 0)
        print("\(padded) \(Int(rate).formatted()) messages/s  (\(Int(1e9 / rate)) ns each, checksum \(sink & 0xFF))")
        return rate
    }

    /// CPU time this thread has used, in seconds.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func bytes(_ hex: some StringProtocol) -> ByteBuffer {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return ByteBuffer(bytes: bytes)
    }
}
