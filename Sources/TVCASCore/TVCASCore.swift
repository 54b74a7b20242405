/// The `TVCASCore` module. See the README's map of targets.
public enum TVCASCoreModule {
    /// The module's name, for diagnostics.
    public static let name = "TVCASCore"
}
