import Foundation

/// Realistic demo content for a migrated database: cards with valid keys, mixed packages and
/// dates, Cyrillic and Latin names; one ECMG row, one EMMG row and some log entries.
public struct DemoData: Sendable {
    /// The config's `ecm_key`, given to the demo ECMG row.
    public var ecmKey: String
    /// The seed of the generator (the same seed gives the same cards).
    public var seed: UInt64
    /// "Now" for the dates (unix).
    public var now: UInt32

    /// Demo data around `now`.
    public init(ecmKey: String, seed: UInt64 = 2100, now: UInt32 = UInt32(Date().timeIntervalSince1970)) {
        self.ecmKey = ecmKey
        self.seed = seed
        self.now = now
    }

    /// Cyrillic first names with the matching form of the surnames (female, male).
    static let cyrillicFemale = ["Мария", "Анна", "Ольга", "Елена", "Наталья", "Татьяна", "Юлия", "Светлана", "Алёна"]
    static let cyrillicMale = ["Иван", "Сергей", "Дмитрий", "Алексей", "Андрей", "Михаил", "Николай", "Павел", "Пётр"]
    static let cyrillicSurnames = [
        ("Иванова", "Иванов"), ("Петрова", "Петров"), ("Смирнова", "Смирнов"), ("Кузнецова", "Кузнецов"), ("Попова", "Попов"),
        ("Соколова", "Соколов"), ("Лебедева", "Лебедев"), ("Козлова", "Козлов"), ("Новикова", "Новиков"), ("Фёдорова", "Фёдоров"),
    ]
    static let firstNamesLatin = [
        "John", "Maria", "Ahmed", "Elena", "Lukas", "Sofia", "Jan", "Zoë", "Mehmet", "Chloé", "Piotr", "Aisha", "Nikola", "Emma",
    ]
    static let lastNamesLatin = [
        "Smith", "García", "Kowalski", "Müller", "Novak", "Yılmaz", "Rossi", "Dubois", "Horvat", "Jensen", "O'Brien", "Silva",
    ]
    static let streetsCyrillic = ["ул. Ленина", "пр. Мира", "ул. Гагарина", "ул. Садовая", "ул. Школьная", "пер. Почтовый"]
    static let streetsLatin = ["Main Street", "Station Road", "Kossuth utca", "Rue de la Paix", "Hauptstraße", "Calle Mayor"]
    /// Package masks an operator would sell: basic, basic+sport, premium, everything, none.
    static let packages = ["00000001", "00000003", "00000007", "0000000F", "00010010", "4F0F0F0F", "FFFFFFFF", "00000000", "11111111"]

    /// The `index`-th demo card, with serial `serial`.
    public func card(index: Int, serial: UInt32) -> Card {
        var random = DemoRandom(seed: seed &+ UInt64(index) &* 0x2545_F491_4F6C_DD1D)
        let cyrillic = random.chance(60)
        let name =
            cyrillic
            ? (random.chance(50)
                ? "\(random.pick(Self.cyrillicFemale)) \(random.pick(Self.cyrillicSurnames).0)"
                : "\(random.pick(Self.cyrillicMale)) \(random.pick(Self.cyrillicSurnames).1)")
            : "\(random.pick(Self.firstNamesLatin)) \(random.pick(Self.lastNamesLatin))"
        let info: String? =
            random.chance(15)
            ? nil
            : cyrillic
                ? "\(random.pick(Self.streetsCyrillic)), д. \(random.next() % 120 + 1), кв. \(random.next() % 300 + 1)"
                : "\(random.next() % 200 + 1) \(random.pick(Self.streetsLatin))"
        let day: UInt32 = 86_400
        let created = now - UInt32(random.next() % 700) * day - UInt32(random.next() % day)
        var start: UInt32? = created
        var finish: UInt32?
        switch random.next() % 10 {
        case 0...5: finish = now + UInt32(random.next() % 365 + 1) * day  // active
        case 6, 7: finish = now - UInt32(random.next() % 200 + 1) * day  // expired
        case 8:  // starts later
            start = now + UInt32(random.next() % 30 + 1) * day
            finish = start! + 30 * day
        default:  // never activated
            start = nil
            finish = nil
        }
        if let s = start, let f = finish, f <= s { finish = s + day }
        let edited = random.chance(5) ? now - UInt32(random.next() % (7 * UInt64(day))) : created + UInt32(random.next() % UInt64(now - created + 1))
        return Card(
            serialNo: serial, name: name, info: info, key: random.hexKey(), accessCriteria: random.pick(Self.packages),
            cn: random.chance(80) ? "" : nil, type: random.chance(30) ? 1 : 2, pair: random.chance(20) ? 1 : 0, start: start,
            finish: finish, createdAt: created, editedAt: edited)
    }

    /// The demo ECMG row: port 42000, the config's ECM key, enabled.
    public var ecmg: ECMGRow {
        ECMGRow(info: "Demo ECMG", port: 42000, key: ecmKey, createdAt: now, modifiedAt: now, enable: 1)
    }

    /// The demo EMMG row: a MUX on 127.0.0.1:41000.
    public var emmg: EMMGRow {
        EMMGRow(info: "Demo EMMG", host: "127.0.0.1", port: 41000, timeout: 60, createdAt: now, modifiedAt: now, enable: 1)
    }

    /// A few log entries of the kinds the panels write.
    public var logEntries: [LogEntry] {
        let base = Int32(bitPattern: now) - 3_600
        return [
            LogEntry(message: "The user logged in to the admin panel", user: "admin", time: base, ip: "192.168.1.10"),
            LogEntry(message: "Start ECMG_1", user: "cron", time: base + 60, ip: "127.0.0.1"),
            LogEntry(message: "Start EMMG_1", user: "cron", time: base + 61, ip: "127.0.0.1"),
            LogEntry(message: "Карта 210-000-000-5: пакеты изменены", user: "oper", time: base + 600, ip: "10.0.0.7"),
            LogEntry(message: "AC changed for card 2100000003", user: "API", time: base + 1200, ip: "2001:db8::15"),
            LogEntry(message: "Delete card 2100000009", type: 1, user: "admin", time: base + 1800, ip: "192.168.1.10"),
            LogEntry(message: "Stop EMMG_1", type: 1, user: "admin", time: base + 2400, ip: "192.168.1.10"),
            LogEntry(message: "Start EMMG_1", user: "admin", time: base + 2460, ip: "192.168.1.10"),
        ]
    }
}
