extension SupervisorRecord {
    /// The `tvcas_logs` row of decisions.md §5 (user `sys`): message and type; nil for a stop,
    /// whose log row (`Stop ECMG_<id>`) is the panel's own.
    public func logMessage(host: String) -> (message: String, type: Int32)? {
        switch self {
        case .started(let key, let pid): ("\(key) started on \(host) (pid \(pid))", 0)
        case .exited(let key, let exit, let delay): ("\(key) exited (\(exit)), restart in \(delay) s", 1)
        case .notConfigured(let key): ("\(key) not configured (exit 3), not restarted", 1)
        case .stopped: nil
        }
    }
}
