/// Why an EMM could not be built.
public enum EMMError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The 3DES encryption failed inside OpenSSL.
    case cipher(TripleDESError)

    public var description: String {
        switch self {
        case .cipher(let error): "EMM encryption: \(error)"
        }
    }
}
