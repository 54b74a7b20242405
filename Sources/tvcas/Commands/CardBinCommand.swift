import ArgumentParser

/// `tvcas card bin`: Write a card's 90-byte .bin file and print its file name.
struct CardBinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bin", abstract: "Write a card's 90-byte .bin file and print its file name.")

    func run() async throws {
        throw CleanExit.message("tvcas card bin: not implemented yet")
    }
}
