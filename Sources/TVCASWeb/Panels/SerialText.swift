/// A serial as the panels show it: 3-digit groups joined by `-` (`210-000-000-5`).
enum SerialText {
    static func grouped(_ serial: UInt32) -> String {
        let digits = Array(String(serial))
        var groups: [String] = []
        var index = 0
        while index < digits.count {
            groups.append(String(digits[index..<min(index + 3, digits.count)]))
            index += 3
        }
        return groups.joined(separator: "-")
    }
}
