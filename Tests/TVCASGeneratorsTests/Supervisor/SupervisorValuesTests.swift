import Foundation
import TVCASConfig
import TVCASDatabase
import TVCASTesting
import Testing

@testable import TVCASGenerators

/// Eligibility, fingerprints, log messages, the saved copy, /targets and the child command line.
@Suite struct SupervisorValuesTests {
    let settings = SuperviseSettings(host: "head1")

    @Test func anECMGRunsWhenEnabledWithStatusOneAndAllowedHere() {
        #expect(SupervisedRow(ECMGRow(id: 1, enable: 1), settings: settings).eligible)
        #expect(!SupervisedRow(ECMGRow(id: 1, enable: 0), settings: settings).eligible)
        #expect(!SupervisedRow(ECMGRow(id: 1, status: 0, enable: 1), settings: settings).eligible)
        #expect(SupervisedRow(ECMGRow(id: 1, enable: 1, runOn: "head2, head1"), settings: settings).eligible)
        #expect(!SupervisedRow(ECMGRow(id: 1, enable: 1, runOn: "head2"), settings: settings).eligible)
    }

    @Test func anEMMGAlsoNeedsDIDZero() {
        #expect(SupervisedRow(EMMGRow(id: 2, enable: 1), settings: settings).eligible)
        #expect(!SupervisedRow(EMMGRow(id: 2, deletedBy: 7, enable: 1), settings: settings).eligible)
        #expect(SupervisedRow(EMMGRow(id: 2, enable: 1), settings: settings).key == GeneratorKey(.emmg, 2))
    }

    @Test func theFingerprintChangesWithTheSettingsNotWithTheHeartbeat() {
        let row = ECMGRow(id: 1, port: 2000, version: 9, enable: 1)
        var beat = row
        beat.touchTime = 12345
        beat.peers = "[]"
        var edited = row
        edited.version = 10
        #expect(SupervisedRow(row, settings: settings).fingerprint == SupervisedRow(beat, settings: settings).fingerprint)
        #expect(SupervisedRow(row, settings: settings).fingerprint != SupervisedRow(edited, settings: settings).fingerprint)
    }

    @Test func logMessagesAreThoseOfDecisionsFive() {
        let key = GeneratorKey(.ecmg, 3)
        #expect(SupervisorRecord.started(key, pid: 4242).logMessage(host: "head1")! == ("ECMG_3 started on head1 (pid 4242)", 0))
        #expect(
            SupervisorRecord.exited(GeneratorKey(.emmg, 12), .signal(9), restartIn: 2).logMessage(host: "h")!
                == ("EMMG_12 exited (signal 9), restart in 2 s", 1))
        #expect(SupervisorRecord.notConfigured(key).logMessage(host: "h")! == ("ECMG_3 not configured (exit 3), not restarted", 1))
        #expect(SupervisorRecord.stopped(key, .status(0)).logMessage(host: "h") == nil)
    }

    @Test func waitStatusesDecode() {
        #expect(ChildExit(waitStatus: 3 << 8) == .status(3))
        #expect(ChildExit(waitStatus: 9) == .signal(9))
        #expect(ChildExit(waitStatus: 3 << 8).isNotConfigured)
    }

    @Test func theSavedCopyRoundTrips() throws {
        let scratch = try ScratchDirectory(prefix: "tvcas-saved-rows")
        defer { scratch.remove() }
        let url = SavedRows.url(stateDirectory: scratch.path("state"), host: "head/1")
        #expect(url.lastPathComponent == "supervise-head_1.json")
        #expect(SavedRows.load(from: url) == nil)
        let rows = SavedRows(host: "head/1", desired: [GeneratorKey(.ecmg, 1): "a", GeneratorKey(.emmg, 5): "b"])
        try rows.save(to: url)
        #expect(SavedRows.load(from: url) == rows)
        #expect(SavedRows.load(from: url)?.desired == [GeneratorKey(.ecmg, 1): "a", GeneratorKey(.emmg, 5): "b"])
    }

    @Test func targetsAreInPrometheusHTTPServiceDiscoveryFormat() throws {
        let targets = ScrapeTargets(
            keys: [GeneratorKey(.emmg, 2), GeneratorKey(.ecmg, 1)], metrics: MetricsSettings(childPortBase: 9470), host: "head1")
        let groups = try #require(try JSONSerialization.jsonObject(with: Data(targets.json)) as? [[String: Any]])
        #expect(groups.count == 2)
        #expect(groups[0]["targets"] as? [String] == ["127.0.0.1:9471"])
        #expect((groups[0]["labels"] as? [String: String])?["generator"] == "ECMG_1")
        #expect(groups[1]["targets"] as? [String] == ["127.0.0.1:14472"])
        #expect(String(decoding: ScrapeTargets(keys: [], metrics: MetricsSettings(), host: "h").json, as: UTF8.self) == "[]")
    }

    @Test func childrenGetTheirIdConfigAndMetricsPort() {
        let command = ChildCommand(
            executable: "/usr/bin/tvcas", configPath: "/etc/tvcas/tvcas.toml", helperExecutable: "/usr/bin/tvcas",
            metrics: MetricsSettings(childPortBase: 9470))
        #expect(
            command.generatorArguments(for: GeneratorKey(.emmg, 4))
                == ["/usr/bin/tvcas", "emmg", "--id", "4", "--config", "/etc/tvcas/tvcas.toml", "--metrics", "127.0.0.1:14474"])
        #expect(
            command.spawnArguments(for: GeneratorKey(.ecmg, 1), parentPID: 77).prefix(5) == [
                "/usr/bin/tvcas", "supervise", "--exec-parent", "77", "--",
            ])
    }
}
