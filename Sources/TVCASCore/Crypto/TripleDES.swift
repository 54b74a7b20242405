import COpenSSL

/// Two-key Triple-DES (EDE: K1, K2, K1) in ECB mode, as TVCAS3 encrypts ECMs and EMMs and the card
/// decrypts them, through OpenSSL's `DES-EDE-ECB` from its default provider.
///
/// Each 8-byte block is transformed on its own. ECM and EMM payloads are always 48 bytes; for the
/// rare input whose last block is short, that block is padded PKCS#7-style and nothing more is
/// added (formats.md, decisions.md §1).
///
/// The key schedule is computed once per direction and kept in an OpenSSL context that later
/// messages reuse (see `OpenSSLContextCache`); copies of a value share those contexts safely.
public struct TripleDES: Sendable {
    /// The 16-byte key K1‖K2.
    public let key: [UInt8]
    private let encryptor: OpenSSLContextCache
    private let decryptor: OpenSSLContextCache

    /// Creates a cipher with a 16-byte key K1‖K2.
    public init(key: some Collection<UInt8>) throws(TripleDESError) {
        let bytes = Array(key)
        guard bytes.count == 16 else { throw .badKeyLength(bytes.count) }
        self.key = bytes
        encryptor = Self.contextCache(key: bytes, encrypt: true)
        decryptor = Self.contextCache(key: bytes, encrypt: false)
    }

    /// A cache of contexts initialised with `key` for one direction, padding off.
    private static func contextCache(key: [UInt8], encrypt: Bool) -> OpenSSLContextCache {
        OpenSSLContextCache(
            make: {
                guard let context = EVP_CIPHER_CTX_new() else { return nil }
                let initialised = key.withUnsafeBufferPointer { keyBytes in
                    EVP_CipherInit_ex(context, OpenSSLCipher.desEDE, nil, keyBytes.baseAddress, nil, encrypt ? 1 : 0)
                }
                guard initialised == 1 else {
                    EVP_CIPHER_CTX_free(context)
                    return nil
                }
                EVP_CIPHER_CTX_set_padding(context, 0)
                return context
            },
            free: { EVP_CIPHER_CTX_free($0) }
        )
    }

    /// Encrypts `plaintext`; the output is `ceil(count / 8) * 8` bytes.
    public func encrypt(_ plaintext: some Collection<UInt8>) throws(TripleDESError) -> [UInt8] {
        try transform(Array(plaintext), encrypt: true)
    }

    /// Decrypts `ciphertext`, whose length must be a multiple of 8.
    public func decrypt(_ ciphertext: some Collection<UInt8>) throws(TripleDESError) -> [UInt8] {
        let bytes = Array(ciphertext)
        guard bytes.count % 8 == 0 else { throw .badCiphertextLength(bytes.count) }
        return try transform(bytes, encrypt: false)
    }

    /// Encrypts or decrypts into `output`, which must hold `input.count` rounded up to 8 bytes.
    /// The allocation-free path the ECM and EMM builders use.
    public func transform(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer,
        encrypt: Bool
    ) throws(TripleDESError) {
        try (encrypt ? encryptor : decryptor).withContext { (context) throws(TripleDESError) in
            guard let context else { throw .openSSL("EVP_CipherInit_ex") }
            try Self.update(context, input, into: output)
        }
    }

    /// Encrypts or decrypts with `key` on a context from ``keylessContextCache()``, setting the key
    /// first: for builders that serve many keys (one per card) without a context per key.
    static func transform(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer,
        encrypt: Bool,
        key: TripleDES,
        using contexts: OpenSSLContextCache
    ) throws(TripleDESError) {
        try contexts.withContext { (context) throws(TripleDESError) in
            guard let context else { throw .openSSL("EVP_CIPHER_CTX_new") }
            let keyed = key.key.withUnsafeBufferPointer { keyBytes in
                EVP_CipherInit_ex(context, nil, nil, keyBytes.baseAddress, nil, encrypt ? 1 : 0)
            }
            guard keyed == 1 else { throw .openSSL("EVP_CipherInit_ex") }
            try update(context, input, into: output)
        }
    }

    /// A cache of one `DES-EDE-ECB` context without a key, for ``transform(_:into:encrypt:key:using:)``.
    static func keylessContextCache() -> OpenSSLContextCache {
        OpenSSLContextCache(
            make: {
                guard let context = EVP_CIPHER_CTX_new() else { return nil }
                guard EVP_CipherInit_ex(context, OpenSSLCipher.desEDE, nil, nil, nil, 1) == 1 else {
                    EVP_CIPHER_CTX_free(context)
                    return nil
                }
                EVP_CIPHER_CTX_set_padding(context, 0)
                return context
            },
            free: { EVP_CIPHER_CTX_free($0) }
        )
    }

    /// Runs `input` through a keyed context. ECB with padding off and whole blocks only: the
    /// context keeps no state between calls.
    private static func update(
        _ context: OpaquePointer, _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(TripleDESError) {
        let blocks = (input.count + 7) / 8
        precondition(output.count >= blocks * 8, "TripleDES output buffer too small")
        guard input.count > 0 else { return }
        var written: Int32 = 0
        let whole = input.count / 8 * 8
        let out = output.baseAddress!.assumingMemoryBound(to: UInt8.self)
        if whole > 0 {
            let ok = EVP_CipherUpdate(context, out, &written, input.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(whole))
            guard ok == 1 else { throw .openSSL("EVP_CipherUpdate") }
        }
        if whole < input.count {
            // A short last block: PKCS#7-style padding of that block only.
            let pad = UInt8(8 - (input.count - whole))
            var last: UInt64 = 0
            let ok = withUnsafeMutableBytes(of: &last) { block in
                for index in 0..<8 { block[index] = whole + index < input.count ? input[whole + index] : pad }
                var lastWritten: Int32 = 0
                return EVP_CipherUpdate(context, out + whole, &lastWritten, block.baseAddress!.assumingMemoryBound(to: UInt8.self), 8)
            }
            guard ok == 1 else { throw .openSSL("EVP_CipherUpdate") }
        }
    }

    private func transform(_ input: [UInt8], encrypt: Bool) throws(TripleDESError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: (input.count + 7) / 8 * 8)
        let result: Result<Void, TripleDESError> = input.withUnsafeBytes { inputBytes in
            output.withUnsafeMutableBytes { outputBytes in
                Result { () throws(TripleDESError) in try transform(inputBytes, into: outputBytes, encrypt: encrypt) }
            }
        }
        try result.get()
        return output
    }
}
