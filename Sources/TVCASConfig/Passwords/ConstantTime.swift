/// Comparison of secrets in time that depends only on the length of the offered value.
public enum ConstantTime {
    /// Whether `offered` equals `expected`, looking at every byte of `offered` whatever the
    /// outcome, so that the time taken tells nothing about where they differ or how long
    /// `expected` is.
    public static func equals(_ expected: some Collection<UInt8>, _ offered: some Collection<UInt8>) -> Bool {
        let expected = Array(expected), offered = Array(offered)
        var difference: UInt8 = expected.count == offered.count ? 0 : 1
        if expected.isEmpty {
            for byte in offered { difference |= byte | 1 }
            return difference == 0 && offered.isEmpty
        }
        for (index, byte) in offered.enumerated() {
            difference |= byte ^ expected[index % expected.count]
        }
        return difference == 0
    }

    /// ``equals(_:_:)`` on the UTF-8 bytes of two strings.
    public static func equals(_ expected: String, _ offered: String) -> Bool {
        equals(Array(expected.utf8), Array(offered.utf8))
    }
}
