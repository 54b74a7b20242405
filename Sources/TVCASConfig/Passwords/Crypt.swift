import CCrypt

/// The system's libcrypt (libxcrypt): crypt(3) hashing and salt generation, thread-safe.
public enum Crypt {
    /// Hashes `phrase` with `setting` (a salt from ``makeSetting(_:)`` or a whole stored hash);
    /// `nil` when libcrypt rejects the setting or the phrase holds a NUL byte.
    public static func hash(_ phrase: String, setting: String) -> String? {
        guard !phrase.utf8.contains(0), !setting.utf8.contains(0) else { return nil }
        let size = MemoryLayout<crypt_data>.size
        let data = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<crypt_data>.alignment)
        defer {
            data.initializeMemory(as: UInt8.self, repeating: 0, count: size)
            data.deallocate()
        }
        data.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        guard let result = crypt_rn(phrase, setting, data, Int32(size)) else { return nil }
        let text = String(cString: result)
        // libxcrypt may return a failure token starting with "*" instead of NULL.
        guard !text.hasPrefix("*") else { return nil }
        return text
    }

    /// A fresh setting (random salt, default cost) for `scheme`, from the system's random source.
    public static func makeSetting(_ scheme: PasswordHashScheme) -> String? {
        var output = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        let made = output.withUnsafeMutableBufferPointer { buffer in
            crypt_gensalt_rn(scheme.prefix, 0, nil, 0, buffer.baseAddress, Int32(buffer.count))
        }
        guard made != nil else { return nil }
        return String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A new hash of `phrase` of kind `scheme` (yescrypt by default).
    public static func makeHash(of phrase: String, scheme: PasswordHashScheme = .yescrypt) throws(PasswordError) -> String {
        guard !phrase.isEmpty else { throw .empty }
        guard !phrase.utf8.contains(0) else { throw .containsNUL }
        guard let setting = makeSetting(scheme), let hash = hash(phrase, setting: setting) else {
            throw .hashingFailed(scheme: scheme)
        }
        return hash
    }
}
