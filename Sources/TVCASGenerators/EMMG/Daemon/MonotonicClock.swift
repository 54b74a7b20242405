import Foundation

/// Seconds for pacing (monotonic) and for the database (unix wall clock).
enum DaemonClock {
    /// Monotonic seconds.
    static var monotonic: Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    /// Unix seconds now.
    static var unix: UInt32 { UInt32(clamping: Int(Date().timeIntervalSince1970)) }

    /// Sleeps `seconds` (at least a millisecond), ignoring cancellation errors.
    static func sleep(_ seconds: Double) async {
        try? await Task.sleep(nanoseconds: UInt64(max(0.001, seconds) * 1e9))
    }
}
