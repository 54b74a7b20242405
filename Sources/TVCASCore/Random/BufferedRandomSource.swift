import Synchronization

/// Hands out bytes drawn from another source in blocks: one `RAND_bytes` call of a few
/// kilobytes serves a couple of hundred ECMs, instead of one call (with OpenSSL's locks and
/// parameter look-ups) per ECM.
///
/// Every byte is handed out once. Safe to share between threads: a short lock around a copy.
public final class BufferedRandomSource: RandomByteSource {
    /// The source the blocks come from.
    public let source: any RandomByteSource
    /// The bytes drawn at a time.
    public let blockSize: Int
    /// The block; only touched while holding ``used``'s lock.
    private nonisolated(unsafe) let block: UnsafeMutableRawBufferPointer
    /// How many bytes of ``block`` were handed out.
    private let used: Mutex<Int>

    /// A source drawing `blockSize` bytes at a time from `source`.
    public init(_ source: any RandomByteSource, blockSize: Int = 4096) {
        precondition(blockSize > 0, "BufferedRandomSource needs a positive block size")
        self.source = source
        self.blockSize = blockSize
        block = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
        used = Mutex(blockSize)
    }

    deinit {
        block.initializeMemory(as: UInt8.self, repeating: 0)
        block.deallocate()
    }

    public func fill(_ buffer: UnsafeMutableRawBufferPointer) throws(RandomSourceError) {
        guard buffer.count <= blockSize else {
            try source.fill(buffer)
            return
        }
        try used.withLock { (used) throws(RandomSourceError) in
            if blockSize - used < buffer.count {
                try source.fill(block)
                used = 0
            }
            let taken = UnsafeMutableRawBufferPointer(rebasing: block[used..<used + buffer.count])
            buffer.copyMemory(from: UnsafeRawBufferPointer(taken))
            taken.initializeMemory(as: UInt8.self, repeating: 0)
            used += buffer.count
        }
    }
}
