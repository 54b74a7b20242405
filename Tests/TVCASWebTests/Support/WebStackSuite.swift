/// A suite that runs its tests on a fresh ``WebStack`` each: the stack's panel credentials and
/// ECM key, and `withStack` that starts the stack and always stops it.
protocol WebStackSuite {}

extension WebStackSuite {
    /// The admin panel's HTTP Basic credentials in the stack's configuration.
    static var adminBasic: String { "admin:admin-test-password" }
    /// The operator panel's HTTP Basic credentials in the stack's configuration.
    static var operBasic: String { "oper:oper-test-password" }
    /// The configuration's `ecm_key`.
    static var ecmKey: String { "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF" }

    /// Runs `body` on a fresh stack (``WebStack/init(withNginx:workers:uploadMaxMegabytes:)``'s
    /// options) and stops it afterwards, also when `body` throws.
    func withStack(
        nginx: Bool = true, workers: Int = 4, uploadMaxMegabytes: Int? = nil, _ body: (WebStack) throws -> Void
    ) throws {
        let stack = try WebStack(withNginx: nginx, workers: workers, uploadMaxMegabytes: uploadMaxMegabytes)
        defer { stack.stop() }
        try body(stack)
    }
}
