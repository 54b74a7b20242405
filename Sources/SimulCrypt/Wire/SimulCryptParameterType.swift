/// A parameter_type of one SimulCrypt interface's catalogue.
public protocol SimulCryptParameterType: RawRepresentable, Hashable, Sendable, CustomStringConvertible
where RawValue == UInt16 {
    /// The parameter type with this code (known to the catalogue or not).
    init(rawValue: UInt16)
    /// Whether the interface's catalogue defines this parameter type.
    var isKnown: Bool { get }
}
