import Foundation

/// Command-line options of `ECMGLoad`.
struct LoadOptions {
    /// `--tvcas PATH`: spawn this tvcas (`tvcas ecmg`) from a saved row, no database needed.
    var tvcas: String?
    /// `--port P --pid PID`: attach to a running ECMG instead.
    var port: Int?
    var pid: Int32?
    /// `--key HEX`: its ECM key (to check every ECM).
    var key = "7E33A278B3617A309B18222F372A231907AC67E08A5F12C3F74769DE8374C7AE"
    var connections = 1
    var streams = 1
    /// Crypto period in seconds: each stream sends one CW_provision per period.
    var cpSeconds = 1.0
    var duration = 10.0
    /// `--saturate W`: closed loop, W CW_provisions in flight per connection, as fast as answered.
    var saturateWindow: Int?

    init(arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            let value = iterator.next() ?? ""
            switch flag {
            case "--tvcas": tvcas = value
            case "--port": port = Int(value)
            case "--pid": pid = Int32(value)
            case "--key": key = value
            case "--connections": connections = Int(value) ?? 1
            case "--streams": streams = Int(value) ?? 1
            case "--cp": cpSeconds = Double(value) ?? 1
            case "--duration": duration = Double(value) ?? 10
            case "--saturate": saturateWindow = Int(value)
            default:
                FileHandle.standardError.write(Data("unknown option \(flag)\n".utf8))
                exit(2)
            }
        }
    }

    var rate: Double { Double(connections * streams) / cpSeconds }
}
