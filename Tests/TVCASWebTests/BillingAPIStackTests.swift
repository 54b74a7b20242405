import Foundation
import TVCASTesting
import Testing

/// api.md's closing table, row by row, through nginx → `tvcas web` → MariaDB loaded from the
/// fixture and migrated.
@Suite("Billing API through nginx, row by row of api.md's table")
struct BillingAPIStackTests: WebStackSuite {
    static let key = "api_key=trololoapi"

    /// Runs `count` calls at once on threads of their own and returns their results in order.
    private func concurrently<T: Sendable>(_ count: Int, _ call: @escaping @Sendable (Int) throws -> T) -> [T?] {
        let results = Results<T>(count: count)
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            Thread {
                results.set(index, try? call(index))
                group.leave()
            }.start()
        }
        group.wait()
        return results.values
    }

    @Test("wrong or missing key: 400 NOT_VALID_API_KEY, nothing in tvcas_logs, the application log notes it; X-API-Key works")
    func wrongKey() throws {
        try withStack { stack in
            let logsBefore = try stack.sql("SELECT COUNT(*) FROM tvcas_logs")
            let answers = concurrently(2) { index in
                try stack.get(index == 0 ? "api_key=wrong&serial_no=2100000003" : "serial_no=2100000003")
            }
            for answer in answers {
                #expect(answer?.status == 400)
                #expect(answer?.body == "NOT_VALID_API_KEY")
                #expect(answer?.headers["content-type"] == "text/html; charset=utf-8")
                #expect(answer?.headers["set-cookie"] == nil)
            }
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_logs") == logsBefore)
            #expect(stack.log.contains("wrong API key"))
            #expect(!stack.log.contains("=wrong"))
            let viaHeader = try stack.get("serial_no=2100000003", headers: ["X-API-Key": "trololoapi"])
            #expect(viaHeader.status == 200)
            #expect(viaHeader.body.hasPrefix(#"{"serial_no":"2100000003","#))
            #expect(viaHeader.headers["content-type"] == "text/html; charset=utf-8")
            #expect(viaHeader.headers["cache-control"] == "no-cache, no-store")
            #expect(viaHeader.headers["set-cookie"] == nil)
        }
    }

    @Test("100 wrong keys at once hold no worker: a good request is answered while they wait")
    func penaltyHoldsNoWorker() throws {
        try withStack(nginx: false, workers: 2) { stack in
            let finished = Counter()
            let group = DispatchGroup()
            for index in 0..<100 {
                group.enter()
                Thread {
                    _ = try? stack.fastCGI.send(
                        "/api.php", query: "api_key=bad\(index)&serial_no=2100000003", remoteAddress: "10.1.\(index / 250).\(index % 250)")
                    finished.increment()
                    group.leave()
                }.start()
            }
            usleep(200_000)
            let good = try stack.fastCGI.send("/api.php", query: "\(Self.key)&serial_no=2100000003")
            #expect(good.status == 200)
            #expect(finished.value < 100)
            group.wait()
            #expect(finished.value == 100)
        }
    }

    @Test("SIGTERM: tvcas web stops accepting, answers the request in flight (a penalised one), exits 0")
    func sigterm() throws {
        try withStack(nginx: false) { stack in
            let answer = Results<FastCGIClient.Answer>(count: 1)
            let group = DispatchGroup()
            group.enter()
            Thread {
                answer.set(0, try? stack.fastCGI.send("/api.php", query: "api_key=nope&serial_no=2100000003"))
                group.leave()
            }.start()
            // Once a later request is answered, the penalised one has been accepted too.
            usleep(300_000)
            _ = try stack.fastCGI.send("/api.php", query: "\(Self.key)&serial_no=2100000003")
            stack.process.terminate()
            stack.process.waitUntilExit()
            group.wait()
            #expect(stack.process.terminationStatus == 0)
            #expect(answer.values[0]?.text == "NOT_VALID_API_KEY")
            #expect(!FileManager.default.fileExists(atPath: stack.socketPath))
        }
    }

    @Test("more than 10 wrong keys a minute from one address: 429, whatever key it sends; other addresses unaffected")
    func throttling() throws {
        try withStack(nginx: false) { stack in
            let statuses = concurrently(11) { index in
                try stack.fastCGI.send("/api.php", query: "api_key=guess\(index)&serial_no=2100000003", remoteAddress: "10.9.9.9")
            }.map { $0?.status }
            #expect(statuses.filter { $0 == 400 }.count == 10)
            #expect(statuses.filter { $0 == 429 }.count == 1)
            let locked = try stack.fastCGI.send("/api.php", query: "\(Self.key)&serial_no=2100000003", remoteAddress: "10.9.9.9")
            #expect(locked.status == 429)
            #expect(locked.text == "NOT_VALID_API_KEY")
            let other = try stack.fastCGI.send("/api.php", query: "\(Self.key)&serial_no=2100000003", remoteAddress: "10.9.9.10")
            #expect(other.status == 200)
        }
    }

    @Test("garbage the original stored now gets the field's token, and nothing is written")
    func validation() throws {
        try withStack { stack in
            let cardBefore = try stack.sql("SELECT * FROM tvcas_smartcards WHERE serial_no = 2100000003")
            let logsBefore = try stack.sql("SELECT COUNT(*) FROM tvcas_logs")
            let cases: [(String, String)] = [
                ("set[access_criteria]=zz0000FFFFzz", "ACCESS_CRITERIA_ERROR"),
                ("set[access_criteria]=%3Cb%3E12345678", "ACCESS_CRITERIA_ERROR"),
                ("set[access_criteria]=1234567", "ACCESS_CRITERIA_ERROR"),
                ("set[pair]=10", "PAIR_ERROR"), ("set[pair]=abc1", "PAIR_ERROR"),
                ("set[start]=99999999999", "START_ERROR"), ("set[start]=x1234567890y", "START_ERROR"),
                ("set[start]=123123123", "START_ERROR"), ("set[finish]=4294967296", "FINISH_ERROR"),
                ("set[name]=ok&set[name]=%FF", "NAME_ERROR"), ("set[info]=%C3", "INFO_ERROR"),
                ("set[name]=" + String(repeating: "x", count: 256), "NAME_ERROR"),
                ("set[name][x]=1", "NAME_ERROR"), ("set[]=1", "UNKNOWN_SET_PARAMETER"), ("set[key]=00", "UNKNOWN_SET_PARAMETER"),
                ("set[serial_no]=2110000000", "SERIAL_NO_ERROR"), ("set[serial_no]=2100000001", "SERIAL_NO_ERROR"),
                ("set[serial_no]=99", "SERIAL_NO_ERROR"), ("set[name]=First&set[pair]=2", "PAIR_ERROR"),
            ]
            for (set, token) in cases {
                let answer = try stack.get("\(Self.key)&serial_no=2100000003&\(set)")
                #expect(answer.status == 400, "\(set)")
                #expect(answer.body == token, "\(set)")
            }
            #expect(try stack.sql("SELECT * FROM tvcas_smartcards WHERE serial_no = 2100000003") == cardBefore)
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_logs") == logsBefore)
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_card_changes") == "0")
            #expect(try stack.get("\(Self.key)&serial_no=2100000099").body == "SMARDCARD_NOT_FOUND")
            #expect(try stack.get("\(Self.key)").body == "SMARDCARD_NOT_FOUND")
        }
    }

    @Test("accepted values: stored as sent, one log row in the original's format, one change-queue row, edit untouched")
    func acceptedUpdate() throws {
        try withStack { stack in
            let editBefore = try stack.sql("SELECT edit FROM tvcas_smartcards WHERE serial_no = 2100000002")
            let emmgBefore = try stack.sql("SELECT id, reload, version FROM tvcas_emmg ORDER BY id")
            let answer = try stack.get(
                "\(Self.key)&serial_no=2100000002&set[access_criteria]=abcdef01&set[pair]=1&set[info]=O%27Brien%3B%20x%2520y")
            #expect(answer.status == 200)
            #expect(answer.body.contains(#""info":"O'Brien; x y","access_criteria":"abcdef01","pair":"1""#))
            let logRow = try stack.sql("SELECT msg, type, user, ip FROM tvcas_logs ORDER BY id DESC LIMIT 1")
            #expect(
                logRow
                    == "Smartcard 2100000002. access_criteria=abcdef01 pair=1 info=OBrien x y\t0\tAPI\t127.0.0.1")
            #expect(try stack.sql("SELECT serial_no, fields, source FROM tvcas_card_changes") == "2100000002\tinfo,access_criteria,pair\tapi")
            #expect(try stack.sql("SELECT edit FROM tvcas_smartcards WHERE serial_no = 2100000002") == editBefore)
            // decisions.md §3: the change queue replaces the original's bump of every EMMG row.
            #expect(try stack.sql("SELECT id, reload, version FROM tvcas_emmg ORDER BY id") == emmgBefore)
        }
    }

    @Test("set[serial_no]: own serial answers the row, a free 210xxxxxxx moves the card and answers null")
    func serialMoves() throws {
        try withStack { stack in
            let own = try stack.get("\(Self.key)&serial_no=2100000001&set[serial_no]=2100000001")
            #expect(own.status == 200)
            #expect(own.body.hasPrefix(#"{"serial_no":"2100000001""#))
            let moved = try stack.get("\(Self.key)&serial_no=2100000001&set[serial_no]=2100000777")
            #expect(moved.status == 200)
            #expect(moved.body == "null")
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_smartcards WHERE serial_no = 2100000777") == "1")
            #expect(try stack.sql("SELECT serial_no FROM tvcas_card_changes ORDER BY id DESC LIMIT 1") == "2100000777")
        }
    }

    @Test("a NULL name can be set, NULL columns answer null, and non-ASCII text (4-byte too) round-trips")
    func nullAndNonASCII() throws {
        try withStack { stack in
            try stack.sql(
                "INSERT INTO tvcas_smartcards (serial_no, name, info, access_criteria, pair, start, finish) VALUES (2100000500, NULL, NULL, '00000001', 0, NULL, NULL)"
            )
            let before = try stack.get("\(Self.key)&serial_no=2100000500")
            #expect(
                before.body
                    == #"{"serial_no":"2100000500","name":null,"info":null,"access_criteria":"00000001","pair":"0","start":null,"finish":null}"#)
            let named = try stack.get("\(Self.key)&serial_no=2100000500&set[name]=%D0%98%D0%B2%D0%B0%D0%BD%20%F0%9F%93%BA%20%E2%9C%93")
            #expect(named.status == 200)
            #expect(named.body.contains(#""name":"\u0418\u0432\u0430\u043d \ud83d\udcfa \u2713","info":null"#))
            #expect(try stack.sql("SELECT name FROM tvcas_smartcards WHERE serial_no = 2100000500") == "Иван 📺 ✓")
            #expect(try stack.sql("SELECT msg FROM tvcas_logs ORDER BY id DESC LIMIT 1") == "Smartcard 2100000500. name=Иван 📺 ✓")
        }
    }

    @Test("50 concurrent updates to different cards: nothing lost")
    func concurrentUpdates() throws {
        try withStack(workers: 8) { stack in
            let values = (0..<50).map { "(\(2_100_001_000 + $0), 'card \($0)', '', '00000000', 0, 1600000000, 1700000000)" }
            try stack.sql(
                "INSERT INTO tvcas_smartcards (serial_no, name, info, access_criteria, pair, start, finish) VALUES "
                    + values.joined(separator: ","))
            let logsBefore = Int(try stack.sql("SELECT COUNT(*) FROM tvcas_logs"))!
            let answers = concurrently(50) { index in
                try stack.get("\(Self.key)&serial_no=\(2_100_001_000 + index)&set[name]=Billing+\(index)&set[finish]=1800000000")
            }
            #expect(answers.allSatisfy { $0?.status == 200 })
            let names = try stack.sql("SELECT name FROM tvcas_smartcards WHERE serial_no BETWEEN 2100001000 AND 2100001049 ORDER BY serial_no")
            #expect(names.split(separator: "\n").map(String.init) == (0..<50).map { "Billing \($0)" })
            #expect(try stack.sql("SELECT COUNT(*) FROM tvcas_smartcards WHERE finish = 1800000000") == "50")
            #expect(Int(try stack.sql("SELECT COUNT(*) FROM tvcas_logs"))! == logsBefore + 50)
            #expect(try stack.sql("SELECT COUNT(DISTINCT serial_no) FROM tvcas_card_changes") == "50")
        }
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

final class Results<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [T?]
    init(count: Int) { stored = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: T?) { lock.withLock { stored[index] = value } }
    var values: [T?] { lock.withLock { stored } }
}
