import Foundation
import TVCASDatabase

/// The billing API's cards in MariaDB. Each worker thread uses a connection of its own (made on
/// its first request, kept for the thread's life), so a request never waits for another
/// thread's connection.
public struct DatabaseBillingCardStore: BillingCardStore {
    /// Where the connections go.
    public let settings: DatabaseSettings

    private static let threadKey = "tvcas.billing.connection"

    /// A store on the database `settings` names.
    public init(settings: DatabaseSettings) {
        self.settings = settings
    }

    public func billingCard(serialNumber: UInt32) throws -> BillingCard? {
        guard let values = try connection().billingAPICards.find(serial: serialNumber) else { return nil }
        return BillingCard(values: Dictionary(uniqueKeysWithValues: zip(BillingField.allCases, values)))
    }

    public func apply(_ update: BillingCardUpdate) throws -> BillingField? {
        let requestID = RequestID(update.requestID) ?? .random()
        let refused = try connection().billingAPICards.update(
            serial: update.serialNumber,
            assignments: update.assignments.map { ($0.field.column, $0.value) },
            logMessage: update.logMessage,
            ip: update.clientAddress,
            requestID: requestID,
            time: UInt32(Date().timeIntervalSince1970)
        )
        return refused.flatMap(BillingField.init(rawValue:))
    }

    /// This thread's connection.
    private func connection() -> Connection {
        let dictionary = Thread.current.threadDictionary
        if let box = dictionary[Self.threadKey] as? ConnectionBox, box.connection.settings == settings { return box.connection }
        let box = ConnectionBox(connection: Connection(settings: settings))
        dictionary[Self.threadKey] = box
        return box.connection
    }
}

/// Holds a thread's connection in its thread dictionary.
private final class ConnectionBox {
    let connection: Connection
    init(connection: Connection) { self.connection = connection }
}
