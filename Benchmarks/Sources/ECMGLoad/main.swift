import Dispatch
import Foundation
import NIOCore
import NIOPosix
import SimulCrypt
import TVCASCore

// ECMGLoad: connections × streams × crypto period against `tvcas ecmg`; prints the achieved rate,
// ECM_response latency p50/p99/p999, the time to accept and set up every connection, errors and
// the daemon's peak resident memory.
//
//   swift run -c release ECMGLoad --tvcas ../.build/release/tvcas --connections 40 --streams 25 --cp 1 --duration 20
//   swift run -c release ECMGLoad --tvcas ../.build/release/tvcas --connections 4 --streams 1 --saturate 16 --duration 10

let options = LoadOptions(arguments: CommandLine.arguments)
let key = try ECMKey(hex: options.key)
var spawned: SpawnedECMG?
let port: Int
let pid: Int32
if let tvcas = options.tvcas {
    let chosen = freePort()
    spawned = try SpawnedECMG(tvcas: tvcas, key: options.key, port: chosen)
    port = chosen
    pid = spawned!.pid
    // Wait for the listener.
    var up = false
    for _ in 0..<200 where !up {
        up = (try? await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: "127.0.0.1", port: port).get().close()) != nil
        if !up { try await Task.sleep(for: .milliseconds(50)) }
    }
} else if let given = options.port, let givenPID = options.pid {
    port = given
    pid = givenPID
} else {
    print("usage: ECMGLoad (--tvcas PATH | --port P --pid PID) [--connections C] [--streams S] [--cp SECONDS] [--duration S] [--saturate W]")
    exit(2)
}

let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
var handlers: [NIOLoopBound<LoadConnection>] = []
var channels: [any Channel] = []
var readiness: [EventLoopFuture<Void>] = []
let connectStart = DispatchTime.now().uptimeNanoseconds
for _ in 0..<options.connections {
    let loop = group.next()
    let ready = loop.makePromise(of: Void.self)
    let window = options.saturateWindow
    let streams = options.streams
    let channel = try await ClientBootstrap(group: loop)
        .channelOption(.socketOption(.tcp_nodelay), value: 1)
        .channelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                let handler = LoadConnection(streams: streams, key: key, ready: ready, connectStart: DispatchTime.now().uptimeNanoseconds)
                handler.saturateWindow = window
                try channel.pipeline.syncOperations.addHandlers([ByteToMessageHandler(SimulCryptMessageDecoder<ECMGMessage>()), handler])
            }
        }
        .connect(host: "127.0.0.1", port: port).get()
    let bound = try await loop.submit {
        NIOLoopBound(try channel.pipeline.syncOperations.handler(type: LoadConnection.self), eventLoop: loop)
    }.get()
    handlers.append(bound)
    channels.append(channel)
    readiness.append(ready.futureResult)
}
try await EventLoopFuture.andAllSucceed(readiness, on: group.next()).get()
let allReady = Double(DispatchTime.now().uptimeNanoseconds - connectStart) / 1e9

// Open loop: each connection sends one CW_provision every cp/streams seconds, phases spread evenly.
var tasks: [RepeatedTask] = []
let start = DispatchTime.now().uptimeNanoseconds
if options.saturateWindow == nil {
    let interval = options.cpSeconds / Double(options.streams)
    for (index, bound) in handlers.enumerated() {
        let phase = interval * Double(index) / Double(options.connections)
        tasks.append(
            bound.eventLoop.scheduleRepeatedTask(
                initialDelay: .nanoseconds(Int64(phase * 1e9)), delay: .nanoseconds(Int64(interval * 1e9))
            ) { _ in bound.value.tick() })
    }
}
try await Task.sleep(for: .seconds(options.duration))
for task in tasks { task.cancel() }
for bound in handlers { try await bound.eventLoop.submit { bound.value.running = false }.get() }
try await Task.sleep(for: .milliseconds(500))
let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 - 0.5

var latencies: [UInt64] = []
var errors = 0
var sent = 0
var slowestSetup: UInt64 = 0
for bound in handlers {
    let results = try await bound.eventLoop.submit { bound.value.results }.get()
    latencies += results.latencies
    errors += results.errors
    sent += results.sent
    slowestSetup = max(slowestSetup, results.setupNanoseconds)
}
latencies.sort()
func percentile(_ p: Double, of latencies: [UInt64]) -> String {
    guard !latencies.isEmpty else { return "-" }
    let value = latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
    return String(format: "%.3f ms", Double(value) / 1e6)
}
let peak = peakResidentKB(pid: pid)
for channel in channels { channel.close(promise: nil) }
spawned?.stop()

let mode = options.saturateWindow.map { "saturation, window \($0)" } ?? String(format: "target %.0f CW_provisions/s", options.rate)
print("ECMGLoad: \(options.connections) connections × \(options.streams) streams, \(mode), \(options.duration) s")
print(String(format: "  all connections set up in %.3f s (slowest connection %.3f s)", allReady, Double(slowestSetup) / 1e9))
print(String(format: "  sent %d, answered %d, rate %.0f ECMs/s", sent, latencies.count, Double(latencies.count) / elapsed))
let sorted = latencies
print(
    "  latency p50 \(percentile(0.5, of: sorted)), p99 \(percentile(0.99, of: sorted)), p999 \(percentile(0.999, of: sorted)), max \(percentile(1.0, of: sorted))"
)
print("  errors \(errors), unanswered \(sent - latencies.count)")
print("  daemon peak resident memory: \(peak.map { "\($0 / 1024) MB (\($0) kB)" } ?? "unknown")")
// The issue's figures for the original PHP ECMG, and the targets, next to this run's.
if options.saturateWindow != nil {
    print("  target: at least 20,000 ECMs/s sustained, resident memory under 48 MB")
} else if options.connections * options.streams > 1 {
    print("  original PHP ECMG, 20 × 25 (about 800 CW_provisions/s): p99 43 ms, some answers wrong, over a minute to accept")
    print("  target, 40 × 25 at 1,000 CW_provisions/s: p99 under 2 ms, 0 errors, every connection within 1 s, under 48 MB")
} else {
    print("  original PHP ECMG, one stream: p50 0.55 ms, p99 0.84 ms (a Python client; see Benchmarks/ecmg-one-stream.py)")
    print("  target: p99 under 0.3 ms")
}
try await group.shutdownGracefully()
