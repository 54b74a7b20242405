/// The `SimulCrypt` module. See the README's map of targets.
public enum SimulCryptModule {
    /// The module's name, for diagnostics.
    public static let name = "SimulCrypt"
}
