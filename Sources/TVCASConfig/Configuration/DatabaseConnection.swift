/// How to reach the database, by the rule of decisions.md §6.
public enum DatabaseConnection: Hashable, Sendable {
    /// `mysql_socket` is set: connect through that unix socket.
    case socket(path: String)
    /// `mysql_server` is `localhost`: the client library's default unix socket.
    case defaultSocket
    /// Otherwise TCP to these nodes, tried in order. A node named `localhost` here (say
    /// `localhost:3307`) is meant as TCP: the client must force the TCP protocol for it.
    case tcp([DatabaseNode])
}
