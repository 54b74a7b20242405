/// One row of `tvcas_smartcards`: a subscriber's card, with the original columns.
public struct Card: Sendable, Equatable {
    /// `id`: internal row id.
    public var id: UInt32
    /// `serial_no`: the card serial (2100000000–2109999999 by convention).
    public var serialNo: UInt32
    /// `name`: the subscriber's name.
    public var name: String
    /// `info`: address and notes (NULL possible).
    public var info: String?
    /// `network_id`: unused by the panels.
    public var networkID: UInt32
    /// `key`: the card's EMM key, 32 hex characters as stored (not validated here).
    public var key: String
    /// `access_criteria`: the 32-bit package mask as 8 hex characters, as stored.
    public var accessCriteria: String
    /// `status`: unused by the panels.
    public var status: UInt8
    /// `cn`: unused ('' or NULL).
    public var cn: String?
    /// `type`: protection flag, 1 = on, 2 or 0 = off.
    public var type: Int32
    /// `pair`: pairing flag, nonzero = paired.
    public var pair: Int32
    /// `start`: subscription start (unix), NULL possible.
    public var start: UInt32?
    /// `finish`: subscription end (unix), NULL possible.
    public var finish: UInt32?
    /// `c_time`: creation time (unix), NULL possible.
    public var createdAt: UInt32?
    /// `edit`: last modification time (unix), NULL possible.
    public var editedAt: UInt32?
    /// `uid`: unused.
    public var uid: Int32
    /// `subscription_slot1`: counter used by the EMMG.
    public var subscriptionSlot1: Int32
    /// `subscription_slot2`: counter used by the EMMG.
    public var subscriptionSlot2: Int32

    /// A card with every column given; defaults are the original schema's.
    public init(
        id: UInt32 = 0, serialNo: UInt32, name: String = "", info: String? = nil, networkID: UInt32 = 1, key: String = "",
        accessCriteria: String = "00000000", status: UInt8 = 1, cn: String? = nil, type: Int32 = 1, pair: Int32 = 0,
        start: UInt32? = nil, finish: UInt32? = nil, createdAt: UInt32? = nil, editedAt: UInt32? = nil, uid: Int32 = 15,
        subscriptionSlot1: Int32 = 0, subscriptionSlot2: Int32 = 0
    ) {
        self.id = id
        self.serialNo = serialNo
        self.name = name
        self.info = info
        self.networkID = networkID
        self.key = key
        self.accessCriteria = accessCriteria
        self.status = status
        self.cn = cn
        self.type = type
        self.pair = pair
        self.start = start
        self.finish = finish
        self.createdAt = createdAt
        self.editedAt = editedAt
        self.uid = uid
        self.subscriptionSlot1 = subscriptionSlot1
        self.subscriptionSlot2 = subscriptionSlot2
    }
}

extension Card {
    /// The columns read for a card, in ``init(row:)``'s order.
    static let columns =
        "id, serial_no, name, info, network_id, `key`, access_criteria, status, cn, type, pair, start, finish, c_time, edit, uid, subscription_slot1, subscription_slot2"

    /// Reads a card from a row of ``columns``; a NULL in a column whose original default is not
    /// NULL reads as that default.
    init(row: Row) throws(DatabaseError) {
        self.init(
            id: try row.decode("id"),
            serialNo: try row.decode("serial_no", as: UInt32?.self) ?? 0,
            name: try row.decode("name", as: String?.self) ?? "",
            info: try row.decode("info"),
            networkID: try row.decode("network_id", as: UInt32?.self) ?? 1,
            key: try row.decode("key", as: String?.self) ?? "",
            accessCriteria: try row.decode("access_criteria", as: String?.self) ?? "00000000",
            status: try row.decode("status", as: UInt8?.self) ?? 1,
            cn: try row.decode("cn"),
            type: try row.decode("type", as: Int32?.self) ?? 1,
            pair: try row.decode("pair", as: Int32?.self) ?? 0,
            start: try row.decode("start"),
            finish: try row.decode("finish"),
            createdAt: try row.decode("c_time"),
            editedAt: try row.decode("edit"),
            uid: try row.decode("uid", as: Int32?.self) ?? 15,
            subscriptionSlot1: try row.decode("subscription_slot1", as: Int32?.self) ?? 0,
            subscriptionSlot2: try row.decode("subscription_slot2", as: Int32?.self) ?? 0
        )
    }

    /// The values of every column but `id`, in ``insertColumns`` order.
    var insertValues: [SQLValue] {
        [
            serialNo.sqlValue, name.sqlValue, info.sqlValue, networkID.sqlValue, key.sqlValue, accessCriteria.sqlValue,
            status.sqlValue, cn.sqlValue, type.sqlValue, pair.sqlValue, start.sqlValue, finish.sqlValue, createdAt.sqlValue,
            editedAt.sqlValue, uid.sqlValue, subscriptionSlot1.sqlValue, subscriptionSlot2.sqlValue,
        ]
    }

    /// Every column but `id`.
    static let insertColumns =
        "serial_no, name, info, network_id, `key`, access_criteria, status, cn, type, pair, start, finish, c_time, edit, uid, subscription_slot1, subscription_slot2"
}
