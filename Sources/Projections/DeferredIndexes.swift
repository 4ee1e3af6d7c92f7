import Postgres

/// The read models' secondary indexes that a catch-up from zero drops at its start and builds again at its
/// end: inserting a row costs one index entry per index, and a sorted build of a full table costs a
/// fraction of that. Only the indexes the fast path never reads go, the unique ones of sources, of events'
/// parts and of edges' articles among them (the projector makes each such row once; the build checks
/// it); the primary keys (which `ON CONFLICT` and the lookups by id need), `events_latest_idx` (a
/// report's candidate events) and the entities' stay.
///
/// Each dropped index's definition, as PostgreSQL gives it, goes into `graph.deferred_indexes` in the
/// same transaction, so a projector killed in between builds them when its catch-up ends (or, killed while
/// building them, when it starts again). A correction, whose queries read these indexes, builds them first.
enum DeferredIndexes {
    static let names = [
        "sources_id_idx", "sources_event_idx", "sources_article_idx", "events_actor_place_idx", "event_entities_part_idx",
        "event_entities_entity_idx", "event_entities_edge_idx", "edge_articles_edge_article_idx", "relations_object_idx",
        "relation_reports_edge_idx", "aliases_lower_alias_idx", "aliases_entity_idx",
    ]

    /// Records the definitions of the listed indexes that exist, and drops them.
    static func drop(on connection: Connection) throws {
        let dropped = try connection.query("""
            INSERT INTO graph.deferred_indexes (name, table_name, definition)
            SELECT c.relname, 'graph.' || t.relname, pg_get_indexdef(c.oid)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_index i ON i.indexrelid = c.oid JOIN pg_class t ON t.oid = i.indrelid
            WHERE n.nspname = 'graph' AND c.relkind = 'i' AND c.relname = ANY(\(PostgresArray(names))::text[])
            ON CONFLICT (name) DO NOTHING
            RETURNING name
            """).map { try $0.decode(0, as: String.self) }
        for name in dropped {
            // The name is one of `names`, checked against the catalog just above.
            try connection.query(SQL(unsafeSQL: "DROP INDEX graph.\(name)"))
        }
    }

    /// Builds the deferred indexes again (but those of the tables in `skipped`, `graph.<table>`), each in
    /// a transaction of its own with the removal of its definition (or in the caller's, when it has one).
    /// Nothing when none is deferred.
    static func restore(except skipped: [String] = [], on connection: Connection) throws {
        let waiting = try connection.query("""
            SELECT name FROM graph.deferred_indexes WHERE NOT table_name = ANY(\(PostgresArray(skipped))::text[]) ORDER BY name
            """).map { try $0.decode(0, as: String.self) }
        for name in waiting {
            try connection.transaction { connection in
                // A definition PostgreSQL itself wrote (pg_get_indexdef) when the index was dropped.
                for row in try connection.query("DELETE FROM graph.deferred_indexes WHERE name = \(name) RETURNING definition") {
                    try connection.query(SQL(unsafeSQL: try row.decode(0, as: String.self)))
                }
            }
        }
    }
}
