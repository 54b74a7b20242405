import COpenSSL

/// MD5 through OpenSSL (the original's `md5()`), used for the EMM filler and the `.bin`'s
/// shared address. Not a security primitive here: it only reproduces the original's bytes.
enum MD5 {
    /// Digest length in bytes.
    static let length = 16

    /// Writes the 16-byte digest of `input` to `output`, with a context from `contexts` (see
    /// ``contextCache()``) or, without one, a context made for this call.
    static func digest(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawPointer, contexts: OpenSSLContextCache? = nil) {
        var length: UInt32 = 0
        let out = output.assumingMemoryBound(to: UInt8.self)
        guard let contexts else {
            let ok = EVP_Digest(input.baseAddress, input.count, out, &length, digestType, nil)
            precondition(ok == 1 && length == 16, "OpenSSL EVP_Digest(MD5) failed")
            return
        }
        contexts.withContext { context in
            let ok =
                context != nil && EVP_DigestInit_ex(context, digestType, nil) == 1
                && EVP_DigestUpdate(context, input.baseAddress, input.count) == 1
                && EVP_DigestFinal_ex(context, out, &length) == 1
            precondition(ok && length == 16, "OpenSSL MD5 digest failed")
        }
    }

    /// A cache holding one reusable `EVP_MD_CTX`.
    static func contextCache() -> OpenSSLContextCache {
        OpenSSLContextCache(make: { EVP_MD_CTX_new() }, free: { EVP_MD_CTX_free($0) })
    }

    /// The 16-byte digest of `bytes`.
    static func digest(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let input = Array(bytes)
        return [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
            input.withUnsafeBytes { digest($0, into: buffer.baseAddress!) }
            count = length
        }
    }

    /// `MD5` from OpenSSL 3's default provider, fetched once per process.
    nonisolated(unsafe) static let digestType: OpaquePointer = {
        guard let md = EVP_MD_fetch(nil, "MD5", nil) else { fatalError("OpenSSL has no MD5 in its default provider") }
        return md
    }()
}
