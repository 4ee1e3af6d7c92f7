import EventCatalog
import EventLog
import Foundation
import Postgres

/// Applies a batch of log events to the read models in schema `graph`, inside the caller's transaction.
///
/// Facts (articles, entities, aliases, sources, relation reports, curation) are written set-based
/// straight from the log rows with jsonb operators; then the reports of every cluster key the batch
/// touched are grouped into events again (``EventClustering``), and the relations of what changed are
/// recomputed. Everything derived can be rebuilt from the facts, and the facts from
/// the log.
struct GraphProjection: Sendable {
    typealias Types = EventCatalog.EventTypeName

    /// Applies `batch`; returns the number of events of each kind applied.
    func apply(_ batch: [RecordedEvent], on connection: Connection) throws {
        let positions = PostgresArray(batch.map(\.position))
        let types = Set(batch.map(\.type))
        var affectedKeys: Set<String> = []      // keys with new reports
        var rewrittenKeys: Set<String> = []     // keys a correction touched: every event is written again
        var affectedEdges: Set<Edge> = []

        if types.contains(Types.articleIngested) {
            try insertArticles(positions, on: connection)
        }
        if types.contains(Types.eventReported) || types.contains(Types.relationReported) {
            try insertEntitiesOfReports(positions, on: connection)
        }
        if types.contains(Types.eventReported) {
            for row in try connection.query("""
                INSERT INTO graph.sources (id, article_id, type, actor_id, place_id, party_ids, date, evidence,
                                           evidence_start, evidence_end, confidence, report, cluster_key, log_position)
                SELECT r.id, r.article, r.type, r.actor, r.place, r.parties, r.date, r.data->'evidence'->>'text',
                       (r.data->'evidence'->>'start')::int, (r.data->'evidence'->>'end')::int,
                       (r.data->>'confidence')::float8, r.data,
                       graph.cluster_key(r.type, r.actor, r.place, r.parties, r.data->'place'->>'country'), r.position
                FROM (
                    SELECT e.position, e.data, e.data->>'article' AS article,
                           (e.data->>'article') || ':' || (e.data->>'local_id') AS id,
                           e.data->>'type' AS type, e.data->'actor'->>'id' AS actor, e.data->'place'->>'id' AS place,
                           e.data->>'date' AS date,
                           ARRAY(SELECT e.data->'actor'->>'id' UNION
                                 SELECT c->>'id' FROM jsonb_array_elements(e.data->'counterparties') AS c) AS parties
                    FROM events e
                    WHERE e.position = ANY(\(positions)::int8[]) AND e.type = \(Types.eventReported)
                ) r
                ON CONFLICT (id) DO NOTHING
                RETURNING cluster_key
                """) {
                affectedKeys.insert(try row.decode(0))
            }
        }
        if types.contains(Types.relationReported) {
            for row in try connection.query("""
                WITH inserted AS (
                    INSERT INTO graph.relation_reports (article_id, ordinal, subject_id, predicate, object_id, role, evidence, log_position)
                    SELECT e.data->>'article',
                           (SELECT count(*) FROM graph.relation_reports rr WHERE rr.article_id = e.data->>'article')
                               + row_number() OVER (PARTITION BY e.data->>'article' ORDER BY e.position),
                           e.data->'subject'->>'id', e.data->>'predicate', e.data->'object'->>'id',
                           coalesce(e.data->>'role', ''), e.data->'evidence'->>'text', e.position
                    FROM events e
                    WHERE e.position = ANY(\(positions)::int8[]) AND e.type = \(Types.relationReported)
                    ON CONFLICT DO NOTHING
                    RETURNING *
                )
                \(Self.insertRelationEdges(from: "inserted"))
                """) {
                affectedEdges.insert(try Edge(row))
            }
        }
        // Curation, in log order (rare: one statement at a time is fine).
        for event in batch {
            switch event.type {
            case Types.entityMerged: try merge(event, on: connection, keys: &rewrittenKeys, edges: &affectedEdges)
            case Types.entityAliased: try alias(event, on: connection)
            case Types.entityRenamed: try rename(event, on: connection)
            case Types.eventRetracted: try retractEvent(event, on: connection, keys: &rewrittenKeys)
            case Types.articleRetracted: try retractArticle(event, on: connection, keys: &rewrittenKeys, edges: &affectedEdges)
            default: break
            }
        }
        if !affectedKeys.isEmpty || !rewrittenKeys.isEmpty {
            try recluster(keys: affectedKeys.union(rewrittenKeys), rewriting: rewrittenKeys, edges: &affectedEdges, on: connection)
        }
        try recomputeRelations(affectedEdges, on: connection)
    }

    // MARK: - Facts

    private func insertArticles(_ positions: PostgresArray<Int64>, on connection: Connection) throws {
        try connection.query("""
            INSERT INTO graph.articles (id, title, url, source, published, language, length, extractor, log_position)
            SELECT e.data->>'id', e.data->>'title', e.data->>'url', e.data->>'source', e.data->>'published',
                   e.data->>'language', (e.data->>'length')::int,
                   (e.data->'extractor'->>'name') || ' ' || (e.data->'extractor'->>'version'), e.position
            FROM events e
            WHERE e.position = ANY(\(positions)::int8[]) AND e.type = \(Types.articleIngested)
            ON CONFLICT (id) DO NOTHING
            """)
        // Entities keep the first name they were seen with; an analyst's rename wins over later sightings.
        try connection.query("""
            INSERT INTO graph.entities (id, kind, name, country)
            SELECT DISTINCT ON (s->'entity'->>'id') s->'entity'->>'id', s->'entity'->>'kind', s->'entity'->>'name',
                   s->'entity'->>'country'
            FROM events e, jsonb_array_elements(e.data->'entities') AS s
            WHERE e.position = ANY(\(positions)::int8[]) AND e.type = \(Types.articleIngested)
            ORDER BY s->'entity'->>'id', e.position
            ON CONFLICT (id) DO NOTHING
            """)
        try connection.query("""
            INSERT INTO graph.aliases AS a (alias, entity_id, language, seen)
            SELECT a->>'text', coalesce(m.merged_into, s->'entity'->>'id'), coalesce(a->>'language', ''), count(*)
            FROM events e
            CROSS JOIN jsonb_array_elements(e.data->'entities') AS s
            CROSS JOIN jsonb_array_elements(s->'aliases') AS a
            LEFT JOIN graph.entities m ON m.id = s->'entity'->>'id'
            WHERE e.position = ANY(\(positions)::int8[]) AND e.type = \(Types.articleIngested)
            GROUP BY 1, 2, 3
            ON CONFLICT (alias, entity_id, language) DO UPDATE SET seen = a.seen + excluded.seen
            """)
    }

    /// Entities named by reports but not listed by their article (older payloads, or hand-written events).
    private func insertEntitiesOfReports(_ positions: PostgresArray<Int64>, on connection: Connection) throws {
        try connection.query("""
            INSERT INTO graph.entities (id, kind, name, country)
            SELECT DISTINCT ON (x->>'id') x->>'id', x->>'kind', x->>'name', x->>'country'
            FROM events e,
                 jsonb_array_elements(
                     jsonb_build_array(e.data->'actor', e.data->'place', e.data->'subject', e.data->'object')
                     || coalesce(e.data->'counterparties', '[]')
                     || coalesce((SELECT jsonb_agg(p->'entity') FROM jsonb_array_elements(e.data->'participants') p), '[]')
                 ) AS x
            WHERE e.position = ANY(\(positions)::int8[])
              AND e.type IN (\(Types.eventReported), \(Types.relationReported))
              AND jsonb_typeof(x) = 'object'
            ORDER BY x->>'id', e.position
            ON CONFLICT (id) DO NOTHING
            """)
    }

    // MARK: - Curation

    private func merge(_ event: RecordedEvent, on connection: Connection, keys: inout Set<String>, edges: inout Set<Edge>) throws {
        let payload = try decode(EntityMerged.self, event)
        let target: String = try connection.query("SELECT graph.canonical(\(payload.into))")[0].decode(0)
        let from: String = try connection.query("SELECT graph.canonical(\(payload.from))")[0].decode(0)
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
        let ids = try connection.query("SELECT id FROM graph.entities WHERE merged_into = \(target)").map { try $0.decode(0, as: String.self) } + [target]
        for row in try connection.query("""
            WITH changed AS (
                SELECT id, cluster_key AS old_key,
                       graph.cluster_key(type, actor_id, place_id, party_ids, report->'place'->>'country') AS new_key
                FROM graph.sources
                WHERE actor_id = ANY(\(PostgresArray(ids))::text[]) OR place_id = ANY(\(PostgresArray(ids))::text[])
                   OR party_ids && \(PostgresArray(ids))::text[]
            )
            UPDATE graph.sources s SET cluster_key = c.new_key FROM changed c
            WHERE s.id = c.id AND c.old_key <> c.new_key
            RETURNING c.old_key, c.new_key
            """) {
            keys.insert(try row.decode(0))
            keys.insert(try row.decode(1))
        }
        for row in try connection.query("SELECT DISTINCT cluster_key FROM graph.events WHERE actor_id = \(from) OR place_id = \(from)") {
            keys.insert(try row.decode(0))
        }
        // Reported relations of either side are drawn again between the survivors.
        for row in try connection.query("""
            DELETE FROM graph.edge_sources
            WHERE fact_id LIKE 'relation:%' AND (subject_id IN (\(from), \(target)) OR object_id IN (\(from), \(target)))
            RETURNING subject_id, predicate, object_id, role
            """) {
            edges.insert(try Edge(row))
        }
        for row in try connection.query("""
            WITH touched AS (
                SELECT * FROM graph.relation_reports
                WHERE subject_id = ANY(\(PostgresArray(ids))::text[]) OR object_id = ANY(\(PostgresArray(ids))::text[])
            )
            \(Self.insertRelationEdges(from: "touched"))
            """) {
            edges.insert(try Edge(row))
        }
    }

    private func alias(_ event: RecordedEvent, on connection: Connection) throws {
        let payload = try decode(EntityAliased.self, event)
        try connection.query("""
            INSERT INTO graph.aliases AS a (alias, entity_id, language, seen)
            SELECT \(payload.alias), graph.canonical(\(payload.entity)), \(payload.language ?? ""), 0
            WHERE EXISTS (SELECT 1 FROM graph.entities WHERE id = \(payload.entity))
            ON CONFLICT (alias, entity_id, language) DO NOTHING
            """)
    }

    private func rename(_ event: RecordedEvent, on connection: Connection) throws {
        let payload = try decode(EntityRenamed.self, event)
        try connection.query("""
            INSERT INTO graph.aliases (alias, entity_id, language, seen)
            SELECT name, id, '', 0 FROM graph.entities WHERE id = graph.canonical(\(payload.entity))
            ON CONFLICT DO NOTHING
            """)
        try connection.query("UPDATE graph.entities SET name = \(payload.name), renamed = true WHERE id = graph.canonical(\(payload.entity))")
    }

    private func retractEvent(_ event: RecordedEvent, on connection: Connection, keys: inout Set<String>) throws {
        let payload = try decode(EventRetracted.self, event)
        try connection.query("""
            INSERT INTO graph.retractions (kind, target_id, reason) VALUES ('event', \(payload.event), \(payload.reason))
            ON CONFLICT (kind, target_id) DO UPDATE SET reason = excluded.reason
            """)
        for row in try connection.query("SELECT cluster_key FROM graph.events WHERE id = \(payload.event)") {
            keys.insert(try row.decode(0))
        }
    }

    private func retractArticle(_ event: RecordedEvent, on connection: Connection, keys: inout Set<String>, edges: inout Set<Edge>) throws {
        let payload = try decode(ArticleRetracted.self, event)
        try connection.query("""
            INSERT INTO graph.retractions (kind, target_id, reason) VALUES ('article', \(payload.article), \(payload.reason))
            ON CONFLICT (kind, target_id) DO UPDATE SET reason = excluded.reason
            """)
        try connection.query("UPDATE graph.articles SET retracted = true, retract_reason = \(payload.reason) WHERE id = \(payload.article)")
        for row in try connection.query("SELECT DISTINCT cluster_key FROM graph.sources WHERE article_id = \(payload.article)") {
            keys.insert(try row.decode(0))
        }
        for row in try connection.query("""
            DELETE FROM graph.edge_sources WHERE fact_id LIKE 'relation:%' AND article_id = \(payload.article)
            RETURNING subject_id, predicate, object_id, role
            """) {
            edges.insert(try Edge(row))
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, _ event: RecordedEvent) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(event.data.utf8))
        } catch {
            throw ProjectionError(message: "event at position \(event.position) (\(event.type)) has a payload this projector cannot read: \(error)")
        }
    }

    // MARK: - Derived rows

    /// Groups the reports of the keys into events again. Events that come out exactly as they were (same
    /// id, reports and dates) are left alone, so a new report costs the writes of its own event, not of
    /// every event of its key; keys in `rewriting` (touched by a correction) are written again whole.
    private func recluster(keys: Set<String>, rewriting: Set<String>, edges: inout Set<Edge>, on connection: Connection) throws {
        let keyArray = PostgresArray(Array(keys))
        var byKey: [String: [EventClustering.Report]] = [:]
        var currentEvent: [String: String] = [:]
        for row in try connection.query("""
            SELECT s.cluster_key, s.id, s.date, s.log_position, s.event_id
            FROM graph.sources s JOIN graph.articles a ON a.id = s.article_id
            WHERE s.cluster_key = ANY(\(keyArray)::text[]) AND NOT a.retracted
            """) {
            let id: String = try row.decode(1)
            byKey[try row.decode(0), default: []].append(EventClustering.Report(id: id, date: row[2], logPosition: try row.decode(3)))
            if let event = row[4] { currentEvent[id] = event }
        }
        var existing: [String: (date: String?, conflicts: String, sources: Int)] = [:]
        for row in try connection.query("""
            SELECT id, date, conflicting_dates::text, source_count FROM graph.events WHERE cluster_key = ANY(\(keyArray)::text[])
            """) {
            existing[try row.decode(0)] = (row[1], row[2] ?? "{}", try row.decode(3))
        }
        var eventIDs: [String] = [], eventKeys: [String] = [], dates: [String?] = [], conflicts: [String] = [], firsts: [String] = []
        var reportIDs: [String] = [], reportEvents: [String] = []
        var unchanged: Set<String> = []
        let clustering = EventClustering()
        for (key, reports) in byKey {
            for cluster in clustering.cluster(reports) {
                let conflictText = PostgresArray(cluster.conflictingDates).postgresText!
                for report in cluster.reports {
                    reportIDs.append(report.id)
                    reportEvents.append(cluster.id)
                }
                if !rewriting.contains(key), let old = existing[cluster.id], old.date == cluster.date,
                   old.conflicts == conflictText.replacingOccurrences(of: "\"", with: ""), old.sources == cluster.reports.count,
                   cluster.reports.allSatisfy({ currentEvent[$0.id] == cluster.id }) {
                    unchanged.insert(cluster.id)
                    continue
                }
                eventIDs.append(cluster.id)
                eventKeys.append(key)
                dates.append(cluster.date)
                conflicts.append(conflictText)
                firsts.append(cluster.reports[0].id)
            }
        }
        // The events that change go, with their participants and the edges they drew.
        let gone = existing.keys.filter { !unchanged.contains($0) }
        if !gone.isEmpty {
            for row in try connection.query("""
                WITH gone AS (DELETE FROM graph.events WHERE id = ANY(\(PostgresArray(gone))::text[]) RETURNING id)
                DELETE FROM graph.edge_sources WHERE fact_id IN (SELECT id FROM gone)
                RETURNING subject_id, predicate, object_id, role
                """) {
                edges.insert(try Edge(row))
            }
        }
        // Point every source of these keys at its event (NULL for sources of retracted articles),
        // writing only the rows that change.
        try connection.query("""
            UPDATE graph.sources s SET event_id = x.event_id
            FROM (
                SELECT s2.id, u.event_id
                FROM graph.sources s2
                LEFT JOIN unnest(\(PostgresArray(reportIDs))::text[], \(PostgresArray(reportEvents))::text[]) AS u(id, event_id)
                       ON u.id = s2.id
                WHERE s2.cluster_key = ANY(\(keyArray)::text[])
            ) x
            WHERE s.id = x.id AND s.event_id IS DISTINCT FROM x.event_id
            """)
        guard !eventIDs.isEmpty else { return }
        try connection.query("""
            INSERT INTO graph.events (id, cluster_key, type, actor_id, place_id, date, date_sort, conflicting_dates,
                                      source_count, first_published, first_position)
            SELECT c.id, c.key, f.type, coalesce(ma.merged_into, f.actor_id), coalesce(mp.merged_into, agg.place_id), c.date,
                   CASE WHEN c.date IS NULL THEN NULL
                        WHEN length(c.date) = 4 THEN c.date || '-01-01'
                        WHEN length(c.date) = 7 THEN c.date || '-01' ELSE c.date END,
                   c.conflicts::text[], agg.sources, agg.first_published, f.log_position
            FROM unnest(\(PostgresArray(eventIDs))::text[], \(PostgresArray(eventKeys))::text[], \(PostgresArray(dates))::text[],
                        \(PostgresArray(conflicts))::text[], \(PostgresArray(firsts))::text[]) AS c(id, key, date, conflicts, first)
            JOIN graph.sources f ON f.id = c.first
            LEFT JOIN graph.entities ma ON ma.id = f.actor_id
            JOIN (
                -- The most specific place the sources name: a city over its country.
                SELECT s.event_id, count(*) AS sources, min(a.published) AS first_published,
                       (array_agg(s.place_id ORDER BY (s.report->'place'->>'country' IS NOT DISTINCT FROM s.report->'place'->>'name'),
                                                       s.log_position) FILTER (WHERE s.place_id IS NOT NULL))[1] AS place_id
                FROM graph.sources s JOIN graph.articles a ON a.id = s.article_id
                WHERE s.event_id = ANY(\(PostgresArray(eventIDs))::text[])
                GROUP BY s.event_id
            ) agg ON agg.event_id = c.id
            LEFT JOIN graph.entities mp ON mp.id = agg.place_id
            """)
        let events = PostgresArray(eventIDs)
        // Who takes part: the union over the event's sources, after merges.
        try connection.query("""
            INSERT INTO graph.event_entities (event_id, entity_id, role)
            SELECT DISTINCT s.event_id, coalesce(m.merged_into, x.id), x.role
            FROM graph.sources s
            JOIN graph.articles a ON a.id = s.article_id AND NOT a.retracted
            CROSS JOIN LATERAL (
                SELECT s.report->'actor'->>'id' AS id, 'actor' AS role
                UNION ALL SELECT s.report->'place'->>'id', 'place' WHERE jsonb_typeof(s.report->'place') = 'object'
                UNION ALL SELECT c->>'id', 'counterparty' FROM jsonb_array_elements(s.report->'counterparties') c
                UNION ALL SELECT p->'entity'->>'id', 'participant:' || (p->>'role') FROM jsonb_array_elements(s.report->'participants') p
            ) x
            LEFT JOIN graph.entities m ON m.id = x.id
            WHERE s.event_id = ANY(\(events)::text[]) AND x.id IS NOT NULL
            ON CONFLICT DO NOTHING
            """)
        try connection.query("""
            UPDATE graph.events e SET retracted = true, retract_reason = r.reason
            FROM graph.retractions r
            WHERE r.kind = 'event' AND r.target_id = e.id AND e.id = ANY(\(events)::text[])
            """)
        // The edges the new events draw, one row per (edge, article) so that relations can count sources.
        for row in try connection.query("""
            INSERT INTO graph.edge_sources (fact_id, subject_id, predicate, object_id, role, date, article_id)
            SELECT DISTINCT e.id, e.actor_id,
                   CASE
                       WHEN e.type = 'agreement.signed' THEN 'signed_agreement_with'
                       WHEN e.type = 'office.opened' THEN 'has_office_in'
                       WHEN e.type = 'office.announced' THEN 'announced_office_in'
                       WHEN e.type = 'visit' AND ee.role = 'place' THEN 'visited'
                       ELSE 'met_with'
                   END,
                   ee.entity_id, '', e.date, s.article_id
            FROM graph.events e
            JOIN graph.event_entities ee ON ee.event_id = e.id
            JOIN graph.sources s ON s.event_id = e.id
            WHERE e.id = ANY(\(events)::text[]) AND NOT e.retracted AND ee.entity_id <> e.actor_id
              AND ((e.type = 'agreement.signed' AND ee.role = 'counterparty')
                OR (e.type IN ('office.opened', 'office.announced') AND ee.role = 'place')
                OR (e.type = 'visit' AND ee.role IN ('place', 'counterparty', 'participant:met')))
            RETURNING subject_id, predicate, object_id, role
            """) {
            edges.insert(try Edge(row))
        }
    }

    /// Recomputes the relations (graph edges) whose facts changed, from their edge rows.
    private func recomputeRelations(_ edges: Set<Edge>, on connection: Connection) throws {
        guard !edges.isEmpty else { return }
        let list = Array(edges)
        let touched: SQL = """
            unnest(\(PostgresArray(list.map(\.subject)))::text[], \(PostgresArray(list.map(\.predicate)))::text[],
                   \(PostgresArray(list.map(\.object)))::text[], \(PostgresArray(list.map(\.role)))::text[]) AS t(s, p, o, r)
            """
        try connection.query("""
            DELETE FROM graph.relations x USING \(touched)
            WHERE x.subject_id = t.s AND x.predicate = t.p AND x.object_id = t.o AND x.role = t.r
            """)
        try connection.query("""
            INSERT INTO graph.relations (subject_id, predicate, object_id, role, first_date, last_date, weight, source_count)
            SELECT e.subject_id, e.predicate, e.object_id, e.role, min(e.date), max(e.date),
                   count(DISTINCT e.fact_id), count(DISTINCT e.article_id)
            FROM graph.edge_sources e JOIN \(touched)
              ON e.subject_id = t.s AND e.predicate = t.p AND e.object_id = t.o AND e.role = t.r
            GROUP BY e.subject_id, e.predicate, e.object_id, e.role
            """)
    }

    /// `INSERT INTO graph.edge_sources ... RETURNING` the edges of relation reports held in the CTE `name`.
    static func insertRelationEdges(from name: String) -> SQL {
        SQL(unsafeSQL: """
            INSERT INTO graph.edge_sources (fact_id, subject_id, predicate, object_id, role, date, article_id)
            SELECT 'relation:' || r.article_id || '#' || r.ordinal, coalesce(ms.merged_into, r.subject_id), r.predicate,
                   coalesce(mo.merged_into, r.object_id), r.role, NULL, r.article_id
            FROM \(name) r
            JOIN graph.articles a ON a.id = r.article_id AND NOT a.retracted
            LEFT JOIN graph.entities ms ON ms.id = r.subject_id
            LEFT JOIN graph.entities mo ON mo.id = r.object_id
            RETURNING subject_id, predicate, object_id, role
            """)
    }

    /// A graph edge: subject, predicate, object and role.
    struct Edge: Hashable {
        var subject: String
        var predicate: String
        var object: String
        var role: String

        init(_ row: QueryResult.Row) throws {
            subject = try row.decode(0)
            predicate = try row.decode(1)
            object = try row.decode(2)
            role = try row.decode(3)
        }
    }
}

/// The projector met something it cannot apply.
public struct ProjectionError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
