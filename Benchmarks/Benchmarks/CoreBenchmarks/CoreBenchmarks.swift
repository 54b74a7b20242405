import Benchmark
import TVCASCore

/// ECMs and EMMs built per second on one core (target: at least 200,000 each), and the
/// allocations each build makes (target: none beyond the output).
let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.throughput, .wallClock, .mallocCountTotal],
        scalingFactor: .kilo,
        maxDuration: .seconds(3)
    )

    let ecmBuilder = ECMBuilder(
        key: try! ECMKey(hex: "7E33A278B3617A309B18222F372A231907AC67E08A5F12C3F74769DE8374C7AE"),
        random: SystemRandomSource()
    )
    let controlWords = (ControlWord(rawValue: 0x0123_4567_89AB_CDEF), ControlWord(rawValue: 0xFEDC_BA98_7654_3210))

    Benchmark("ECM build into a buffer", configuration: configuration) { benchmark in
        var output = [UInt8](repeating: 0, count: ECMFormat.datagramLength)
        output.withUnsafeMutableBytes { buffer in
            for iteration in benchmark.scaledIterations {
                try! ecmBuilder.build(
                    cpNumber: UInt16(truncatingIfNeeded: iteration), controlWords: controlWords,
                    accessCriteria: AccessCriteria(rawValue: 0xFFFF), time: 1_700_000_000, into: buffer)
            }
        }
        blackHole(output)
    }

    Benchmark("ECM build as [UInt8]", configuration: configuration) { benchmark in
        for iteration in benchmark.scaledIterations {
            blackHole(
                try! ecmBuilder.build(
                    cpNumber: UInt16(truncatingIfNeeded: iteration), controlWords: controlWords,
                    accessCriteria: AccessCriteria(rawValue: 0xFFFF), time: 1_700_000_000))
        }
    }

    let emmBuilder = EMMBuilder(zone: try! ConaxTimeZone("Europe/Moscow"))
    let cardKey = try! CardKey(hex: "98FA4C8CF74769DE8374C7AEC8CF7476")

    Benchmark("EMM build into a buffer", configuration: configuration) { benchmark in
        var output = [UInt8](repeating: 0, count: EMMFormat.datagramLength)
        output.withUnsafeMutableBytes { buffer in
            for iteration in benchmark.scaledIterations {
                let subscription = CardSubscription(
                    serial: CardSerial(rawValue: 2_100_000_000 + UInt32(iteration % 1_000_000)),
                    accessCriteria: AccessCriteria(rawValue: 0xFFFF_FFFF),
                    start: 1_596_643_920 + UInt32(iteration % 100_000) * 60, finish: 1_601_917_980, pair: 0, type: 2)
                try! emmBuilder.build(for: subscription, key: cardKey, into: buffer)
            }
        }
        blackHole(output)
    }

    Benchmark("EMM build as [UInt8]", configuration: configuration) { benchmark in
        for iteration in benchmark.scaledIterations {
            let subscription = CardSubscription(
                serial: CardSerial(rawValue: 2_100_000_000 + UInt32(iteration % 1_000_000)),
                accessCriteria: AccessCriteria(rawValue: 0xFFFF_FFFF),
                start: 1_596_643_920 + UInt32(iteration % 100_000) * 60, finish: 1_601_917_980, pair: 0, type: 2)
            blackHole(try! emmBuilder.build(for: subscription, key: cardKey))
        }
    }

    let moscow = try! ConaxTimeZone("Europe/Moscow")
    Benchmark("Conax date in Europe/Moscow", configuration: configuration) { benchmark in
        for iteration in benchmark.scaledIterations {
            blackHole(ConaxDate(time: 1_596_643_920 + Int64(iteration) * 3_600, in: moscow))
        }
    }
}
