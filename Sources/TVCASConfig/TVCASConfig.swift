/// The `TVCASConfig` module. See the README's map of targets.
public enum TVCASConfigModule {
    /// The module's name, for diagnostics.
    public static let name = "TVCASConfig"
}
