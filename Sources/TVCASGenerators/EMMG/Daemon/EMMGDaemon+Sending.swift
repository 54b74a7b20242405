import Logging
import NIOCore
import SimulCrypt
import TVCASCore
import TVCASDatabase

extension EMMGDaemon {
    /// One EMM ready to go.
    struct Outgoing {
        var emm: [UInt8]
        var serial: UInt32?
        var urgent: Bool
    }

    /// Sends EMMs, changes first, paced to the allocated (else requested) bandwidth and spread over the cycle.
    func sendEMMs(
        outbound: NIOAsyncChannelOutboundWriter<SimulCryptPDU<EMMGMessage>>, settings: EMMGSettingsRow, flags: SessionFlags,
        cycle: inout CardCycle, recent: inout RecentEMMs
    ) async throws -> MUXSessionEnd {
        let outgoing = EMMGOutbound(settings: settings)
        let packaging = settings.packaging
        var bandwidth = Int(live.snapshot.allocatedBandwidth ?? settings.bandwidth)
        var pacer = EMMPacer(kilobitsPerSecond: bandwidth, bytesPerDatagram: packaging.bytesPerEMM, now: DaemonClock.monotonic)
        var plannedLength = -1
        var waiting: Outgoing?
        while true {
            if let ended = flags.snapshot.ended { return ended }
            let shared = live.snapshot
            if shared.shutdownRequested || shared.reconnectRequested {
                try await closeCleanly(outbound: outbound, settings: settings, flags: flags)
                return .closedByUs
            }
            if shared.reloadRequested {
                live.withValues { $0.reloadRequested = false }
                cycle.restart()
                logger.info("reload: the cycle starts over")
            }
            cycle.repetition = Int(shared.settings.repetition)
            let allocated = Int(shared.allocatedBandwidth ?? settings.bandwidth)
            if allocated != bandwidth {
                bandwidth = allocated
                pacer.setRate(kilobitsPerSecond: bandwidth, now: DaemonClock.monotonic)
                plannedLength = -1
            }

            // Pick: a changed card first, else the waiting cycle EMM, else the next of the cycle.
            let item: Outgoing
            if let row = live.withValues({ $0.urgent.isEmpty ? nil : $0.urgent.removeFirst() }) {
                guard let card = try? DueCard(card: row) else {
                    EMMGMetrics.invalidCard(reason: "change")
                    continue
                }
                item = Outgoing(emm: try build(card), serial: row.serialNo, urgent: true)
            } else if let held = waiting {
                item = held
                waiting = nil
            } else {
                let next = await cycle.next(
                    pool: pool, now: DaemonClock.unix, clock: DaemonClock.monotonic, recent: &recent, logger: logger
                ) { seconds, count, invalid in
                    if let seconds { EMMGMetrics.cycleFinished(seconds: seconds, cards: count) }
                    live.withValues {
                        if let seconds { $0.lastCycleSeconds = seconds }
                        $0.invalidRows = invalid
                    }
                    if !invalid.isEmpty { logger.warning("cycle skipped invalid card rows", metadata: ["count": "\(invalid.count)"]) }
                }
                switch next {
                case .card(let card): item = Outgoing(emm: try build(card), serial: card.subscription.serial.rawValue, urgent: false)
                case .stored(let emm): item = Outgoing(emm: emm, serial: nil, urgent: false)
                case .placeholder: item = Outgoing(emm: try build(.placeholder(now: DaemonClock.unix)), serial: nil, urgent: false)
                }
                if cycle.cycleLength != plannedLength {
                    plannedLength = cycle.cycleLength
                    let plan = CyclePlan(
                        datagrams: plannedLength, bytesPerDatagram: packaging.bytesPerEMM, kilobitsPerSecond: bandwidth,
                        repetition: cycle.repetition, minimumRepetition: options.minimumRepetition)
                    pacer.setInterval(plannedLength == 0 ? 10 : plan.interval)
                }
            }

            // Wait for the pacer; a change arriving meanwhile goes first.
            var preempted = false
            while true {
                let delay = pacer.delay(before: packaging.bytesPerEMM, urgent: item.urgent, now: DaemonClock.monotonic)
                if delay <= 0 { break }
                let state = live.snapshot
                if state.shutdownRequested || state.reconnectRequested || flags.snapshot.ended != nil { break }
                if !item.urgent && !state.urgent.isEmpty {
                    preempted = true
                    break
                }
                await DaemonClock.sleep(min(delay, 0.02))
            }
            if preempted || live.snapshot.shutdownRequested || live.snapshot.reconnectRequested || flags.snapshot.ended != nil {
                if !item.urgent { waiting = item }
                continue
            }

            let datagram = packaging.datagram(carrying: ByteBuffer(bytes: item.emm))
            try await outbound.write(outgoing.dataProvision(datagram))
            pacer.sent(packaging.bytesPerEMM, urgent: item.urgent, now: DaemonClock.monotonic)
            if let serial = item.serial { recent.keep(item.emm, serial: serial) }
            EMMGMetrics.datagramSent(bytes: packaging.bytesPerEMM, urgent: item.urgent)
            let remaining = max(0, cycle.cycleLength - cycle.sentInCycle)
            live.withValues {
                $0.status.datagramCount &+= 1
                $0.status.datagramTimeLast = DaemonClock.unix
                $0.cycleRemaining = remaining
            }
        }
    }

    func build(_ card: DueCard) throws -> [UInt8] {
        try builder.build(for: card.subscription, key: card.key)
    }
}
