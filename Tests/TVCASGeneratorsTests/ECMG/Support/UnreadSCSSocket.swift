import Foundation
import NIOCore
import SimulCrypt

/// A raw, non-blocking loopback socket for an SCS that sends and does not read: what a real
/// client cannot be made to do through NIO, which always reads.
final class UnreadSCSSocket {
    let descriptor: Int32

    /// Connects to `port` with small socket buffers, so that the ECMG's replies back up soon.
    init(port: Int, bufferBytes: Int32 = 4096) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var size = bufferBytes
        setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw POSIXError(.init(rawValue: errno) ?? .ECONNREFUSED)
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }

    deinit { close(descriptor) }

    /// Sends all of `bytes` unless the socket stays full for `patience`; whether it all went.
    func send(_ bytes: ByteBuffer, patience: Duration) -> Bool {
        let view = Array(bytes.readableBytesView)
        var offset = 0
        let clock = ContinuousClock()
        var fullSince: ContinuousClock.Instant?
        while offset < view.count {
            let sent = view[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent > 0 {
                offset += sent
                fullSince = nil
                continue
            }
            guard errno == EAGAIN || errno == EWOULDBLOCK else { return false }
            let now = clock.now
            if let since = fullSince, now - since >= patience { return false }
            if fullSince == nil { fullSince = now }
            usleep(20_000)
        }
        return true
    }

    /// Reads until `count` whole messages arrived (or `timeout` passes) and returns them as
    /// (message type, bytes).
    func receive(messages count: Int, timeout: Duration) -> [(type: UInt16, bytes: ByteBuffer)] {
        var pending = ByteBuffer()
        var messages: [(type: UInt16, bytes: ByteBuffer)] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        let deadline = ContinuousClock.now + timeout
        while messages.count < count, ContinuousClock.now < deadline {
            let read = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if read == 0 { break }
            if read < 0 {
                guard errno == EAGAIN || errno == EWOULDBLOCK else { break }
                usleep(5_000)
                continue
            }
            pending.writeBytes(chunk[0..<read])
            while let header = SimulCryptMessageHeader(peekingAt: pending),
                pending.readableBytes >= SimulCryptMessageHeader.byteCount + Int(header.messageLength)
            {
                let message = pending.readSlice(length: SimulCryptMessageHeader.byteCount + Int(header.messageLength))!
                messages.append((header.messageType, message))
            }
        }
        return messages
    }
}
