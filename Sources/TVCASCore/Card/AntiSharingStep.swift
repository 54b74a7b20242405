/// What one ECM did to the anti-sharing state (card.md §3 step 3).
///
/// While the card is unlocked, an ECM whose time's low byte is above 30 and at most the previous
/// one's + 5 pushes the counter up, any other ECM pulls it down; above 0xF0 the card locks. A
/// locked card unlocks at the first ECM more than 604,800 s (7 days, unsigned) after the lock.
public struct AntiSharingStep: Sendable, Hashable {
    /// What happened.
    public enum Event: Sendable, Hashable {
        /// Anti-sharing is switched off (lock state 0xCA): nothing changed.
        case disabled
        /// The ECM came close after the previous one: the counter rose.
        case counterRose
        /// The ECM came far enough after the previous one: the counter fell (or stayed at 0).
        case counterFell
        /// The counter passed 0xF0 with this ECM: the card locked.
        case locked
        /// The card was locked and stays locked.
        case stillLocked
        /// The card was locked for more than 7 days before this ECM: it unlocked.
        case unlocked
    }

    /// The anti-sharing counter before the ECM.
    public let counterBefore: UInt8
    /// The anti-sharing counter after it.
    public let counterAfter: UInt8
    /// The lock state before the ECM.
    public let stateBefore: CardLockState
    /// The lock state after it.
    public let stateAfter: CardLockState
    /// What happened.
    public let event: Event

    /// Applies the firmware's anti-sharing update for an ECM with time `time` to `record`.
    static func apply(time: UInt32, to record: inout CardRecord) -> AntiSharingStep {
        let counterBefore = record.antiSharingCounter
        let stateBefore = record.lockState
        let event: Event
        switch stateBefore {
        case .disabled:
            event = .disabled
        case .normal:
            let low = UInt8(truncatingIfNeeded: time)
            if low > 30 && low <= record.antiSharingThreshold {
                record.antiSharingCounter &+= 1
                event = record.antiSharingCounter > 0xF0 ? .locked : .counterRose
            } else {
                if record.antiSharingCounter > 0 { record.antiSharingCounter -= 1 }
                event = .counterFell
            }
            record.antiSharingThreshold = low &+ 5
            if record.antiSharingCounter > 0xF0 {
                record.lockState = .locked
                record.lockTime = time
            }
        default:
            if time &- record.lockTime > Self.lockDuration {
                record.antiSharingCounter = 0
                record.lockState = .normal
                event = .unlocked
            } else {
                event = .stillLocked
            }
        }
        return AntiSharingStep(
            counterBefore: counterBefore, counterAfter: record.antiSharingCounter,
            stateBefore: stateBefore, stateAfter: record.lockState, event: event)
    }

    /// A lock lasts until an ECM comes more than this many seconds after it: 7 days.
    public static let lockDuration: UInt32 = 604_800
}
