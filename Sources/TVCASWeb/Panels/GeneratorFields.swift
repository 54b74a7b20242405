/// The checks the ECMG and EMMG forms share.
enum GeneratorFields {
    /// `info`: at most 255 characters, kept as entered.
    static func info(_ text: String) throws(GeneratorFormError) -> String {
        guard text.count <= 255 else { throw .infoTooLong }
        return text
    }

    /// `port`: 1…65535.
    static func port(_ text: String) throws(GeneratorFormError) -> UInt16 {
        guard let port = UInt16(text.trimmingSpaces), port > 0 else { throw .port(text) }
        return port
    }

    /// `timeout`: 0…65535 seconds.
    static func timeout(_ text: String) throws(GeneratorFormError) -> UInt16 {
        guard let timeout = UInt16(text.trimmingSpaces) else { throw .timeout(text) }
        return timeout
    }

    /// `run_on`: host names separated by commas (spaces around them dropped); empty = any host.
    static func runOn(_ text: String) throws(GeneratorFormError) -> String {
        let names = text.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        let joined = names.joined(separator: ",")
        guard joined.count <= 255, names.allSatisfy(isHostName) else { throw .runOn(text) }
        return joined
    }

    /// Whether `text` looks like a host name or an IPv4/IPv6 address.
    static func isHostName(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 255
            && text.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_:[]".unicodeScalars.contains($0))
            }
    }

    /// Whether two `run_on` lists can put two generators on the same host (an empty list is any host).
    static func overlap(_ first: String, _ second: String) -> Bool {
        if first.isEmpty || second.isEmpty { return true }
        let hosts = Set(first.split(separator: ",").map { $0.lowercased() })
        return second.split(separator: ",").contains { hosts.contains($0.lowercased()) }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
