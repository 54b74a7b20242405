/// The `TVCASGenerators` module. See the README's map of targets.
public enum TVCASGeneratorsModule {
    /// The module's name, for diagnostics.
    public static let name = "TVCASGenerators"
}
