import NIOCore

extension ECMGMessage {
    /// channel_status (0x0003): the ECMG's answer to channel_setup and channel_test, announcing
    /// how it works on this channel.
    ///
    /// Encoded in the order of the original TVCAS3 (its reply vectors): ECM_channel_id,
    /// section_TSpkt_flag, delay_start, delay_stop, transition_delay_start/stop (when set),
    /// ECM_rep_period, max_streams, min_CP_duration, lead_CW, CW_per_msg, max_comp_time, then
    /// AC_delay_start and AC_delay_stop when set.
    public struct ChannelStatus: Hashable, Sendable {
        /// ECM_channel_id of the request.
        public var channelID: UInt16
        /// Whether ECMs come as sections or TS packets.
        public var sectionTSpktFlag: SectionTSpktFlag
        /// AC_delay_start in ms, when announced.
        public var acDelayStart: Int16?
        /// AC_delay_stop in ms, when announced.
        public var acDelayStop: Int16?
        /// delay_start in ms.
        public var delayStart: Int16
        /// delay_stop in ms.
        public var delayStop: Int16
        /// transition_delay_start in ms, when announced.
        public var transitionDelayStart: Int16?
        /// transition_delay_stop in ms, when announced.
        public var transitionDelayStop: Int16?
        /// ECM_rep_period in ms.
        public var ecmRepPeriod: UInt16
        /// max_streams on this channel.
        public var maxStreams: UInt16
        /// min_CP_duration in units of 100 ms.
        public var minCPDuration: UInt16
        /// lead_CW: control words ahead of the current one in a CW_provision.
        public var leadCW: UInt8
        /// CW_per_msg: control words per CW_provision.
        public var cwPerMessage: UInt8
        /// max_comp_time in ms.
        public var maxCompTime: UInt16

        /// A channel_status.
        public init(
            channelID: UInt16, sectionTSpktFlag: SectionTSpktFlag, acDelayStart: Int16? = nil, acDelayStop: Int16? = nil,
            delayStart: Int16, delayStop: Int16, transitionDelayStart: Int16?, transitionDelayStop: Int16?,
            ecmRepPeriod: UInt16, maxStreams: UInt16, minCPDuration: UInt16, leadCW: UInt8, cwPerMessage: UInt8,
            maxCompTime: UInt16
        ) {
            self.channelID = channelID
            self.sectionTSpktFlag = sectionTSpktFlag
            self.acDelayStart = acDelayStart
            self.acDelayStop = acDelayStop
            self.delayStart = delayStart
            self.delayStop = delayStop
            self.transitionDelayStart = transitionDelayStart
            self.transitionDelayStop = transitionDelayStop
            self.ecmRepPeriod = ecmRepPeriod
            self.maxStreams = maxStreams
            self.minCPDuration = minCPDuration
            self.leadCW = leadCW
            self.cwPerMessage = cwPerMessage
            self.maxCompTime = maxCompTime
        }
    }
}

extension ECMGMessage.ChannelStatus {
    init(parameters: inout ParameterList<ECMGParameterType>) throws(SimulCryptDecodingError.Kind) {
        channelID = try parameters.integer(.ecmChannelID)
        sectionTSpktFlag = try parameters.sectionTSpktFlag(.sectionTSpktFlag, maximum: .transportStreamPackets)
        acDelayStart = try parameters.optionalInteger(.acDelayStart)
        acDelayStop = try parameters.optionalInteger(.acDelayStop)
        delayStart = try parameters.integer(.delayStart)
        delayStop = try parameters.integer(.delayStop)
        transitionDelayStart = try parameters.optionalInteger(.transitionDelayStart)
        transitionDelayStop = try parameters.optionalInteger(.transitionDelayStop)
        ecmRepPeriod = try parameters.integer(.ecmRepPeriod)
        maxStreams = try parameters.integer(.maxStreams)
        minCPDuration = try parameters.integer(.minCPDuration)
        leadCW = try parameters.integer(.leadCW)
        cwPerMessage = try parameters.integer(.cwPerMessage)
        maxCompTime = try parameters.integer(.maxCompTime)
    }

    func encode(into buffer: inout ByteBuffer) {
        buffer.writeECMGParameter(.ecmChannelID, channelID)
        buffer.writeECMGParameter(.sectionTSpktFlag, sectionTSpktFlag.rawValue)
        buffer.writeECMGParameter(.delayStart, delayStart)
        buffer.writeECMGParameter(.delayStop, delayStop)
        if let transitionDelayStart { buffer.writeECMGParameter(.transitionDelayStart, transitionDelayStart) }
        if let transitionDelayStop { buffer.writeECMGParameter(.transitionDelayStop, transitionDelayStop) }
        buffer.writeECMGParameter(.ecmRepPeriod, ecmRepPeriod)
        buffer.writeECMGParameter(.maxStreams, maxStreams)
        buffer.writeECMGParameter(.minCPDuration, minCPDuration)
        buffer.writeECMGParameter(.leadCW, leadCW)
        buffer.writeECMGParameter(.cwPerMessage, cwPerMessage)
        buffer.writeECMGParameter(.maxCompTime, maxCompTime)
        if let acDelayStart { buffer.writeECMGParameter(.acDelayStart, acDelayStart) }
        if let acDelayStop { buffer.writeECMGParameter(.acDelayStop, acDelayStop) }
    }
}
