/// A file part of a `multipart/form-data` body.
public struct UploadedFile: Sendable, Equatable {
    /// The form field's name.
    public var fieldName: String
    /// The file name the browser sent (not a path to trust).
    public var fileName: String
    /// The part's `Content-Type`, if any.
    public var contentType: String?
    /// The file's bytes.
    public var data: [UInt8]
}
