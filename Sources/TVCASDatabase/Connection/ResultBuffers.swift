import CMariaDB

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
