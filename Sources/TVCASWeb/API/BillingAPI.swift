import Logging

/// `GET /api.php`: the legacy billing endpoint, byte-compatible with TVCAS3 for every request
/// whose values pass our checks (api.md, decisions.md §4).
public struct BillingAPI: Sendable {
    /// The delay before a wrong-key answer (served from the delay queue, holding no worker).
    public static let penalty: Duration = .seconds(3)

    private let apiKey: [UInt8]
    private let store: any BillingCardStore
    private let throttle: WrongKeyThrottle
    private let logger: Logger
    private let metrics: WebMetrics

    /// The endpoint checking keys against `apiKey` (an empty key refuses every request).
    public init(
        apiKey: String, store: any BillingCardStore, throttle: WrongKeyThrottle = WrongKeyThrottle(), logger: Logger,
        metrics: WebMetrics = WebMetrics()
    ) {
        self.apiKey = Array(apiKey.utf8)
        self.store = store
        self.throttle = throttle
        self.logger = logger
        self.metrics = metrics
    }

    /// Answers one request, counted and timed by result (``WebMetrics``).
    public func respond(to request: Request) throws -> Response {
        let start = WebMetrics.now()
        do {
            let response = try answerChecked(request)
            metrics.recordAPI(result: Self.result(of: response), since: start)
            return response
        } catch {
            metrics.recordAPI(result: "ERROR", since: start)
            throw error
        }
    }

    /// `OK` for a success, else the refusal's token (the body).
    static func result(of response: Response) -> String {
        guard response.status.code != 200 else { return "OK" }
        if case .bytes(let body) = response.body, body.count <= 40 { return String(decoding: body, as: UTF8.self) }
        return "ERROR"
    }

    private func answerChecked(_ request: Request) throws -> Response {
        let now = ContinuousClock.now
        let address = request.remoteAddress
        guard keyMatches(request) else {
            let throttled = throttle.recordFailure(from: address, at: now)
            logger.warning(
                "wrong API key",
                metadata: ["request": "\(request.id)", "address": "\(address)", "throttled": "\(throttled)"]
            )
            return Self.refusal(throttled ? .throttled : .notValidAPIKey, delayed: true)
        }
        if throttle.isThrottled(address, at: now) {
            logger.warning("API request from a throttled address", metadata: ["request": "\(request.id)", "address": "\(address)"])
            return Self.refusal(.throttled, delayed: true)
        }
        do {
            return try answer(request)
        } catch let error as BillingAPIError {
            return Self.refusal(error, delayed: false)
        }
    }

    private func answer(_ request: Request) throws -> Response {
        let serial = PHPIntval.of(request.query["serial_no"])
        guard let serialNumber = UInt32(exactly: serial), serialNumber != 0, let card = try store.billingCard(serialNumber: serialNumber),
            card.serialNumber != 0
        else { throw BillingAPIError.smartcardNotFound }
        guard case .array(let set) = request.query["set"], !set.isEmpty else { return Self.success(card.json) }
        let assignments = try BillingValueValidator.assignments(from: set)
        let rowSerial = UInt32(card.serialNumber)
        let update = BillingCardUpdate(
            serialNumber: rowSerial,
            assignments: assignments,
            logMessage: BillingValueValidator.logMessage(serialNumber: rowSerial, assignments: assignments),
            clientAddress: address(request),
            requestID: request.id
        )
        if let refused = try store.apply(update) { throw refused.error }
        return Self.success(try store.billingCard(serialNumber: serialNumber)?.json ?? "null")
    }

    private func address(_ request: Request) -> String { String(request.remoteAddress.prefix(45)) }

    /// Compares the key from `X-API-Key` (else `api_key` in the query) in constant time.
    private func keyMatches(_ request: Request) -> Bool {
        let offered: [UInt8]
        if let header = request.header("X-API-Key") {
            offered = Array(header.utf8)
        } else if case .string(let bytes) = request.query["api_key"] {
            offered = bytes
        } else {
            return false
        }
        guard !apiKey.isEmpty else { return false }
        var difference = UInt8(truncatingIfNeeded: offered.count ^ apiKey.count)
        for index in 0..<offered.count {
            difference |= offered[index] ^ apiKey[index % apiKey.count]
        }
        return difference == 0
    }

    static func headers() -> [Response.Header] {
        [.init(name: "Content-Type", value: "text/html; charset=utf-8"), .init(name: "Cache-Control", value: "no-cache, no-store")]
    }

    static func success(_ json: String) -> Response {
        Response(status: .ok, headers: headers(), body: .bytes(Array(json.utf8)))
    }

    static func refusal(_ error: BillingAPIError, delayed: Bool) -> Response {
        Response(status: error.status, headers: headers(), body: .bytes(Array(error.token.utf8)), delay: delayed ? penalty : nil)
    }
}
