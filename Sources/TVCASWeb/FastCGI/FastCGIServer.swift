import CFastCGI
import Foundation
import Logging

/// A FastCGI responder on Debian's libfcgi: one listening socket, a fixed pool of OS threads each
/// with its own `FCGX_Request`, and a delay queue for responses that must wait.
///
/// A listening socket inherited on fd 0 (systemd socket activation, see
/// ``InheritedListeningSocket``) is used instead of `[web] listen`.
///
/// `SIGTERM` and `SIGINT` (libfcgi would swallow `SIGTERM`) stop it: no new requests are
/// accepted, the requests in flight and the delayed responses are finished, then ``run()``
/// returns.
public final class FastCGIServer: @unchecked Sendable {
    /// What the server needs to know.
    public struct Configuration: Sendable {
        /// Where to listen.
        public var listen: FastCGIListenAddress
        /// How many worker threads (config `[web] workers`).
        public var workers: Int
        /// The largest request body accepted, in bytes.
        public var maxBodyBytes: Int
        /// The unix socket's mode, so that nginx's user can connect.
        public var socketMode: mode_t
        /// The listen backlog.
        public var backlog: Int32

        /// A configuration with the usual defaults.
        public init(listen: FastCGIListenAddress, workers: Int = 8, maxBodyBytes: Int = 64 << 20, socketMode: mode_t = 0o666, backlog: Int32 = 1024) {
            self.listen = listen
            self.workers = workers
            self.maxBodyBytes = maxBodyBytes
            self.socketMode = socketMode
            self.backlog = backlog
        }
    }

    private let configuration: Configuration
    private let logger: Logger
    private let respond: @Sendable (Request) -> Response
    private let lock = NSLock()
    private var listenSocket: Int32 = -1
    private var inherited = false
    /// The workers waiting in `accept()` on an inherited socket (the only ones woken on stop).
    private var acceptingThreads: [Int: pthread_t] = [:]
    private var stopping = false
    private var signalSources: [any DispatchSourceSignal] = []
    private let workersDone = DispatchGroup()
    private var delayQueue: DelayedResponseQueue?

    /// A server that answers each request with `respond` (which must not throw: give it a
    /// ``Router``).
    public init(configuration: Configuration, logger: Logger, respond: @escaping @Sendable (Request) -> Response) {
        self.configuration = configuration
        self.logger = logger
        self.respond = respond
    }

    /// Opens the socket and starts the workers; returns at once. ``wait()`` blocks until stopped.
    public func start(handleSignals: Bool = true) throws(FastCGIServerError) {
        guard configuration.workers >= 1 else { throw .invalidWorkerCount(configuration.workers) }
        guard FCGX_Init() == 0 else { throw .libraryInitFailed }
        let inherited = InheritedListeningSocket.isPresent
        let socket = inherited ? InheritedListeningSocket.descriptor : try openSocket()
        if inherited { InheritedListeningSocket.installWakeHandler() }
        lock.withLock {
            listenSocket = socket
            self.inherited = inherited
        }
        if handleSignals { installSignalHandlers() }
        let queue = DelayedResponseQueue(logger: logger)
        lock.withLock { delayQueue = queue }
        for index in 0..<configuration.workers {
            workersDone.enter()
            let thread = Thread { [self] in
                work(index: index, socket: socket, delayQueue: queue, inherited: inherited)
                workersDone.leave()
            }
            thread.name = "tvcas-web-\(index)"
            thread.stackSize = 1 << 20
            thread.start()
        }
        let address = inherited ? "fd 0 (inherited)" : "\(configuration.listen)"
        logger.info("listening", metadata: ["address": "\(address)", "workers": "\(configuration.workers)"])
    }

    private func openSocket() throws(FastCGIServerError) -> Int32 {
        if case .unix(let path) = configuration.listen {
            var info = stat()
            if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFSOCK { unlink(path) }
        }
        let socket = FCGX_OpenSocket(configuration.listen.libfcgiPath, configuration.backlog)
        guard socket >= 0 else { throw .cannotListen(configuration.listen.description, errno: errno) }
        if case .unix(let path) = configuration.listen, chmod(path, configuration.socketMode) != 0 {
            let code = errno
            close(socket)
            throw .cannotSetSocketMode(path, errno: code)
        }
        return socket
    }

    /// Blocks until the server has stopped and every request, delayed ones included, is answered.
    public func wait() {
        workersDone.wait()
        let queue = lock.withLock { () -> DelayedResponseQueue? in
            defer { delayQueue = nil }
            return delayQueue
        }
        queue?.drainAndStop()
        let socket = lock.withLock { () -> Int32 in
            defer { listenSocket = -1 }
            return listenSocket
        }
        let inherited = lock.withLock { self.inherited }
        if socket >= 0 { close(socket) }
        guard socket >= 0 else { return }
        if !inherited, case .unix(let path) = configuration.listen { unlink(path) }
        logger.info("stopped")
    }

    /// ``start(handleSignals:)`` then ``wait()``.
    public func run() throws(FastCGIServerError) {
        try start()
        wait()
    }

    /// Stops accepting; the workers finish what they hold and exit.
    public func stop() {
        let (socket, inherited): (Int32, Bool) = lock.withLock {
            if stopping { return (-1, false) }
            stopping = true
            return (listenSocket, self.inherited)
        }
        guard socket >= 0 else { return }
        logger.info("stopping: no new requests, finishing the ones in flight")
        if inherited {
            // The socket is systemd's and must keep listening: interrupt the idle workers' accept()
            // instead, again until all have left (one may be between its check and accept()).
            Thread.detachNewThread { [self] in
                while workersDone.wait(timeout: .now() + .milliseconds(20)) == .timedOut {
                    lock.withLock {
                        for thread in acceptingThreads.values { pthread_kill(thread, InheritedListeningSocket.wakeSignal) }
                    }
                }
            }
            return
        }
        // Not FCGX_ShutdownPending(): it is process-wide and makes libfcgi refuse to read the
        // requests still in flight. Shutting the listening socket down wakes every thread blocked in accept() on this socket (Linux returns EINVAL).
        shutdown(socket, Int32(SHUT_RDWR))
    }

    private var isStopping: Bool { lock.withLock { stopping } }

    private func installSignalHandlers() {
        for number in [SIGTERM, SIGINT] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.stop() }
            source.resume()
            signalSources.append(source)
        }
    }

    private func work(index: Int, socket: Int32, delayQueue: DelayedResponseQueue, inherited: Bool) {
        let flags: Int32 = inherited ? FCGI_FAIL_ACCEPT_ON_INTR : 0
        if inherited { InheritedListeningSocket.acceptWakeSignalOnThisThread() }
        var raw = Self.makeRequest(socket: socket, flags: flags)
        while !isStopping {
            // Only while here may the stop signal arrive: the previous request is finished, so
            // an interrupted call can cut at most a request that arrives during the stop.
            if inherited { lock.withLock { acceptingThreads[index] = pthread_self() } }
            let accepted = FCGX_Accept_r(raw)
            if inherited { lock.withLock { _ = acceptingThreads.removeValue(forKey: index) } }
            guard accepted >= 0 else {
                // An interrupted accept() on an inherited socket: stop only when asked to.
                if inherited, !isStopping { continue }
                break
            }
            let exchange = FastCGIExchange(raw: raw)
            let response = handle(exchange)
            if let delay = response.delay {
                delayQueue.schedule(exchange, response, after: delay)
                raw = Self.makeRequest(socket: socket, flags: flags)
                continue
            }
            do {
                try exchange.send(response)
            } catch is ClientGone {
                logger.debug("client left during the response")
            } catch {
                // A streamed body failed after the headers went out: the response ends early.
                logger.error("response body failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            exchange.finish()
        }
        FCGX_Finish_r(raw)
        raw.deallocate()
    }

    private func handle(_ exchange: FastCGIExchange) -> Response {
        let parameters = exchange.parameters()
        let id = Self.makeRequestID()
        let length = Int(parameters["CONTENT_LENGTH"] ?? "") ?? 0
        do {
            let body = try exchange.readBody(contentLength: length, limit: configuration.maxBodyBytes)
            return respond(Request(id: id, parameters: parameters, body: body))
        } catch {
            logger.notice("request body too large", metadata: ["request": "\(id)", "length": "\(length)"])
            return Router.page(
                .contentTooLarge,
                "The upload (\(length) bytes) is larger than the \(configuration.maxBodyBytes >> 20) MiB this server accepts "
                    + "([web] upload_max_mb). Nothing was read or changed.")
        }
    }

    private static func makeRequest(socket: Int32, flags: Int32) -> UnsafeMutablePointer<FCGX_Request> {
        let raw = UnsafeMutablePointer<FCGX_Request>.allocate(capacity: 1)
        raw.initialize(to: FCGX_Request())
        FCGX_InitRequest(raw, socket, flags)
        return raw
    }

    /// 16 hex digits from the system's random generator.
    static func makeRequestID() -> String {
        let value = UInt64.random(in: .min ... .max)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
