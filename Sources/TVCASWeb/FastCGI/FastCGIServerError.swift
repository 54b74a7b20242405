/// Why the FastCGI responder could not start.
public enum FastCGIServerError: Error, Equatable {
    /// `[web] listen` is neither `host:port` nor `unix:/absolute/path`.
    case invalidListenAddress(String)
    /// `FCGX_Init` failed.
    case libraryInitFailed
    /// The listening socket could not be opened (address, errno).
    case cannotListen(String, errno: Int32)
    /// The unix socket's mode could not be set (path, errno).
    case cannotSetSocketMode(String, errno: Int32)
    /// `[web] workers` is not at least 1.
    case invalidWorkerCount(Int)
}
