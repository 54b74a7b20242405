/// The card's 3DES: two-key EDE in ECB, on whole blocks with a 16-byte key, which cannot fail.
enum CardCipher {
    /// Decrypts whole 8-byte blocks, as the card does with ECMs and EMMs.
    static func decrypt(_ data: [UInt8], key: [UInt8]) -> [UInt8] {
        do {
            return try TripleDES(key: key).decrypt(data)
        } catch {
            preconditionFailure("3DES on whole blocks with a 16-byte key failed: \(error)")
        }
    }

    /// Encrypts whole 8-byte blocks.
    static func encrypt(_ data: [UInt8], key: [UInt8]) -> [UInt8] {
        do {
            return try TripleDES(key: key).encrypt(data)
        } catch {
            preconditionFailure("3DES on whole blocks with a 16-byte key failed: \(error)")
        }
    }

    /// The checksum of ECMs and EMMs: the sum of `bytes` mod 256.
    static func checksum(_ bytes: some Sequence<UInt8>) -> UInt8 {
        bytes.reduce(0, &+)
    }
}
