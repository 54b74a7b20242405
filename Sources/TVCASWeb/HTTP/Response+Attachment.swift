extension Response {
    /// Adds the headers of a file download, as the original sent them: `application/octet-stream`
    /// saved as `fileName`, with `Content-Length` when the length is known (a streamed body has
    /// none), and headers that keep caches from holding the file.
    mutating func addAttachmentHeaders(fileName: String, length: Int? = nil) {
        addHeader("Content-Type", "application/octet-stream")
        addHeader("Content-Disposition", "attachment; filename=\(fileName)")
        if let length { addHeader("Content-Length", "\(length)") }
        addHeader("Content-Description", "File Transfer")
        addHeader("Content-Transfer-Encoding", "binary")
        addHeader("Expires", "0")
        addHeader("Cache-Control", "must-revalidate")
        addHeader("Pragma", "public")
    }
}
