/// Why a posted ECMG or EMMG form was refused; each message is shown above the form.
enum GeneratorFormError: Error, Equatable, CustomStringConvertible {
    /// `info` is longer than 255 characters.
    case infoTooLong
    /// `port` is not a number from 1 to 65535.
    case port(String)
    /// `timeout` is not a number from 0 to 65535.
    case timeout(String)
    /// `host` (an EMMG's MUX) is empty, too long or has characters a host name or address has not.
    case host(String)
    /// `client_id` is not 1 to 8 hex digits.
    case clientID(String)
    /// `run_on` is not a comma list of host names.
    case runOn(String)
    /// Another ECMG that may run on the same host already listens on `port`.
    case portBusy(UInt16)

    var description: String {
        switch self {
        case .infoTooLong: "INFO may have at most 255 characters."
        case .port: "PORT must be a number from 1 to 65535."
        case .timeout: "TIMEOUT must be a number of seconds from 0 to 65535."
        case .host: "HOST must be a host name or an IP address (letters, digits, '.', '-', ':'), at most 255 characters."
        case .clientID: "CLIENT_ID must be 1 to 8 hex digits, e.g. 0b000001."
        case .runOn: "RUN_ON must be empty (any host) or host names separated by commas."
        case .portBusy(let port): "Port \(port) busy!"
        }
    }
}
