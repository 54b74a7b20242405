import Foundation

/// Reads a password for `tvcas hash-password`: from a terminal without echo (asked twice), or as
/// one line of standard input when that is not a terminal.
public enum PasswordPrompt {
    /// Reads the password. Prompts go to standard error, so standard output holds only the result.
    public static func read() throws(PasswordError) -> String {
        if isatty(STDIN_FILENO) == 1 {
            let first = try readHidden(prompt: "Password: ")
            guard !first.isEmpty else { throw .empty }
            let second = try readHidden(prompt: "Again: ")
            guard ConstantTime.equals(first, second) else { throw .mismatch }
            return first
        }
        guard let line = readLine(strippingNewline: true) else { throw .noInput }
        let password = line.hasSuffix("\r") ? String(line.dropLast()) : line
        guard !password.isEmpty else { throw .empty }
        return password
    }

    /// One line from the terminal with echo turned off (and back on afterwards, also when the
    /// user presses Ctrl-C or the process is terminated meanwhile).
    private static func readHidden(prompt: String) throws(PasswordError) -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        let haveTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
        if haveTerminal {
            savedTerminal = saved
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            quiet.c_lflag |= tcflag_t(ECHONL)
            signal(SIGINT, restoreTerminalAndExit)
            signal(SIGTERM, restoreTerminalAndExit)
            _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        }
        let line = readLine(strippingNewline: true)
        if haveTerminal {
            _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
        }
        guard let line else { throw .noInput }
        return line
    }
}

/// The terminal settings to put back if a signal arrives while echo is off. Written once
/// before the handler is installed, read only by the handler.
nonisolated(unsafe) private var savedTerminal = termios()

/// Signal handler: restores the terminal, then dies of the same signal.
private func restoreTerminalAndExit(_ signalNumber: Int32) {
    _ = tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminal)
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}
