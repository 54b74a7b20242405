extension CardImage {
    /// The image a ``CardBin`` programs: what the card sees of the `.bin` the head-end wrote.
    public init(_ cardBin: CardBin) {
        do {
            try self.init(bin: cardBin.bytes)
        } catch {
            preconditionFailure("a CardBin always holds \(CardImage.size) bytes: \(error)")
        }
    }
}
