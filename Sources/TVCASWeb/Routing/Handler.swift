/// Answers a request; a thrown error becomes a 500 page (see ``Router``).
public typealias Handler = @Sendable (Request) throws -> Response
