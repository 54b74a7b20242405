import ArgumentParser

/// `tvcas card apdu`: Send command APDUs to a virtual card loaded from a .bin and print its answers.
struct CardAPDUCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "apdu", abstract: "Send command APDUs to a virtual card loaded from a .bin and print its answers.")

    func run() async throws {
        throw CleanExit.message("tvcas card apdu: not implemented yet")
    }
}
