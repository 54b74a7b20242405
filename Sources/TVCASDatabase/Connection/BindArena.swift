import CMariaDB

/// The C memory behind a statement's `MYSQL_BIND` arrays and buffers: a bump allocator whose
/// blocks are kept from one execution to the next (``reset()``), so a repeated lookup does not
/// go back to malloc.
final class BindArena {
    private struct Block {
        let base: UnsafeMutableRawPointer
        let size: Int
    }

    private var blocks: [Block] = []
    private var current = 0
    private var used = 0
    private static let blockSize = 4096

    deinit { free() }

    private func allocate(_ size: Int) -> UnsafeMutableRawPointer {
        let size = (max(size, 1) + 7) & ~7
        while current < blocks.count {
            let block = blocks[current]
            if used + size <= block.size {
                let pointer = block.base + used
                pointer.initializeMemory(as: UInt8.self, repeating: 0, count: size)
                used += size
                return pointer
            }
            current += 1
            used = 0
        }
        let blockSize = max(Self.blockSize, size)
        let base = UnsafeMutableRawPointer.allocate(byteCount: blockSize, alignment: 16)
        blocks.append(Block(base: base, size: blockSize))
        current = blocks.count - 1
        base.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        used = size
        return base
    }

    private func allocate<T>(_ type: T.Type, count: Int) -> UnsafeMutablePointer<T> {
        allocate(MemoryLayout<T>.stride * max(count, 1)).bindMemory(to: T.self, capacity: max(count, 1))
    }

    /// Makes all memory reusable for the next execution; blocks larger than the standard size
    /// (a long value) are given back.
    func reset() {
        if blocks.contains(where: { $0.size > Self.blockSize }) {
            for block in blocks where block.size > Self.blockSize { block.base.deallocate() }
            blocks.removeAll { $0.size > Self.blockSize }
        }
        current = 0
        used = 0
    }

    /// Frees every block.
    func free() {
        for block in blocks { block.base.deallocate() }
        blocks.removeAll()
        current = 0
        used = 0
    }

    /// `MYSQL_BIND`s for the parameters of a statement.
    func bindParameters(_ parameters: [SQLValue]) -> UnsafeMutablePointer<MYSQL_BIND> {
        let binds = allocate(MYSQL_BIND.self, count: parameters.count)
        let lengths = allocate(UInt.self, count: parameters.count)
        for (index, parameter) in parameters.enumerated() {
            var bind = MYSQL_BIND()
            switch parameter {
            case .null:
                bind.buffer_type = MYSQL_TYPE_NULL
            case .int(let value):
                let buffer = allocate(Int64.self, count: 1)
                buffer.pointee = value
                bind.buffer_type = MYSQL_TYPE_LONGLONG
                bind.buffer = UnsafeMutableRawPointer(buffer)
            case .uint(let value):
                let buffer = allocate(UInt64.self, count: 1)
                buffer.pointee = value
                bind.buffer_type = MYSQL_TYPE_LONGLONG
                bind.buffer = UnsafeMutableRawPointer(buffer)
                bind.is_unsigned = 1
            case .double(let value):
                let buffer = allocate(Double.self, count: 1)
                buffer.pointee = value
                bind.buffer_type = MYSQL_TYPE_DOUBLE
                bind.buffer = UnsafeMutableRawPointer(buffer)
            case .text(let text):
                bind.buffer_type = MYSQL_TYPE_STRING
                bindBytes(Array(text.utf8), into: &bind, length: lengths + index)
            case .blob(let bytes):
                bind.buffer_type = MYSQL_TYPE_BLOB
                bindBytes(bytes, into: &bind, length: lengths + index)
            }
            binds[index] = bind
        }
        return binds
    }

    private func bindBytes(_ bytes: [UInt8], into bind: inout MYSQL_BIND, length: UnsafeMutablePointer<UInt>) {
        let buffer = allocate(bytes.count)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        length.pointee = UInt(bytes.count)
        bind.buffer = buffer
        bind.buffer_length = UInt(bytes.count)
        bind.length = length
    }

    /// `MYSQL_BIND`s for a result whose longest values are `maxLengths` bytes.
    func bindResults(kinds: [ResultKind], maxLengths: [Int]) -> ResultBuffers {
        let count = kinds.count
        let binds = allocate(MYSQL_BIND.self, count: count)
        let lengths = allocate(UInt.self, count: count)
        let nulls = allocate(CChar.self, count: count)
        let errors = allocate(CChar.self, count: count)
        var buffers: [UnsafeMutableRawPointer] = []
        for index in 0..<count {
            var bind = MYSQL_BIND()
            let size: Int
            switch kinds[index] {
            case .signed, .unsigned:
                bind.buffer_type = MYSQL_TYPE_LONGLONG
                bind.is_unsigned = kinds[index] == .unsigned ? 1 : 0
                size = 8
            case .double:
                bind.buffer_type = MYSQL_TYPE_DOUBLE
                size = 8
            case .text, .binary:
                bind.buffer_type = MYSQL_TYPE_STRING
                size = max(maxLengths[index], 1)
            }
            let buffer = allocate(size)
            buffers.append(buffer)
            bind.buffer = buffer
            bind.buffer_length = UInt(size)
            bind.length = lengths + index
            bind.is_null = nulls + index
            bind.error = errors + index
            binds[index] = bind
        }
        return ResultBuffers(binds: binds, buffers: buffers, lengths: lengths, nulls: nulls, errors: errors, count: count)
    }
}
