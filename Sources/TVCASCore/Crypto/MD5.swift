import COpenSSL

/// MD5 through OpenSSL (the original's `md5()`), used for the EMM filler and the `.bin`'s
/// shared address. Not a security primitive here: it only reproduces the original's bytes.
enum MD5 {
    /// Digest length in bytes.
    static let length = 16

    /// Writes the 16-byte digest of `input` to `output`.
    static func digest(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawPointer) {
        var length: UInt32 = 0
        let ok = EVP_Digest(input.baseAddress, input.count, output.assumingMemoryBound(to: UInt8.self), &length, digestType, nil)
        precondition(ok == 1 && length == 16, "OpenSSL EVP_Digest(MD5) failed")
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
