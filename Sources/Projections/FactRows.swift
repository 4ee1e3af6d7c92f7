import EventCatalog
import Postgres

// Rows of the read models gathered from a run of log events, each kind written by one statement
// (`unnest` of one array per column).

/// Articles, one row each.
struct ArticleRows {
    private(set) var ids: [String] = []
    private var titles: [String?] = [], urls: [String?] = [], sources: [String] = [], published: [String?] = []
    private var languages: [String] = [], lengths: [Int] = [], extractors: [String] = [], positions: [Int64] = []

    /// What the read models will know of these articles once written.
    private(set) var statuses: [String: GraphProjection.ArticleStatus] = [:]

    mutating func append(_ article: ArticleIngested, position: Int64) {
        statuses[article.id] = GraphProjection.ArticleStatus(published: article.published, retracted: false)
        ids.append(article.id)
        titles.append(article.title)
        urls.append(article.url)
        sources.append(article.source)
        published.append(article.published)
        languages.append(article.language)
        lengths.append(article.length)
        extractors.append(article.extractor.name + " " + article.extractor.version)
        positions.append(position)
    }

    func write(on statements: Statements) throws {
        guard !ids.isEmpty else { return }
        try statements.write("""
            INSERT INTO graph.articles (id, title, url, source, published, language, length, extractor, log_position)
            SELECT * FROM unnest(\(PostgresArray(ids))::text[], \(PostgresArray(titles))::text[], \(PostgresArray(urls))::text[],
                                 \(PostgresArray(sources))::text[], \(PostgresArray(published))::text[],
                                 \(PostgresArray(languages))::text[], \(PostgresArray(lengths))::int[],
                                 \(PostgresArray(extractors))::text[], \(PostgresArray(positions))::int8[])
            ON CONFLICT (id) DO NOTHING
            """)
    }
}

/// Entities as first seen (in log order); one already known keeps its row, so an analyst's rename wins
/// over later sightings.
struct EntityRows {
    private(set) var ids: [String] = []
    private var seen: Set<String> = []
    private var kinds: [String] = [], names: [String] = [], countries: [String?] = []

    mutating func append(_ entity: EntityPayload) {
        guard seen.insert(entity.id).inserted else { return }
        ids.append(entity.id)
        kinds.append(entity.kind)
        names.append(entity.name)
        countries.append(entity.country)
    }

    func write(on statements: Statements) throws {
        guard !ids.isEmpty else { return }
        try statements.write("""
            INSERT INTO graph.entities (id, kind, name, country)
            SELECT * FROM unnest(\(PostgresArray(ids))::text[], \(PostgresArray(kinds))::text[], \(PostgresArray(names))::text[],
                                 \(PostgresArray(countries))::text[])
            ON CONFLICT (id) DO NOTHING
            """)
    }
}

/// Relation reports, with the edge each draws between the surviving entities.
struct RelationRows {
    private var articles: [String] = [], ordinals: [Int] = [], subjects: [String] = [], predicates: [String] = []
    private var objects: [String] = [], roles: [String] = [], evidence: [String] = [], positions: [Int64] = []
    private var edgeSubjects: [String] = [], edgeObjects: [String] = []

    mutating func append(_ relation: RelationReported, ordinal: Int, position: Int64, edge: Edge) {
        articles.append(relation.article)
        ordinals.append(ordinal)
        subjects.append(relation.subject.id)
        predicates.append(relation.predicate)
        objects.append(relation.object.id)
        roles.append(relation.role ?? "")
        evidence.append(relation.evidence.text)
        positions.append(position)
        edgeSubjects.append(edge.subject)
        edgeObjects.append(edge.object)
    }

    func write(on statements: Statements) throws {
        guard !articles.isEmpty else { return }
        try statements.write("""
            INSERT INTO graph.relation_reports (article_id, ordinal, subject_id, predicate, object_id, role, evidence, log_position,
                                                edge_subject_id, edge_object_id)
            SELECT * FROM unnest(\(PostgresArray(articles))::text[], \(PostgresArray(ordinals))::int[],
                                 \(PostgresArray(subjects))::text[], \(PostgresArray(predicates))::text[],
                                 \(PostgresArray(objects))::text[], \(PostgresArray(roles))::text[], \(PostgresArray(evidence))::text[],
                                 \(PostgresArray(positions))::int8[], \(PostgresArray(edgeSubjects))::text[],
                                 \(PostgresArray(edgeObjects))::text[])
            """)
    }
}

/// Sources (reports), with the key and the event each was placed in.
struct SourceRows {
    private var ids: [String] = [], articles: [String] = [], types: [String] = [], actors: [String] = [], places: [String?] = []
    private var parties: [String] = [], dates: [String?] = [], evidence: [String] = [], starts: [Int] = [], ends: [Int] = []
    private var confidences: [Double] = [], keys: [String] = [], events: [String?] = [], positions: [Int64] = []

    mutating func append(_ report: Report, event: String?) {
        let payload = report.payload
        ids.append(report.sourceID)
        articles.append(payload.article)
        types.append(payload.type)
        actors.append(payload.actor.id)
        places.append(payload.place?.id)
        parties.append(PostgresArray(report.parties).postgresText!)
        dates.append(payload.date)
        evidence.append(payload.evidence.text)
        starts.append(payload.evidence.start)
        ends.append(payload.evidence.end)
        confidences.append(payload.confidence)
        keys.append(report.key)
        events.append(event)
        positions.append(report.position)
    }

    /// Inserts the sources; with `replacing` (a key grouped again), a source already there gets its new key
    /// and event.
    func write(replacing: Bool, on statements: Statements) throws {
        guard !ids.isEmpty else { return }
        let conflicts: SQL = replacing ? "ON CONFLICT (id) DO UPDATE SET cluster_key = excluded.cluster_key, event_id = excluded.event_id" : ""
        try statements.write("""
            INSERT INTO graph.sources AS s (id, article_id, type, actor_id, place_id, party_ids, date, evidence, evidence_start,
                                            evidence_end, confidence, cluster_key, event_id, log_position)
            SELECT id, article, type, actor, place, parties::text[], date, evidence, start, "end", confidence, key, event, position
            FROM unnest(\(PostgresArray(ids))::text[], \(PostgresArray(articles))::text[], \(PostgresArray(types))::text[],
                        \(PostgresArray(actors))::text[], \(PostgresArray(places))::text[], \(PostgresArray(parties))::text[],
                        \(PostgresArray(dates))::text[], \(PostgresArray(evidence))::text[], \(PostgresArray(starts))::int8[],
                        \(PostgresArray(ends))::int8[], \(PostgresArray(confidences))::float8[], \(PostgresArray(keys))::text[],
                        \(PostgresArray(events))::text[], \(PostgresArray(positions))::int8[])
                 AS u(id, article, type, actor, place, parties, date, evidence, start, "end", confidence, key, event, position)
            \(conflicts)
            """)
    }
}
