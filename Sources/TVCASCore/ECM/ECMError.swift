/// Why an ECM could not be built.
public enum ECMError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The random source could not supply the filler.
    case random(RandomSourceError)
    /// The 3DES encryption failed inside OpenSSL.
    case cipher(TripleDESError)

    public var description: String {
        switch self {
        case .random(let error): "ECM filler: \(error)"
        case .cipher(let error): "ECM encryption: \(error)"
        }
    }
}
