/// The operator's settings that go into every card `.bin` (from the configuration).
public struct CardBinSettings: Hashable, Sendable {
    /// The CA system ident (`config.ident`, e.g. `0B00`).
    public var ident: CardIdent
    /// The operator name shown by the card (`config.trademark`); only its first 15 UTF-8 bytes fit.
    public var trademark: String
    /// The ECM key (`config.ecm_key`), as written: the `.bin` holds the MD5 of that text.
    public var ecmKey: ECMKey
    /// The zone the Conax dates are taken in.
    public var zone: ConaxTimeZone

    /// Settings from their parts.
    public init(ident: CardIdent, trademark: String, ecmKey: ECMKey, zone: ConaxTimeZone) {
        self.ident = ident
        self.trademark = trademark
        self.ecmKey = ecmKey
        self.zone = zone
    }
}
