/// The `[emmg]` table: settings shared by every EMM generator.
public struct EMMGSettings: Hashable, Sendable {
    /// `change_poll_ms`: how often each EMMG polls the card change queue, in milliseconds.
    public var changePollMilliseconds: Int

    /// Settings with the default of decisions.md §6.
    public init(changePollMilliseconds: Int = 200) {
        self.changePollMilliseconds = changePollMilliseconds
    }
}
