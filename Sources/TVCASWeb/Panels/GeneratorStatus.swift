import TVCASDatabase

/// A generator's live status for the lists (issue 13), from its `tvcas_generator_state` row:
/// running or not and since when, on which host, restarts, how it last ended, its last error,
/// and for an EMMG the real cycle time, queue and skipped card rows.
struct GeneratorStatus {
    /// A state row not written for this long (the supervisor renews it every 2 s, a daemon
    /// reports every second or so) no longer counts as running.
    static let staleSeconds: UInt32 = 15

    /// Whether a process runs it now.
    let running: Bool
    /// The template's values.
    let context: [String: Any]

    init(state: GeneratorState?, enabled: Bool, now: UInt32, dates: PanelDates) {
        let fresh = state.map { $0.updatedAt &+ Self.staleSeconds >= now || $0.leaseUntil >= now } ?? false
        running = state?.pid != nil && fresh
        var context: [String: Any] = ["running": running, "enabled": enabled]
        if running, let state {
            var text = "running since \(dates.displaySeconds(state.startedAt, now: now))"
            if !state.host.isEmpty { text += " on \(state.host)" }
            if let pid = state.pid { text += " (pid \(pid))" }
            context["state"] = text
        } else {
            context["state"] = enabled ? "not running (enabled: waiting for the supervisor)" : "stopped"
        }
        if let state {
            if state.restarts > 0 { context["restarts"] = String(state.restarts) }
            if let exit = state.lastExit, !exit.isEmpty { context["lastExit"] = exit }
            if let error = state.lastError, !error.isEmpty { context["lastError"] = error }
            if let seconds = state.cycleSeconds { context["cycle"] = "\(seconds) s" }
            if let queue = state.queueSize, running { context["queue"] = String(queue) }
            if let skipped = state.skippedCards, !skipped.isEmpty { context["skipped"] = skipped }
        }
        self.context = context
    }
}
