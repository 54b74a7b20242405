/// The `TVCASDatabase` module. See the README's map of targets.
public enum TVCASDatabaseModule {
    /// The module's name, for diagnostics.
    public static let name = "TVCASDatabase"
}
