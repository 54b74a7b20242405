import Foundation
import NIOCore
import NIOPosix
import SimulCrypt
import Synchronization
import TVCASCore
import TVCASGenerators
import TVCASTesting
import Testing

@Suite("ECMG server over loopback TCP", .serialized)
struct ECMGServerTests {
    typealias Support = ECMGTestSupport

    func startServer(_ settings: ECMGRowSettings, cwLog: CWLogBuffer = CWLogBuffer()) async throws -> (ECMGServer, Int) {
        let service = ECMGServiceContext(settings: settings, ident: 0x0B00, logger: Support.logger, cwLog: cwLog)
        let server = try await ECMGServer.start(service: service, group: MultiThreadedEventLoopGroup.singleton)
        return (server, try #require(server.localAddress?.port))
    }

    @Test("PyPI simulcrypt's scs sets up a channel and two streams and gets ECMs that a card decodes to the CWs and AC it sent")
    func scsSimulator() async throws {
        // min_CP_duration 10 (1 s): the simulator sends a CW_provision per stream every second.
        let (server, port) = try await startServer(Support.settings(minCPDuration: 10))
        defer { Task { await server.shutdown() } }
        let run = try TappedSCS.run(port: port, accessCriteria: ["00000010", "A0000000"], seconds: 6)
        #expect(!run.output.contains("invalid message"), "scs refused a message: \(run.output)")
        let provisions = run.sent.compactMap { if case .cwProvision(let p) = $0.message { p } else { nil } }
        let responses = run.received.compactMap { if case .ecmResponse(let r) = $0.message { r } else { nil } }
        #expect(run.received.first?.message.messageType == .channelStatus)
        #expect(run.received.first?.protocolVersion == 3)
        #expect(provisions.count >= 4, "scs output: \(run.output)")
        #expect(responses.count >= provisions.count - 2)
        var checked = 0
        for response in responses {
            let provision = try #require(provisions.first { $0.streamID == response.streamID && $0.cpNumber == response.cpNumber })
            let ac = provision.accessCriteria!.getInteger(at: provision.accessCriteria!.readerIndex, as: UInt32.self)!
            let datagram = Array(response.ecmDatagram.readableBytesView)
            let words = try #require(try Support.decode(ecm: datagram, accessCriteria: ac))
            let cws = Dictionary(
                uniqueKeysWithValues: provision.cpCWCombinations.map {
                    ($0.cpNumber, $0.controlWord.getInteger(at: $0.controlWord.readerIndex, as: UInt64.self)!)
                })
            let oddCP = provision.cpNumber & 1 == 1 ? provision.cpNumber : provision.cpNumber &+ 1
            let evenCP = provision.cpNumber & 1 == 1 ? provision.cpNumber &+ 1 : provision.cpNumber
            #expect(words.odd == cws[oddCP])
            #expect(words.even == cws[evenCP])
            #expect(try Support.decode(ecm: datagram, accessCriteria: ~ac) == nil)
            #expect(try ECMDecoder(key: Support.key).decode(datagram).accessCriteria.rawValue == ac)
            checked += 1
        }
        #expect(checked >= 4)
    }

    @Test("a peer that stops mid-message gets channel_test, then is dropped; another peer is not disturbed")
    func stalledPeer() async throws {
        // A 2 s timeout: the good peer, never idle for more than ~200 ms, stays well inside it
        // even on a loaded machine.
        let (server, port) = try await startServer(Support.settings(timeout: 2))
        defer { Task { await server.shutdown() } }
        let stalled = try await TestSCSClient(port: port)
        #expect(try await stalled.request(.channelSetup(.init(channelID: 0, superCASID: 0x0B00_0000)))?.message.messageType == .channelStatus)
        // Half a CW_provision, then nothing.
        try await stalled.channel.writeAndFlush(ByteBuffer(bytes: [0x03, 0x02, 0x01, 0x00, 0x30, 0x00, 0x0E])).get()
        let good = try await TestSCSClient(port: port)
        _ = try await good.request(.channelSetup(.init(channelID: 0, superCASID: 0x0B00_0000)))
        _ = try await good.request(.streamSetup(.init(channelID: 0, streamID: 1, ecmID: 1, nominalCPDuration: 100)))
        for cp: UInt16 in 1...5 {
            let reply = try await good.request(Support.provision(stream: 1, cp: cp, cws: [UInt64(cp), UInt64(cp) + 1], ac: 1))
            #expect(reply?.message.messageType == .ecmResponse)
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(try await stalled.next() == SimulCryptPDU(protocolVersion: 3, message: .channelTest(.init(channelID: 0))))
        #expect(try await stalled.next() == nil)  // closed
        await good.close()
    }

    @Test("an SCS that sends without reading is paused once its replies back up, loses no answer, and holds up no other peer")
    func unreadPeer() async throws {
        let (server, port) = try await startServer(Support.settings())
        defer { Task { await server.shutdown() } }
        let flood = try UnreadSCSSocket(port: port)
        var setup = Support.bytes(Support.pdu(.channelSetup(.init(channelID: 0, superCASID: 0x0B00_0000))))
        setup.writeImmutableBuffer(
            Support.bytes(Support.pdu(.streamSetup(.init(channelID: 0, streamID: 1, ecmID: 1, nominalCPDuration: 100)))))
        #expect(flood.send(setup, patience: .seconds(5)))
        // Whole CW_provisions until the socket stays full for a second: the ECMG stopped reading.
        // Were it to read on regardless, its queue of unsent replies would grow until the limit.
        var sent = 0
        var paused = false
        while sent < 500_000 {
            let cp = UInt16(truncatingIfNeeded: sent + 1)
            let provision = Support.bytes(Support.pdu(Support.provision(stream: 1, cp: cp, cws: [UInt64(cp), ~UInt64(cp)], ac: 0x10)))
            guard flood.send(provision, patience: .seconds(1)) else {
                paused = true
                break
            }
            sent += 1
        }
        #expect(paused, "the ECMG read \(sent) CW_provisions without its replies being read")

        let good = try await TestSCSClient(port: port)
        _ = try await good.request(.channelSetup(.init(channelID: 0, superCASID: 0x0B00_0000)))
        _ = try await good.request(.streamSetup(.init(channelID: 0, streamID: 1, ecmID: 1, nominalCPDuration: 100)))
        let reply = try await good.request(Support.provision(stream: 1, cp: 1, cws: [1, 2], ac: 0x10))
        #expect(reply?.message.messageType == .ecmResponse)
        await good.close()

        // Read now: every CW_provision sent whole is answered, in order.
        let replies = flood.receive(messages: sent + 2, timeout: .seconds(120))
        #expect(replies.count == sent + 2)
        #expect(replies.first?.type == ECMGMessageType.channelStatus.rawValue)
        #expect(replies.dropFirst().first?.type == ECMGMessageType.streamStatus.rawValue)
        let responses = replies.dropFirst(2)
        #expect(responses.allSatisfy { $0.type == ECMGMessageType.ecmResponse.rawValue })
        for (index, response) in responses.enumerated() where index % 997 == 0 || index == responses.count - 1 {
            guard case .ecmResponse(let ecm) = try SimulCryptPDU<ECMGMessage>.decode(exactly: response.bytes).message else {
                Issue.record("reply \(index) is not an ECM_response")
                continue
            }
            #expect(ecm.cpNumber == UInt16(truncatingIfNeeded: index + 1))
            let words = try #require(try Support.decode(ecm: Array(ecm.ecmDatagram.readableBytesView), accessCriteria: 0x10))
            let cp = UInt64(ecm.cpNumber)
            #expect(ecm.cpNumber & 1 == 1 ? (words.odd, words.even) == (cp, ~cp) : (words.odd, words.even) == (~cp, cp))
        }
    }

    @Test("1,000 connections opened and dropped while a good peer keeps getting correct ECMs")
    func churn() async throws {
        let cwLog = CWLogBuffer()
        let (server, port) = try await startServer(Support.settings(), cwLog: cwLog)
        defer { Task { await server.shutdown() } }
        let good = try await TestSCSClient(port: port)
        _ = try await good.request(.channelSetup(.init(channelID: 0, superCASID: 0x0B00_0000)))
        _ = try await good.request(.streamSetup(.init(channelID: 0, streamID: 0, ecmID: 0, nominalCPDuration: 100)))
        let finished = Flag()
        let churn = Task {
            defer { finished.value.store(true, ordering: .relaxed) }
            let group = MultiThreadedEventLoopGroup.singleton
            var opened = 0
            for batch in 0..<20 {
                await withTaskGroup(of: Bool.self) { tasks in
                    for index in 0..<50 {
                        tasks.addTask {
                            guard
                                let channel = try? await ClientBootstrap(group: group).connect(host: "127.0.0.1", port: port).get()
                            else { return false }
                            switch (batch + index) % 3 {
                            case 0: _ = try? await channel.writeAndFlush(ByteBuffer(hexText: "030001000E000E00020000000100040B000000")).get()
                            case 1: _ = try? await channel.writeAndFlush(ByteBuffer(bytes: [0x03, 0x02, 0x01, 0x00])).get()
                            default: break
                            }
                            try? await channel.close()
                            return true
                        }
                    }
                    for await ok in tasks where ok { opened += 1 }
                }
            }
            return opened
        }
        var answered = 0
        var cp: UInt16 = 0
        while !finished.value.load(ordering: .relaxed) {
            cp &+= 1
            let current = UInt64.random(in: 0...UInt64.max)
            let next = UInt64.random(in: 0...UInt64.max)
            guard
                case .ecmResponse(let response)? = try await good.request(Support.provision(stream: 0, cp: cp, cws: [current, next], ac: 0x20))?
                    .message
            else {
                Issue.record("no ECM_response for CP \(cp)")
                break
            }
            let words = try #require(try Support.decode(ecm: Array(response.ecmDatagram.readableBytesView), accessCriteria: 0x20))
            #expect(cp & 1 == 1 ? (words.odd, words.even) == (current, next) : (words.odd, words.even) == (next, current))
            answered += 1
        }
        let opened = await churn.value
        #expect(opened == 1000)
        #expect(answered > 0)
        // The server lets go of every dropped connection (closes finish on its event loops).
        for _ in 0..<100 where server.connectionCount > 1 { try await Task.sleep(for: .milliseconds(50)) }
        #expect(server.connectionCount == 1)
        await good.close()
    }
}

final class Flag: Sendable {
    let value = Atomic<Bool>(false)
}

@Suite("ECMG capture read by tshark's SimulCrypt dissector")
struct ECMGCaptureTests {
    @Test(
        "a capture of an scs session: SimulCrypt messages of every kind, none malformed",
        .enabled(if: getuid() == 0 && (try? Subprocess.resolve("tshark")) != nil))
    func tshark() async throws {
        let settings = ECMGTestSupport.settings(packetMode: .transportStreamPackets, minCPDuration: 10)
        let service = ECMGServiceContext(settings: settings, ident: 0x0B00, logger: ECMGTestSupport.logger)
        let server = try await ECMGServer.start(service: service, group: MultiThreadedEventLoopGroup.singleton)
        defer { Task { await server.shutdown() } }
        let port = try #require(server.localAddress?.port)
        let scratch = try ScratchDirectory(prefix: "tvcas-tshark")
        defer { scratch.remove() }
        let capture = scratch.path("ecmg.pcapng")
        let tshark = Process()
        tshark.executableURL = URL(fileURLWithPath: try Subprocess.resolve("tshark"))
        tshark.arguments = ["-i", "lo", "-f", "tcp port \(port)", "-w", capture, "-q", "-a", "duration:9"]
        tshark.standardOutput = FileHandle.nullDevice
        tshark.standardError = FileHandle.nullDevice
        try tshark.run()
        try await Task.sleep(for: .seconds(2))
        _ = try TappedSCS.run(port: port, accessCriteria: ["00000010"], seconds: 4)
        // A garbage message too, answered with channel_error.
        let client = try await TestSCSClient(port: port)
        _ = try await client.request(.channelSetup(.init(channelID: 1, superCASID: 0x0B00_0000)))
        try await client.channel.writeAndFlush(ByteBuffer(bytes: [0x03, 0x09, 0x99, 0x00, 0x00])).get()
        _ = try await client.next()
        await client.close()
        try await Task.sleep(for: .seconds(1))
        // tshark stops by itself (-a duration); SIGINT/SIGTERM may be ignored under the test runner.
        while tshark.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        let types = try Subprocess.run(
            "tshark", ["-r", capture, "-d", "tcp.port==\(port),simulcrypt", "-Y", "simulcrypt", "-T", "fields", "-e", "simulcrypt.message.type"])
        let seen = Set(types.output.split(whereSeparator: { $0 == "\n" || $0 == "," }).map(String.init))
        for type in ["0x0001", "0x0003", "0x0101", "0x0103", "0x0201", "0x0202", "0x0005"] {
            #expect(seen.contains(type), "message type \(type) missing from \(seen.sorted())")
        }
        let malformed = try Subprocess.run(
            "tshark", ["-r", capture, "-d", "tcp.port==\(port),simulcrypt", "-Y", "_ws.malformed || _ws.expert.severity >= error"])
        #expect(malformed.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "malformed: \(malformed.output)")
    }
}
