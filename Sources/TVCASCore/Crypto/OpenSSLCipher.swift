import COpenSSL

/// OpenSSL cipher objects, fetched once per process.
enum OpenSSLCipher {
    /// `DES-EDE-ECB` (two-key 3DES, ECB) from OpenSSL 3's default provider.
    nonisolated(unsafe) static let desEDE: OpaquePointer = {
        guard let cipher = EVP_CIPHER_fetch(nil, "DES-EDE-ECB", nil) else {
            fatalError("OpenSSL has no DES-EDE-ECB in its default provider")
        }
        return cipher
    }()
}
