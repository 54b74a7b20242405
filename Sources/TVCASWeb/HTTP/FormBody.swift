/// A parsed request body: the form fields (PHP's `$_POST`) and uploaded files (`$_FILES`).
public struct FormBody: Sendable, Equatable {
    /// The fields, with PHP's naming rules.
    public var fields = PHPArray()
    /// The file parts, in order.
    public var files: [UploadedFile] = []

    /// An empty body.
    public init() {}
}
