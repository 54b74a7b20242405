import CMariaDB

/// The C memory behind one execution's `MYSQL_BIND` arrays, freed together afterwards.
final class BindArena {
    private var allocations: [UnsafeMutableRawPointer] = []

    private func allocate(_ size: Int) -> UnsafeMutableRawPointer {
        let pointer = UnsafeMutableRawPointer.allocate(byteCount: max(size, 1), alignment: 8)
        pointer.initializeMemory(as: UInt8.self, repeating: 0, count: max(size, 1))
        allocations.append(pointer)
        return pointer
    }

    private func allocate<T>(_ type: T.Type, count: Int) -> UnsafeMutablePointer<T> {
        let raw = allocate(MemoryLayout<T>.stride * max(count, 1))
        return raw.bindMemory(to: T.self, capacity: max(count, 1))
    }

    /// Frees everything allocated through this arena.
    func free() {
        for pointer in allocations { pointer.deallocate() }
        allocations.removeAll()
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

/// The bound output buffers of a result, read after each `mysql_stmt_fetch`.
struct ResultBuffers {
    let binds: UnsafeMutablePointer<MYSQL_BIND>
    let buffers: [UnsafeMutableRawPointer]
    let lengths: UnsafeMutablePointer<UInt>
    let nulls: UnsafeMutablePointer<CChar>
    let errors: UnsafeMutablePointer<CChar>
    let count: Int

    /// The first column whose value did not fit its buffer.
    func truncatedColumn() -> Int? {
        (0..<count).first { errors[$0] != 0 }
    }

    /// The fetched value of a column.
    func value(at index: Int, kind: ResultKind) -> SQLValue {
        if nulls[index] != 0 { return .null }
        let buffer = buffers[index]
        switch kind {
        case .signed: return .int(buffer.loadUnaligned(as: Int64.self))
        case .unsigned: return .uint(buffer.loadUnaligned(as: UInt64.self))
        case .double: return .double(buffer.loadUnaligned(as: Double.self))
        case .text:
            let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(lengths[index]))
            return .text(String(decoding: bytes, as: UTF8.self))
        case .binary:
            return .blob(Array(UnsafeRawBufferPointer(start: buffer, count: Int(lengths[index]))))
        }
    }
}
