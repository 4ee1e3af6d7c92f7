import EventCatalog
import EventLog
import Foundation
import Logging
import Postgres

/// Applies a batch of log events to the read models in schema `graph`, inside the caller's transaction.
///
/// The batch is decoded first (``decode(_:)``, which the projector runs on another core while the previous
/// batch is written), then cut at each correction (merge, alias, rename, retraction) and applied in log
/// order:
/// - Runs of article facts take the fast path. Articles, entities and aliases are written from the
///   decoded payloads with one statement each. Each report is placed among the events of its cluster key
///   using the grouping state those events keep (``EventClustering``), without reading their other
///   reports. The relations move by deltas (``EdgeChanges``).
/// - A correction takes the slow path: the keys and edges it touches are grouped and counted again from
///   their sources.
///
/// Both paths give the same rows: a test compares an incremental projection with one where every key
/// and every edge was recomputed.
struct GraphProjection: Sendable {
    typealias Types = EventCatalog.EventTypeName

    var logger = Logger(label: "chronograph.projector")

    /// Log events with the payloads the fast path reads, decoded.
    struct Batch: Sendable {
        var events: [RecordedEvent]
        var payloads: [Payload]

        var isEmpty: Bool { events.isEmpty }
        var count: Int { events.count }
    }

    enum Payload: Sendable {
        case article(ArticleIngested)
        case report(EventReported)
        case relation(RelationReported)
        /// A correction (decoded when applied) or a type the read models do not use.
        case other
    }

    /// Decodes the payloads of article facts; a payload that does not decode is an error naming its position.
    func decode(_ events: [RecordedEvent]) throws -> Batch {
        let payloads = try events.map { event -> Payload in
            switch event.type {
            case Types.articleIngested: .article(try decode(ArticleIngested.self, event))
            case Types.eventReported: .report(try decode(EventReported.self, event))
            case Types.relationReported: .relation(try decode(RelationReported.self, event))
            default: .other
            }
        }
        return Batch(events: events, payloads: payloads)
    }

    /// Applies `batch`, in log order. `cache` holds the events of keys placed lately (``EventCache``).
    /// With `deferEdges` (a catch-up from zero), the relations and `graph.edge_articles` are left alone:
    /// ``buildEdges(on:)`` makes them at the end.
    func apply(_ batch: Batch, cache: EventCache, deferEdges: Bool = false, on connection: Connection) throws {
        var start = 0
        for index in batch.events.indices where Self.isCorrection(batch.events[index].type) {
            try applyFacts(batch, start..<index, cache: cache, deferEdges: deferEdges, on: connection)
            // A correction's queries read the secondary indexes a catch-up from zero defers.
            if deferEdges { try DeferredIndexes.restore(on: connection) }
            try applyCorrection(batch.events[index], cache: cache, deferEdges: deferEdges, on: connection)
            start = index + 1
        }
        try applyFacts(batch, start..<batch.count, cache: cache, deferEdges: deferEdges, on: connection)
    }

    /// Makes every relation and `graph.edge_articles` row from the facts (events, sources, relation
    /// reports), as the end of a catch-up from zero: one set-based statement instead of a delta per batch.
    func buildEdges(on connection: Connection) throws {
        try EdgeChanges.recount(nil, on: Statements(connection))
    }

    static func isCorrection(_ type: String) -> Bool {
        switch type {
        case Types.entityMerged, Types.entityAliased, Types.entityRenamed, Types.eventRetracted, Types.articleRetracted: true
        default: false
        }
    }

    // MARK: - Facts (the fast path)

    private func applyFacts(_ batch: Batch, _ range: Range<Int>, cache: EventCache, deferEdges: Bool, on connection: Connection) throws {
        guard !range.isEmpty else { return }
        // Pipelined: the server runs each write while the next one is prepared.
        try connection.pipelined { try applyFacts(batch, range, cache: cache, deferEdges: deferEdges, on: Statements(pipeline: $0)) }
    }

    private func applyFacts(
        _ batch: Batch, _ range: Range<Int>, cache: EventCache, deferEdges: Bool, on statements: Statements
    ) throws {
        var articles = ArticleRows()
        var entities = EntityRows()
        var reports: [(EventReported, RecordedEvent)] = []
        var relations: [(RelationReported, RecordedEvent)] = []
        for index in range {
            switch batch.payloads[index] {
            case .article(let article):
                articles.append(article, position: batch.events[index].position)
                for sighting in article.entities { entities.append(sighting.entity) }
            case .report(let report):
                reports.append((report, batch.events[index]))
                for entity in [report.actor] + [report.place].compactMap({ $0 }) + report.counterparties + report.participants.map(\.entity) {
                    entities.append(entity)
                }
            case .relation(let relation):
                relations.append((relation, batch.events[index]))
                entities.append(relation.subject)
                entities.append(relation.object)
            case .other:
                break
            }
        }
        guard !articles.ids.isEmpty || !entities.ids.isEmpty else { return }
        // Queries make the projector wait for the server, so few are made: what corrections decide comes
        // from the cache, and the articles of this run of facts are known from their payloads.
        let corrections = try cache.corrections {
            .init(merges: try Merges.load(on: statements), retractedEvents: try retractedEvents(on: statements))
        }
        let merges = corrections.merges
        try articles.write(on: statements)
        try entities.write(on: statements)
        try writeAliases(batch, range, merges: merges, on: statements)
        guard !reports.isEmpty || !relations.isEmpty else { return }
        let known = try articleStatuses(Set(reports.map(\.0.article) + relations.map(\.0.article)), given: articles, on: statements)
        var changes = EdgeChanges()
        if !reports.isEmpty {
            let placement = try place(
                reports.map { Report(payload: $0.0, xid: $0.1.xid, position: $0.1.position, merges: merges) },
                merges: merges, articles: known, retractedEvents: corrections.retractedEvents, cache: cache, on: statements)
            if !deferEdges { try changes.add(placement, on: statements) }
        }
        if !relations.isEmpty {
            try insertRelationReports(relations, merges: merges, articles: known, new: Set(articles.ids), changes: &changes, on: statements)
        }
        if !deferEdges { try changes.apply(on: statements) }
    }

    /// What the read models know of an article.
    struct ArticleStatus: Sendable {
        var published: String?
        var retracted: Bool
    }

    /// The statuses of articles: those in `given` (ingested in this run of facts, so not retracted: an
    /// article is ingested once, and retracted after) from their payloads, the others from the read models.
    func articleStatuses(_ ids: Set<String>, given: ArticleRows = ArticleRows(), on statements: Statements) throws -> [String: ArticleStatus] {
        var statuses = given.statuses.filter { ids.contains($0.key) }
        let others = ids.filter { statuses[$0] == nil }
        guard !others.isEmpty else { return statuses }
        for row in try statements.query("SELECT id, published, retracted FROM graph.articles WHERE id = ANY(\(PostgresArray(Array(others)))::text[])") {
            statuses[try row.decode(0)] = ArticleStatus(published: row[1], retracted: try row.decode(2))
        }
        return statuses
    }

    /// The event ids an analyst retracted (corrections: few).
    func retractedEvents(on statements: Statements) throws -> Set<String> {
        Set(try statements.query("SELECT target_id FROM graph.retractions WHERE kind = 'event'").map { try $0.decode(0, as: String.self) })
    }

    /// Every surface form with the number of articles that used it, added up per (alias, entity, language).
    private func writeAliases(_ batch: Batch, _ range: Range<Int>, merges: Merges, on statements: Statements) throws {
        struct Key: Hashable { var alias, entity, language: String }
        var seen: [Key: Int] = [:]
        for index in range {
            guard case .article(let article) = batch.payloads[index] else { continue }
            for sighting in article.entities {
                for alias in sighting.aliases {
                    seen[Key(alias: alias.text, entity: merges.canonical(sighting.entity.id), language: alias.language ?? ""), default: 0] += 1
                }
            }
        }
        guard !seen.isEmpty else { return }
        let keys = Array(seen.keys)
        try statements.write("""
            INSERT INTO graph.aliases AS a (alias, entity_id, language, seen)
            SELECT * FROM unnest(\(PostgresArray(keys.map(\.alias)))::text[], \(PostgresArray(keys.map(\.entity)))::text[],
                                 \(PostgresArray(keys.map(\.language)))::text[], \(PostgresArray(keys.map { seen[$0]! }))::int8[])
            ON CONFLICT (alias, entity_id, language) DO UPDATE SET seen = a.seen + excluded.seen
            """)
    }

    /// Relation reports (holds_role, headquartered_in), numbered within their article, and the edges they
    /// draw between the surviving entities. Reports of an unknown article are skipped with a warning; those
    /// of a retracted one draw no edge.
    /// (`new`: the articles ingested in this run of facts, which have no relation report before it.)
    private func insertRelationReports(
        _ relations: [(RelationReported, RecordedEvent)], merges: Merges, articles: [String: ArticleStatus], new: Set<String>,
        changes: inout EdgeChanges, on statements: Statements
    ) throws {
        var ordinals: [String: Int] = [:]
        let older = Set(relations.map(\.0.article)).subtracting(new)
        if !older.isEmpty {
            for row in try statements.query("""
                SELECT article_id, count(*) FROM graph.relation_reports WHERE article_id = ANY(\(PostgresArray(Array(older)))::text[])
                GROUP BY article_id
                """) {
                ordinals[try row.decode(0)] = try row.decode(1)
            }
        }
        var rows = RelationRows()
        for (relation, event) in relations {
            guard let article = articles[relation.article] else {
                logger.warning("a relation names an article the read models do not know: skipped", metadata: [
                    "log.position": "\(event.position)", "article": "\(relation.article)"])
                continue
            }
            let ordinal = ordinals[relation.article, default: 0] + 1
            ordinals[relation.article] = ordinal
            let edge = Edge(subject: merges.canonical(relation.subject.id), predicate: relation.predicate,
                            object: merges.canonical(relation.object.id), role: relation.role ?? "")
            rows.append(relation, ordinal: ordinal, position: event.position, edge: edge)
            if !article.retracted {
                changes.addFact(edge, article: relation.article)
                changes.addWeight(edge, date: nil)
            }
        }
        try rows.write(on: statements)
    }

    func decode<T: Decodable>(_ type: T.Type, _ event: RecordedEvent) throws -> T {
        try decode(type, data: event.data, position: event.position, eventType: event.type)
    }

    func decode<T: Decodable>(_ type: T.Type, data: String, position: Int64, eventType: String) throws -> T {
        do {
            if let bulk = T.self as? any BulkDecodable.Type { return try bulk.decode(json: data) as! T }
            return try JSONDecoder().decode(T.self, from: Data(data.utf8))
        } catch {
            throw ProjectionError(message: "event at position \(position) (\(eventType)) has a payload this projector cannot read: \(error)")
        }
    }
}

/// The surviving entity of every merged one (merges are corrections: few, and read once per run of facts).
struct Merges: Sendable {
    var survivors: [String: String] = [:]

    static func load(on statements: Statements) throws -> Merges {
        var merges = Merges()
        for row in try statements.query("SELECT id, merged_into FROM graph.entities WHERE merged_into IS NOT NULL") {
            merges.survivors[try row.decode(0)] = try row.decode(1)
        }
        return merges
    }

    func canonical(_ id: String) -> String { survivors[id] ?? id }
}

/// Where the projection's statements go: into a pipeline (the fast path, where the server runs each write
/// while the projector prepares the next, and a query waits for everything sent before it), or straight to
/// the connection (corrections).
struct Statements {
    private let connection: Connection?
    private let pipeline: Pipeline?

    init(_ connection: Connection) {
        self.connection = connection
        self.pipeline = nil
    }

    init(pipeline: Pipeline) {
        self.connection = nil
        self.pipeline = pipeline
    }

    /// A statement whose result is not needed now (its error is thrown at the next query, or at the end).
    func write(_ sql: SQL) throws {
        if let pipeline { try pipeline.send(sql) } else { try connection!.query(sql) }
    }

    @discardableResult
    func query(_ sql: SQL) throws -> QueryResult {
        if let pipeline { return try pipeline.query(sql) }
        return try connection!.query(sql)
    }
}

/// The projector met something it cannot apply.
public struct ProjectionError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
