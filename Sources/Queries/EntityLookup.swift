import Foundation
public import Postgres

/// An entity as queries return it.
public struct EntityInfo: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var kind: String
    public var country: String?

    public init(id: String, name: String, kind: String, country: String?) {
        self.id = id
        self.name = name
        self.kind = kind
        self.country = country
    }
}

/// Finds an entity by id, by any alias in any language, or by name; merged entities resolve to their survivor.
public struct EntityLookup: Sendable {
    public init() {}

    /// The entity a user means, or an error naming what was not found or what was ambiguous.
    public func find(_ text: String, on connection: Connection) throws -> EntityInfo {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let rows = try connection.query("""
            WITH candidates AS (
                SELECT graph.canonical(id) AS id, 3 AS rank, 0 AS seen FROM graph.entities WHERE id = \(trimmed)
                UNION ALL
                SELECT graph.canonical(entity_id), 2, seen FROM graph.aliases WHERE alias = \(trimmed)
                UNION ALL
                SELECT graph.canonical(id), 1, 0 FROM graph.entities WHERE lower(name) = lower(\(trimmed))
                UNION ALL
                SELECT graph.canonical(entity_id), 0, seen FROM graph.aliases WHERE lower(alias) = lower(\(trimmed))
            )
            SELECT e.id, e.name, e.kind, e.country, max(c.rank) AS rank, sum(c.seen) AS seen,
                   (SELECT count(*) FROM graph.event_entities ee WHERE ee.entity_id = e.id) AS events
            FROM candidates c JOIN graph.entities e ON e.id = c.id
            GROUP BY e.id, e.name, e.kind, e.country
            ORDER BY rank DESC, events DESC, seen DESC, e.id
            LIMIT 5
            """)
        guard let best = rows.first else {
            throw QueryError(message: "no entity is known as '\(trimmed)' (try an id, an English name or a Korean alias; has `chronograph project` run?)")
        }
        return EntityInfo(id: try best.decode("id"), name: try best.decode("name"), kind: try best.decode("kind"), country: best["country"])
    }
}

/// A query could not be answered.
public struct QueryError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
