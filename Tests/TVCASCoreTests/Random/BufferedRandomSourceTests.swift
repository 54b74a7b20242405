import Synchronization
import Testing

@testable import TVCASCore

/// A source that counts up, so that every byte handed out can be told apart.
private final class CountingSource: RandomByteSource {
    let next = Mutex<UInt8>(0)
    let calls = Atomic<Int>(0)

    func fill(_ buffer: UnsafeMutableRawBufferPointer) throws(RandomSourceError) {
        calls.add(1, ordering: .relaxed)
        next.withLock { next in
            for index in buffer.indices {
                buffer[index] = next
                next &+= 1
            }
        }
    }
}

/// A source that always fails.
private struct FailingSource: RandomByteSource {
    func fill(_ buffer: UnsafeMutableRawBufferPointer) throws(RandomSourceError) { throw .generatorFailed }
}

@Suite("BufferedRandomSource")
struct BufferedRandomSourceTests {
    private func draw(_ source: some RandomByteSource, _ count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        try bytes.withUnsafeMutableBytes { try source.fill($0) }
        return bytes
    }

    @Test("hands out the block's bytes in order, each once, and draws a new block when too few are left")
    func ordered() throws {
        let counting = CountingSource()
        let source = BufferedRandomSource(counting, blockSize: 64)
        #expect(try draw(source, 23) == Array(0..<23))
        #expect(try draw(source, 23) == Array(23..<46))
        #expect(counting.calls.load(ordering: .relaxed) == 1)
        // 18 bytes are left: 23 more need a new block, and the rest of the old one is not used.
        #expect(try draw(source, 23) == Array(64..<87))
        #expect(counting.calls.load(ordering: .relaxed) == 2)
    }

    @Test("a request larger than the block goes straight to the source")
    func large() throws {
        let counting = CountingSource()
        let source = BufferedRandomSource(counting, blockSize: 16)
        #expect(try draw(source, 40) == Array(0..<40))
        #expect(try draw(source, 4) == Array(40..<44))
    }

    @Test("the source's failure is passed on")
    func failure() {
        let source = BufferedRandomSource(FailingSource(), blockSize: 32)
        #expect(throws: RandomSourceError.generatorFailed) { try draw(source, 23) }
    }

    @Test("threads drawing at once never get the same bytes")
    func concurrent() async throws {
        let source = BufferedRandomSource(SystemRandomSource(), blockSize: 230)
        let draws = try await withThrowingTaskGroup(of: [[UInt8]].self) { group in
            for _ in 0..<4 {
                group.addTask { try (0..<50).map { _ in try draw(source, 23) } }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        // 200 draws of 23 bytes, 10 per block: a byte handed out twice would repeat a draw.
        #expect(Set(draws).count == 200)
    }
}
