/// Why the panels could not be set up at start.
public enum PanelSetupError: Error, Equatable, CustomStringConvertible {
    /// No template directory, or no `*.mustache` in it.
    case templatesMissing(path: String)
    /// A template file could not be read as UTF-8.
    case templateUnreadable(path: String)
    /// A template does not parse.
    case templateInvalid(path: String, reason: String)

    public var description: String {
        switch self {
        case .templatesMissing(let path): "no panel templates found at \(path) (set TVCAS_TEMPLATES)"
        case .templateUnreadable(let path): "cannot read the template \(path)"
        case .templateInvalid(let path, let reason): "template \(path) does not parse: \(reason)"
        }
    }
}
