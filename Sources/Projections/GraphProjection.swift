import EventCatalog
import EventLog
import Foundation
import Logging
import Postgres

/// Applies a batch of log events to the read models in schema `graph`, inside the caller's transaction.
///
/// The batch is cut at each correction (merge, alias, rename, retraction) and applied in log order:
/// - Runs of article facts take the fast path. Articles, entities and aliases are written set-based
///   straight from the log rows. Each report is placed among the events of its cluster key using the
///   grouping state those events keep (``EventClustering``), without reading their other reports. The
///   relations move by deltas (``EdgeChanges``).
/// - A correction takes the slow path: the keys and edges it touches are grouped and counted again from
///   their sources.
///
/// Both paths give the same rows: a test compares an incremental projection with one where every key
/// and every edge was recomputed.
struct GraphProjection: Sendable {
    typealias Types = EventCatalog.EventTypeName

    var logger = Logger(label: "chronograph.projector")

    /// Applies `batch`, in log order.
    func apply(_ batch: [RecordedEvent], on connection: Connection) throws {
        var start = batch.startIndex
        for index in batch.indices where Self.isCorrection(batch[index].type) {
            try applyFacts(batch[start..<index], on: connection)
            try applyCorrection(batch[index], on: connection)
            start = index + 1
        }
        try applyFacts(batch[start...], on: connection)
    }

    static func isCorrection(_ type: String) -> Bool {
        switch type {
        case Types.entityMerged, Types.entityAliased, Types.entityRenamed, Types.eventRetracted, Types.articleRetracted: true
        default: false
        }
    }

    // MARK: - Facts (the fast path)

    private func applyFacts(_ events: ArraySlice<RecordedEvent>, on connection: Connection) throws {
        let types = Set(events.map(\.type))
        let positions = PostgresArray(events.map(\.position))
        if types.contains(Types.articleIngested) {
            try insertArticles(positions, on: connection)
        }
        guard types.contains(Types.eventReported) || types.contains(Types.relationReported) else { return }
        try insertEntitiesOfReports(positions, on: connection)
        let merges = try Merges.load(on: connection)
        var changes = EdgeChanges()
        if types.contains(Types.eventReported) {
            var reports: [Report] = []
            for event in events where event.type == Types.eventReported {
                reports.append(Report(
                    payload: try decode(EventReported.self, event), xid: event.xid, position: event.position, merges: merges))
            }
            let placement = try place(reports, merges: merges, on: connection)
            try changes.add(placement, on: connection)
        }
        if types.contains(Types.relationReported) {
            try insertRelationReports(positions, changes: &changes, on: connection)
        }
        try changes.apply(on: connection)
    }

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

    /// Relation reports (holds_role, headquartered_in), numbered within their article, and the edges they
    /// draw between the surviving entities. Reports of an unknown or retracted article draw no edge.
    private func insertRelationReports(_ positions: PostgresArray<Int64>, changes: inout EdgeChanges, on connection: Connection) throws {
        for row in try connection.query("""
            WITH inserted AS (
                INSERT INTO graph.relation_reports (article_id, ordinal, subject_id, predicate, object_id, role, evidence,
                                                    log_position, edge_subject_id, edge_object_id)
                SELECT e.data->>'article',
                       (SELECT count(*) FROM graph.relation_reports rr WHERE rr.article_id = e.data->>'article')
                           + row_number() OVER (PARTITION BY e.data->>'article' ORDER BY e.position),
                       e.data->'subject'->>'id', e.data->>'predicate', e.data->'object'->>'id',
                       coalesce(e.data->>'role', ''), e.data->'evidence'->>'text', e.position,
                       coalesce(ms.merged_into, e.data->'subject'->>'id'), coalesce(mo.merged_into, e.data->'object'->>'id')
                FROM events e
                JOIN graph.articles a ON a.id = e.data->>'article'
                LEFT JOIN graph.entities ms ON ms.id = e.data->'subject'->>'id'
                LEFT JOIN graph.entities mo ON mo.id = e.data->'object'->>'id'
                WHERE e.position = ANY(\(positions)::int8[]) AND e.type = \(Types.relationReported)
                ON CONFLICT DO NOTHING
                RETURNING article_id, edge_subject_id, predicate, edge_object_id, role
            )
            SELECT i.* FROM inserted i JOIN graph.articles a ON a.id = i.article_id WHERE NOT a.retracted
            """) {
            let edge = Edge(subject: try row.decode(1), predicate: try row.decode(2), object: try row.decode(3), role: try row.decode(4))
            changes.addFact(edge, article: try row.decode(0))
            changes.addWeight(edge, date: nil)
        }
    }

    func decode<T: Decodable>(_ type: T.Type, _ event: RecordedEvent) throws -> T {
        try decode(type, data: event.data, position: event.position, eventType: event.type)
    }

    func decode<T: Decodable>(_ type: T.Type, data: String, position: Int64, eventType: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(data.utf8))
        } catch {
            throw ProjectionError(message: "event at position \(position) (\(eventType)) has a payload this projector cannot read: \(error)")
        }
    }
}

/// The surviving entity of every merged one (merges are corrections: few, and read once per run of facts).
struct Merges: Sendable {
    var survivors: [String: String] = [:]

    static func load(on connection: Connection) throws -> Merges {
        var merges = Merges()
        for row in try connection.query("SELECT id, merged_into FROM graph.entities WHERE merged_into IS NOT NULL") {
            merges.survivors[try row.decode(0)] = try row.decode(1)
        }
        return merges
    }

    func canonical(_ id: String) -> String { survivors[id] ?? id }
}

/// The projector met something it cannot apply.
public struct ProjectionError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
