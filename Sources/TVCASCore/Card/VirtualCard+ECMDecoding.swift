extension VirtualCard {
    /// A card for tests that decode ECMs: it opens every ECM made with `ecmKey` whose access
    /// criteria share a bit with `accessCriteria`, at any ECM time strictly between 0 and
    /// 0xFFFFFFFF. Anti-sharing is off (lock state 0xCA) unless `antiSharing` is set, so ECMs with
    /// equal or close times — a test clock — do not lock it. The card is not powered yet; put it
    /// in a ``CardReader``.
    ///
    /// ```swift
    /// var reader = CardReader(card: VirtualCard(decodingECMsWith: key))
    /// let answer = try reader.send(ecm: datagram)   // .controlWords(odd:even:) or .denied(reason)
    /// ```
    public init(decodingECMsWith ecmKey: ECMKey, accessCriteria: AccessCriteria = AccessCriteria(rawValue: .max), antiSharing: Bool = false) {
        let image: CardImage
        do {
            image = try CardImage(
                serial: 0, start: 0, finish: .max, accessCriteria: accessCriteria.rawValue, ecmKey: ecmKey.bytes,
                emmKey: [UInt8](repeating: 0, count: 16))
        } catch {
            preconditionFailure("an ECMKey always holds 32 bytes: \(error)")
        }
        var record = image.factoryRecord
        if !antiSharing { record.lockState = .disabled }
        self.init(image: image, record: record)
    }
}
