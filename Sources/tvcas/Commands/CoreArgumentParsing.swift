import ArgumentParser
import Foundation
import TVCASCore

/// Turns command-line text into TVCASCore's value types for `@Option(transform:)`: a refused value
/// makes swift-argument-parser name the option and print the ``ValueError``'s message.
enum CoreArgumentParsing {
    static func accessCriteria(_ text: String) throws -> AccessCriteria { try AccessCriteria(hex: text) }
    static func cardKey(_ text: String) throws -> CardKey { try CardKey(hex: text) }
    static func ecmKey(_ text: String) throws -> ECMKey { try ECMKey(hex: text) }
    static func controlWord(_ text: String) throws -> ControlWord { try ControlWord(hex: text) }
    static func ident(_ text: String) throws -> CardIdent { try CardIdent(text) }
    static func zone(_ text: String) throws -> ConaxTimeZone { try ConaxTimeZone(text) }

    /// Exactly 23 bytes of ECM filler.
    static func filler(_ text: String) throws -> [UInt8] {
        guard let bytes = Hex.decode(text, count: ECMFormat.fillerLength) else { throw ValueError.badFiller(text) }
        return bytes
    }

    /// Prints `Error: message` on standard error and returns the usage-error exit status (64), for
    /// input found wrong inside `run()` (where a `ValidationError` would print the root's usage).
    static func refuse(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
        return .validationFailure
    }

    /// A datagram in hex (spaces not allowed).
    static func datagram(_ text: String) throws -> [UInt8] {
        guard let bytes = Hex.decode(text) else { throw DatagramTextError(text: text) }
        return bytes
    }
}

/// A datagram argument that is not hex text.
struct DatagramTextError: Error, CustomStringConvertible {
    var text: String
    var description: String { "a datagram must be hex digits (an even number, no spaces)" }
}
