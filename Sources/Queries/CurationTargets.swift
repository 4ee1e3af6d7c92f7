public import Postgres

/// Finds the events and articles of the read models that a correction names.
public struct CurationTargets: Sendable {
    public init() {}

    /// The event with this id, or an error saying there is none.
    public func event(_ id: String, on connection: Connection) throws -> String {
        guard try connection.query("SELECT count(*) FROM graph.events WHERE id = \(id)")[0].decode(0, as: Int.self) > 0 else {
            throw QueryError(message: "no event has the id '\(id)'")
        }
        return id
    }

    /// The article whose id is or starts with `prefix`, or an error when none or several do.
    public func article(_ prefix: String, on connection: Connection) throws -> String {
        // starts_with, not LIKE: '%' and '_' in what a user typed are letters, not wildcards.
        let matches = try connection.query("SELECT id FROM graph.articles WHERE starts_with(id, \(prefix)) LIMIT 2")
            .map { try $0.decode(0, as: String.self) }
        guard matches.count == 1 else {
            throw QueryError(message: matches.isEmpty
                ? "no article has the id '\(prefix)'" : "'\(prefix)' matches more than one article: give more of the id")
        }
        return matches[0]
    }
}
