/// An integer that the vectors write either as a JSON number or as a string ("1"), because the
/// original read it from the database as text.
struct LooseInt: Decodable, Sendable {
    var value: Int

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            value = number
        } else {
            let text = try container.decode(String.self)
            guard let number = Int(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an integer: \(text)")
            }
            value = number
        }
    }
}
