/// The `TVCASWeb` module. See the README's map of targets.
public enum TVCASWebModule {
    /// The module's name, for diagnostics.
    public static let name = "TVCASWeb"
}
