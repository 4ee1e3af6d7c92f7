import EventCatalog
import EventLog
import Postgres

/// Corrections (the slow path): an analyst's merge, alias, rename or retraction. Rare, so each is applied
/// on its own, and the keys and edges it touches are grouped and counted again from their sources.
extension GraphProjection {
    /// Applies one correction. It groups keys again behind the cache's back, so the cache forgets every
    /// key's events, before and after.
    func applyCorrection(_ event: RecordedEvent, cache: EventCache, deferEdges: Bool, on connection: Connection) throws {
        cache.removeAll()
        defer { cache.removeAll() }
        var changes = EdgeChanges()
        switch event.type {
        case Types.entityMerged: try merge(try decode(EntityMerged.self, event), changes: &changes, cache: cache, on: connection)
        case Types.entityAliased: try alias(try decode(EntityAliased.self, event), on: connection)
        case Types.entityRenamed: try rename(try decode(EntityRenamed.self, event), on: connection)
        case Types.eventRetracted: try retractEvent(try decode(EventRetracted.self, event), changes: &changes, on: connection)
        case Types.articleRetracted: try retractArticle(try decode(ArticleRetracted.self, event), changes: &changes, cache: cache, on: connection)
        default: break
        }
        if !deferEdges { try changes.apply(on: Statements(connection)) }
    }

    /// Groups the reports of `keys` again from nothing, and asks for a recount of every edge the old and
    /// the new events draw.
    func regroup(keys: Set<String>, changes: inout EdgeChanges, cache: EventCache, on connection: Connection) throws {
        guard !keys.isEmpty else { return }
        let keyArray = PostgresArray(Array(keys))
        let edgesOfKeys: SQL = """
            SELECT DISTINCT ee.subject_id, ee.predicate, ee.entity_id, ''
            FROM graph.event_entities ee JOIN graph.events e ON e.id = ee.event_id
            WHERE e.cluster_key = ANY(\(keyArray)::text[]) AND ee.predicate IS NOT NULL
            """
        for row in try connection.query(edgesOfKeys) { changes.recount.insert(try Edge(row)) }
        let merges = try Merges.load(on: Statements(connection))
        var reports: [Report] = []
        // The reports of the keys' events (a retracted article's reports belong to none, and stay so).
        for row in try connection.query("""
            SELECT l.xid::text AS xid, l.position, l.data::text AS data
            FROM graph.events e JOIN graph.sources s ON s.event_id = e.id JOIN events l ON l.position = s.log_position
            WHERE e.cluster_key = ANY(\(keyArray)::text[])
            ORDER BY l.xid, l.position
            """) {
            let position: Int64 = try row.decode("position")
            let payload = try decode(EventReported.self, data: try row.decode("data"), position: position, eventType: Types.eventReported)
            reports.append(Report(payload: payload, xid: try row.decode("xid"), position: position, merges: merges))
        }
        try connection.query("""
            WITH gone AS (DELETE FROM graph.events WHERE cluster_key = ANY(\(keyArray)::text[]) RETURNING id)
            DELETE FROM graph.event_entities WHERE event_id IN (SELECT id FROM gone)
            """)
        let statements = Statements(connection)
        cache.removeAll()
        _ = try place(reports, merges: merges, articles: try articleStatuses(Set(reports.map(\.payload.article)), on: statements),
                      retractedEvents: try retractedEvents(on: statements), cache: cache, regrouping: true, on: statements)
        for row in try connection.query(edgesOfKeys) { changes.recount.insert(try Edge(row)) }
    }

    private func merge(_ payload: EntityMerged, changes: inout EdgeChanges, cache: EventCache, on connection: Connection) throws {
        var merges = try Merges.load(on: Statements(connection))
        let target = merges.canonical(payload.into), from = merges.canonical(payload.from)
        guard target != from else { return }  // already one entity
        let known = try connection.query("SELECT count(*) FROM graph.entities WHERE id IN (\(from), \(target))")[0].decode(0, as: Int.self)
        guard known == 2 else { return }  // an unknown id: nothing to move (the command checks before appending)
        try connection.query("UPDATE graph.entities SET merged_into = \(target) WHERE id = \(from) OR merged_into = \(from)")
        try connection.query("""
            INSERT INTO graph.aliases AS a (alias, entity_id, language, seen)
            SELECT alias, \(target), language, seen FROM graph.aliases WHERE entity_id = \(from)
            UNION ALL
            SELECT name, \(target), '', 0 FROM graph.entities WHERE id = \(from)
            ON CONFLICT (alias, entity_id, language) DO UPDATE SET seen = a.seen + excluded.seen
            """)
        try connection.query("DELETE FROM graph.aliases WHERE entity_id = \(from)")
        merges = try Merges.load(on: Statements(connection))
        let ids = PostgresArray(try connection.query("SELECT id FROM graph.entities WHERE merged_into = \(target)").map {
            try $0.decode(0, as: String.self)
        })

        // The reports whose key changes: both their old and their new key are grouped again.
        var keys: Set<String> = []
        for row in try connection.query("""
            SELECT s.cluster_key, l.data::text AS data, l.position
            FROM graph.sources s JOIN events l ON l.position = s.log_position
            WHERE s.actor_id = ANY(\(ids)::text[]) OR s.place_id = ANY(\(ids)::text[]) OR s.party_ids && \(ids)::text[]
            """) {
            let old: String = try row.decode("cluster_key")
            let payload = try decode(EventReported.self, data: try row.decode("data"), position: try row.decode("position"),
                                     eventType: Types.eventReported)
            let new = Report.clusterKey(payload, merges: merges)
            if new != old { keys.formUnion([old, new]) }
        }
        // Events whose key stays but where the merged entity takes part (a person met on a visit).
        for row in try connection.query("""
            SELECT DISTINCT e.cluster_key FROM graph.event_entities ee JOIN graph.events e ON e.id = ee.event_id
            WHERE ee.entity_id = \(from)
            """) {
            keys.insert(try row.decode(0))
        }
        try regroup(keys: keys, changes: &changes, cache: cache, on: connection)

        // Reported relations of the merged entity are drawn again between the survivors.
        for row in try connection.query("""
            SELECT edge_subject_id, predicate, edge_object_id, role FROM graph.relation_reports
            WHERE subject_id = ANY(\(ids)::text[]) OR object_id = ANY(\(ids)::text[])
            """) {
            changes.recount.insert(try Edge(row))
        }
        for row in try connection.query("""
            UPDATE graph.relation_reports SET edge_subject_id = graph.canonical(subject_id), edge_object_id = graph.canonical(object_id)
            WHERE subject_id = ANY(\(ids)::text[]) OR object_id = ANY(\(ids)::text[])
            RETURNING edge_subject_id, predicate, edge_object_id, role
            """) {
            changes.recount.insert(try Edge(row))
        }
    }

    private func alias(_ payload: EntityAliased, on connection: Connection) throws {
        try connection.query("""
            INSERT INTO graph.aliases AS a (alias, entity_id, language, seen)
            SELECT \(payload.alias), graph.canonical(\(payload.entity)), \(payload.language ?? ""), 0
            WHERE EXISTS (SELECT 1 FROM graph.entities WHERE id = \(payload.entity))
            ON CONFLICT (alias, entity_id, language) DO NOTHING
            """)
    }

    private func rename(_ payload: EntityRenamed, on connection: Connection) throws {
        try connection.query("""
            INSERT INTO graph.aliases (alias, entity_id, language, seen)
            SELECT name, id, '', 0 FROM graph.entities WHERE id = graph.canonical(\(payload.entity))
            ON CONFLICT DO NOTHING
            """)
        try connection.query("UPDATE graph.entities SET name = \(payload.name), renamed = true WHERE id = graph.canonical(\(payload.entity))")
    }

    /// A retracted event keeps its row (and its reports), marked, and stops drawing edges.
    private func retractEvent(_ payload: EventRetracted, changes: inout EdgeChanges, on connection: Connection) throws {
        try connection.query("""
            INSERT INTO graph.retractions (kind, target_id, reason) VALUES ('event', \(payload.event), \(payload.reason))
            ON CONFLICT (kind, target_id) DO UPDATE SET reason = excluded.reason
            """)
        try connection.query("UPDATE graph.events SET retracted = true, retract_reason = \(payload.reason) WHERE id = \(payload.event)")
        for row in try connection.query("""
            SELECT DISTINCT subject_id, predicate, entity_id, '' FROM graph.event_entities
            WHERE event_id = \(payload.event) AND predicate IS NOT NULL
            """) {
            changes.recount.insert(try Edge(row))
        }
    }

    /// A retracted article's reports leave their events (which are grouped again) and its relation
    /// reports stop drawing edges.
    private func retractArticle(_ payload: ArticleRetracted, changes: inout EdgeChanges, cache: EventCache, on connection: Connection) throws {
        try connection.query("""
            INSERT INTO graph.retractions (kind, target_id, reason) VALUES ('article', \(payload.article), \(payload.reason))
            ON CONFLICT (kind, target_id) DO UPDATE SET reason = excluded.reason
            """)
        try connection.query("UPDATE graph.articles SET retracted = true, retract_reason = \(payload.reason) WHERE id = \(payload.article)")
        let keys = try connection.query("""
            SELECT DISTINCT e.cluster_key FROM graph.sources s JOIN graph.events e ON e.id = s.event_id WHERE s.article_id = \(payload.article)
            """).map {
            try $0.decode(0, as: String.self)
        }
        try regroup(keys: Set(keys), changes: &changes, cache: cache, on: connection)
        for row in try connection.query("""
            SELECT DISTINCT edge_subject_id, predicate, edge_object_id, role FROM graph.relation_reports WHERE article_id = \(payload.article)
            """) {
            changes.recount.insert(try Edge(row))
        }
    }
}

extension GraphProjection {
    /// Groups every key and counts every edge again from the sources, as a correction does for the keys
    /// and edges it touches. The result must equal what the fast path built: the tests check it.
    func regroupEverything(on connection: Connection) throws {
        var changes = EdgeChanges()
        let cache = EventCache(knowsEveryKey: false)
        let keys = try connection.query("SELECT DISTINCT cluster_key FROM graph.events").map { try $0.decode(0, as: String.self) }
        try regroup(keys: Set(keys), changes: &changes, cache: cache, on: connection)
        for row in try connection.query("SELECT subject_id, predicate, object_id, role FROM graph.relations") {
            changes.recount.insert(try Edge(row))
        }
        try changes.apply(on: Statements(connection))
    }
}
