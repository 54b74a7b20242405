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

    /// One line from the terminal with echo turned off (and back on afterwards).
    private static func readHidden(prompt: String) throws(PasswordError) -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        let haveTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
        if haveTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            quiet.c_lflag |= tcflag_t(ECHONL)
            _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        }
        let line = readLine(strippingNewline: true)
        if haveTerminal { _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }
        guard let line else { throw .noInput }
        return line
    }
}
