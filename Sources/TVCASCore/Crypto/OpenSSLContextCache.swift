import COpenSSL
import Foundation

/// One OpenSSL context (`EVP_CIPHER_CTX` or `EVP_MD_CTX`) set up once and reused, so that a
/// message costs no allocation inside OpenSSL.
///
/// A context must not be used by two threads at once: ``withContext(_:)`` takes it when it is free
/// and otherwise makes a one-off context for that call, so callers on several threads never wait
/// on each other and never share one.
final class OpenSSLContextCache: @unchecked Sendable {
    private let lock = NSLock()
    private let make: @Sendable () -> OpaquePointer?
    private let free: @Sendable (OpaquePointer) -> Void
    private var cached: OpaquePointer?

    /// A cache whose contexts come from `make` (nil: OpenSSL failed) and go back through `free`.
    init(make: @escaping @Sendable () -> OpaquePointer?, free: @escaping @Sendable (OpaquePointer) -> Void) {
        self.make = make
        self.free = free
    }

    deinit {
        if let cached { free(cached) }
    }

    /// Runs `body` with a ready context; `nil` when OpenSSL could not make one.
    func withContext<Result, Failure: Error>(_ body: (OpaquePointer?) throws(Failure) -> Result) throws(Failure) -> Result {
        if lock.try() {
            defer { lock.unlock() }
            if cached == nil { cached = make() }
            return try body(cached)
        }
        let context = make()
        defer { if let context { free(context) } }
        return try body(context)
    }
}
