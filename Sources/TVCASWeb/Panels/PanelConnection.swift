import Foundation
import TVCASDatabase

/// Each FastCGI worker thread's own database connection for the panels (made on first use,
/// kept for the thread's life), as the billing API does.
struct PanelConnection: Sendable {
    /// Where the connections go.
    let settings: DatabaseSettings
    private static let threadKey = "tvcas.panels.connection"

    /// This thread's connection.
    func current() -> Connection {
        let dictionary = Thread.current.threadDictionary
        if let box = dictionary[Self.threadKey] as? PanelConnectionBox, box.connection.settings == settings { return box.connection }
        let box = PanelConnectionBox(connection: Connection(settings: settings))
        dictionary[Self.threadKey] = box
        return box.connection
    }
}

/// Holds a thread's connection in its thread dictionary.
private final class PanelConnectionBox {
    let connection: Connection
    init(connection: Connection) { self.connection = connection }
}
