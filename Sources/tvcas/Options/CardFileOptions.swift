import ArgumentParser
import Foundation
import TVCASCore

/// The card a `tvcas card apdu` or `tvcas card check` works on: its `.bin` and, optionally, a
/// file keeping its flash between runs.
struct CardFileOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The card's 90-byte .bin file.", valueName: "file"))
    var bin: String

    @Option(
        help: ArgumentHelp(
            "A file keeping the card's flash between runs (JSON); the card starts from it and it is rewritten at the end. "
                + "Without it, or while it does not exist, the card starts factory-fresh.",
            valueName: "file"))
    var state: String?

    /// The card from `--bin`, its flash from `--state` when that file exists (erased otherwise).
    func loadCard() throws -> VirtualCard {
        let binBytes: Data
        do {
            binBytes = try Data(contentsOf: URL(fileURLWithPath: bin))
        } catch {
            throw CoreArgumentParsing.refuse("--bin \(bin): cannot read the file (\(error.localizedDescription))")
        }
        let image: CardImage
        do {
            image = try CardImage(bin: binBytes)
        } catch {
            throw CoreArgumentParsing.refuse("--bin \(bin): \(error)")
        }
        guard let state, FileManager.default.fileExists(atPath: state) else { return VirtualCard(image: image) }
        let saved: CardFlashState
        do {
            saved = try JSONDecoder().decode(CardFlashState.self, from: Data(contentsOf: URL(fileURLWithPath: state)))
        } catch {
            throw CoreArgumentParsing.refuse("--state \(state): not a card state file (\(error))")
        }
        guard saved.serialNumber == image.serial else {
            throw CoreArgumentParsing.refuse(
                "--state \(state): it keeps the flash of card \(saved.serialNumber), not of card \(image.serial) from --bin")
        }
        return VirtualCard(image: image, record: saved.record)
    }

    /// Writes the card's flash to `--state`, if given.
    func save(_ card: VirtualCard) throws {
        guard let state else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var data = try encoder.encode(CardFlashState(of: card))
        data.append(0x0A)
        do {
            try data.write(to: URL(fileURLWithPath: state), options: .atomic)
        } catch {
            throw CoreArgumentParsing.refuse("--state \(state): cannot write the file (\(error.localizedDescription))")
        }
    }

    /// The tokens of `arguments`, with each `-` replaced by the non-empty lines of standard input.
    static func expandStandardInput(_ arguments: [String]) -> [String] {
        var tokens = [String]()
        var standardInput: [String]?
        for argument in arguments {
            guard argument == "-" else {
                tokens.append(argument)
                continue
            }
            if standardInput == nil {
                var lines = [String]()
                while let line = readLine() { lines.append(line) }
                standardInput = lines
            }
            tokens += standardInput!.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return tokens
    }

    /// Bytes from hex text (either case; spaces allowed); nil when it is not whole hex bytes.
    static func hexBytes(_ text: String) -> [UInt8]? {
        Hex.decode(text.filter { !$0.isWhitespace })
    }
}
