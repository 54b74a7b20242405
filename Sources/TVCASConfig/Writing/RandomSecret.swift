/// Random passwords, keys and secrets for new configuration files, from the system's
/// cryptographically secure generator (`getrandom(2)` on Linux).
public enum RandomSecret {
    /// Letters and digits without the look-alikes `0 O 1 l I`, for passwords read by people.
    static let readable = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    /// Letters and digits.
    static let alphanumeric = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    /// A password of `length` easily read characters (16 give about 92 bits).
    public static func password(length: Int = 16) -> String {
        string(length: length, alphabet: readable)
    }

    /// An API key of `length` letters and digits (32 give about 190 bits).
    public static func apiKey(length: Int = 32) -> String {
        string(length: length, alphabet: alphanumeric)
    }

    /// A `[web] secret`: 48 letters and digits (about 285 bits).
    public static func webSecret() -> String {
        string(length: 48, alphabet: alphanumeric)
    }

    /// A fresh ECM key: 32 random bytes as 64 upper-case hex digits, like the original's keys.
    public static func ecmKey() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            let hex = String(byte, radix: 16, uppercase: true)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// `length` characters drawn uniformly from `alphabet`.
    static func string(length: Int, alphabet: [Character]) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
