/// Reads a `multipart/form-data` body (RFC 7578) into fields and files.
public enum MultipartParser {
    /// Parses `body` delimited by `boundary`; field names follow PHP's rules.
    public static func parse(_ body: [UInt8], boundary: String) throws(RequestError) -> FormBody {
        let delimiter = Array("--\(boundary)".utf8)
        var form = FormBody()
        guard var position = find(delimiter, in: body, from: 0) else { throw .malformedMultipart("no opening boundary") }
        let parser = PHPVariableParser()
        while true {
            position += delimiter.count
            if body[position...].starts(with: Array("--".utf8)) { return form }
            guard body[position...].starts(with: [0x0D, 0x0A]) else { throw .malformedMultipart("boundary not followed by CRLF") }
            position += 2
            guard let headerEnd = find([0x0D, 0x0A, 0x0D, 0x0A], in: body, from: position) else {
                throw .malformedMultipart("part without a header end")
            }
            let headers = String(decoding: body[position..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let next = find([0x0D, 0x0A] + delimiter, in: body, from: contentStart) else {
                throw .malformedMultipart("part without a closing boundary")
            }
            let content = Array(body[contentStart..<next])
            var name: String?
            var fileName: String?
            var contentType: String?
            for line in headers.split(separator: "\r\n") {
                let parts = line.split(separator: ":", maxSplits: 1)
                guard parts.count == 2 else { continue }
                let headerName = parts[0].lowercased()
                let value = parts[1].trimmingSpaces
                if headerName == "content-disposition" {
                    name = parameter("name", in: value)
                    fileName = parameter("filename", in: value)
                } else if headerName == "content-type" {
                    contentType = value
                }
            }
            if let name {
                if let fileName {
                    form.files.append(UploadedFile(fieldName: name, fileName: fileName, contentType: contentType, data: content))
                } else {
                    parser.register(name: Array(name.utf8), value: .string(content), into: &form.fields)
                }
            }
            position = next + 2
        }
    }

    /// The value of `name="…"` (or unquoted) in a header value.
    static func parameter(_ name: String, in value: String) -> String? {
        for piece in value.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingSpaces.lowercased() == name else { continue }
            var text = pair[1].trimmingSpaces
            if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = String(text.dropFirst().dropLast()) }
            return text
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0], haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
