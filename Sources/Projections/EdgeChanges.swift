import Postgres

/// A graph edge: subject, predicate, object and role.
struct Edge: Hashable, Sendable {
    var subject: String
    var predicate: String
    var object: String
    var role: String = ""

    init(subject: String, predicate: String, object: String, role: String = "") {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.role = role
    }

    init(_ row: QueryResult.Row) throws {
        self.init(subject: try row.decode(0), predicate: try row.decode(1), object: try row.decode(2), role: try row.decode(3))
    }
}

/// How the relations (graph edges) change, gathered over a run of log events and written in a few
/// statements.
///
/// An edge rests on facts: the events that draw it (an (event, edge) pair, counted once however many
/// parts of the event draw it) and the relation reports. Its weight is the number of facts, its
/// first and last dates those of its events, and its source count the number of articles behind it:
/// `graph.edge_articles` keeps, per (edge, article), how many (fact, source) pairs come from the
/// article, so the count moves by the rows that appear.
///
/// The fast path only ever adds: a report joins an event (a new (fact, source) pair for each of the
/// event's edges), an event gains a part (a new fact, resting on every source of the event), a date
/// becomes more precise (the edge's dates are read again). A correction instead asks for a whole
/// `recount` of the edges it touches.
struct EdgeChanges: Sendable {
    private var facts: [EdgeArticle: Int] = [:]
    private var weights: [Edge: Int] = [:]
    private var bounds: [Edge: (first: String?, last: String?)] = [:]
    private var datesToRead: Set<Edge> = []
    /// Edges counted again from their facts.
    var recount: Set<Edge> = []

    private struct EdgeArticle: Hashable, Sendable {
        var edge: Edge
        var article: String
    }

    /// One more (fact, source) pair of `edge` from `article`.
    mutating func addFact(_ edge: Edge, article: String) {
        facts[EdgeArticle(edge: edge, article: article), default: 0] += 1
    }

    /// One more fact of `edge`, dated `date`.
    mutating func addWeight(_ edge: Edge, date: String?) {
        weights[edge, default: 0] += 1
        guard let date else { return }
        let old = bounds[edge] ?? (nil, nil)
        bounds[edge] = (old.first.map { min($0, date) } ?? date, old.last.map { max($0, date) } ?? date)
    }

    /// The changes a placement of reports makes: new (fact, source) pairs, new facts and moved dates.
    /// Retracted events draw no edge.
    mutating func add(_ placement: Placement, on statements: Statements) throws {
        let live = placement.events.values.filter { !$0.retracted }
        guard !live.isEmpty else { return }
        for joined in placement.joined {
            guard let event = placement.events[joined.event], !event.retracted else { continue }
            for edge in event.edges { addFact(edge, article: joined.article) }
        }
        // New facts: an (event, edge) pair the event did not draw before. It rests on the event's
        // earlier sources too.
        var newFacts: [String: Set<Edge>] = [:]
        for event in live {
            let new = event.edges.subtracting(event.storedEdges)
            guard !new.isEmpty else { continue }
            newFacts[event.id] = new
            for edge in new { addWeight(edge, date: event.group.date) }
        }
        // A date that moved: the edges the event drew before may have other first or last dates now.
        for event in live where !event.isNew && event.storedDate != .some(event.group.date) {
            datesToRead.formUnion(event.storedEdges)
        }
        let older = live.filter { !$0.isNew && newFacts[$0.id] != nil }.map(\.id)
        if !older.isEmpty {
            let joined = Set(placement.joined.map(\.source))
            for row in try statements.query("""
                SELECT id, event_id, article_id FROM graph.sources WHERE event_id = ANY(\(PostgresArray(older))::text[])
                """) where !joined.contains(try row.decode(0)) {
                for edge in newFacts[try row.decode(1)] ?? [] { addFact(edge, article: try row.decode(2)) }
            }
        }
    }

    /// Writes the changes: the (edge, article) rows and the relations they and the new facts move, in one
    /// statement; then the dates to read again, then the recounts.
    func apply(on statements: Statements) throws {
        let articles = facts.filter { !recount.contains($0.key.edge) }
        let edges = Array(Set(weights.keys).union(articles.keys.map(\.edge)).subtracting(recount))
        if !edges.isEmpty {
            let list = Array(articles)
            try statements.write("""
                WITH articles AS (
                    INSERT INTO graph.edge_articles AS x (subject_id, predicate, object_id, role, article_id, facts)
                    SELECT * FROM unnest(\(PostgresArray(list.map(\.key.edge.subject)))::text[],
                                         \(PostgresArray(list.map(\.key.edge.predicate)))::text[],
                                         \(PostgresArray(list.map(\.key.edge.object)))::text[],
                                         \(PostgresArray(list.map(\.key.edge.role)))::text[],
                                         \(PostgresArray(list.map(\.key.article)))::text[], \(PostgresArray(list.map(\.value)))::int8[])
                    ON CONFLICT (subject_id, predicate, object_id, role, article_id) DO UPDATE SET facts = x.facts + excluded.facts
                    RETURNING subject_id, predicate, object_id, role, xmax = 0 AS inserted
                ),
                new_articles AS (
                    SELECT subject_id AS s, predicate AS p, object_id AS o, role AS r, count(*) AS n
                    FROM articles WHERE inserted GROUP BY 1, 2, 3, 4
                )
                INSERT INTO graph.relations AS r (subject_id, predicate, object_id, role, first_date, last_date, weight, source_count)
                SELECT t.s, t.p, t.o, t.r, t.first, t.last, t.weight, coalesce(n.n, 0)
                FROM unnest(\(PostgresArray(edges.map(\.subject)))::text[], \(PostgresArray(edges.map(\.predicate)))::text[],
                            \(PostgresArray(edges.map(\.object)))::text[], \(PostgresArray(edges.map(\.role)))::text[],
                            \(PostgresArray(edges.map { bounds[$0]?.first ?? nil }))::text[],
                            \(PostgresArray(edges.map { bounds[$0]?.last ?? nil }))::text[],
                            \(PostgresArray(edges.map { weights[$0] ?? 0 }))::int8[]) AS t(s, p, o, r, first, last, weight)
                LEFT JOIN new_articles n ON n.s = t.s AND n.p = t.p AND n.o = t.o AND n.r = t.r
                ON CONFLICT (subject_id, predicate, object_id, role) DO UPDATE
                SET weight = r.weight + excluded.weight, source_count = r.source_count + excluded.source_count,
                    first_date = least(r.first_date, excluded.first_date), last_date = greatest(r.last_date, excluded.last_date)
                """)
        }
        let reread = Array(datesToRead.subtracting(recount))
        if !reread.isEmpty {
            try statements.write("""
                UPDATE graph.relations r SET first_date = x.first, last_date = x.last
                FROM (
                    SELECT t.s, t.p, t.o, min(e.date) AS first, max(e.date) AS last
                    FROM \(Self.edgeTable(reread))
                    JOIN graph.event_entities ee ON ee.subject_id = t.s AND ee.predicate = t.p AND ee.entity_id = t.o
                    JOIN graph.events e ON e.id = ee.event_id AND NOT e.retracted
                    GROUP BY t.s, t.p, t.o
                ) x
                WHERE r.subject_id = x.s AND r.predicate = x.p AND r.object_id = x.o AND r.role = ''
                """)
        }
        if !recount.isEmpty {
            try Self.recount(Array(recount), on: statements)
        }
    }

    /// Counts edges again from their facts: the events that draw them (not retracted) with their sources,
    /// and the relation reports (of articles not retracted). `edges` nil: every edge, from nothing (the
    /// end of a catch-up from zero, which defers the edges to it).
    static func recount(_ edges: [Edge]?, on statements: Statements) throws {
        let eventEdges: SQL, reportEdges: SQL
        if let edges {
            let table = edgeTable(edges)
            try statements.write("""
                DELETE FROM graph.edge_articles x USING \(table)
                WHERE x.subject_id = t.s AND x.predicate = t.p AND x.object_id = t.o AND x.role = t.r
                """)
            try statements.write("""
                DELETE FROM graph.relations x USING \(table)
                WHERE x.subject_id = t.s AND x.predicate = t.p AND x.object_id = t.o AND x.role = t.r
                """)
            eventEdges = "JOIN \(table) ON ee.subject_id = t.s AND ee.predicate = t.p AND ee.entity_id = t.o AND t.r = ''"
            reportEdges = """
                JOIN \(table) ON rr.edge_subject_id = t.s AND rr.predicate = t.p AND rr.edge_object_id = t.o AND rr.role = t.r
                """
        } else {
            try statements.write("TRUNCATE graph.edge_articles, graph.relations")
            eventEdges = ""
            reportEdges = ""
        }
        try statements.write("""
            WITH pairs AS (
                SELECT DISTINCT ee.subject_id AS s, ee.predicate AS p, ee.entity_id AS o, '' AS r, e.id AS fact, e.date
                FROM graph.event_entities ee \(eventEdges)
                JOIN graph.events e ON e.id = ee.event_id AND NOT e.retracted
                WHERE ee.predicate IS NOT NULL
            ),
            facts AS (
                SELECT p.s, p.p, p.o, p.r, p.fact, p.date, src.article_id
                FROM pairs p JOIN graph.sources src ON src.event_id = p.fact
                UNION ALL
                SELECT rr.edge_subject_id, rr.predicate, rr.edge_object_id, rr.role, 'relation:' || rr.article_id || '#' || rr.ordinal,
                       NULL, rr.article_id
                FROM graph.relation_reports rr \(reportEdges)
                JOIN graph.articles a ON a.id = rr.article_id AND NOT a.retracted
            ),
            articles AS (
                INSERT INTO graph.edge_articles (subject_id, predicate, object_id, role, article_id, facts)
                SELECT s, p, o, r, article_id, count(*) FROM facts GROUP BY s, p, o, r, article_id
            )
            -- In key order: a B-tree filled in order is filled fast. (edge_articles' index is built after it,
            -- when a catch-up from zero makes every edge.)
            INSERT INTO graph.relations (subject_id, predicate, object_id, role, first_date, last_date, weight, source_count)
            SELECT s, p, o, r, min(date), max(date), count(DISTINCT fact), count(DISTINCT article_id)
            FROM facts GROUP BY s, p, o, r ORDER BY s, p, o, r
            """)
    }

    /// `unnest(...) AS t(s, p, o, r)` of the edges.
    static func edgeTable(_ edges: [Edge]) -> SQL {
        """
        unnest(\(PostgresArray(edges.map(\.subject)))::text[], \(PostgresArray(edges.map(\.predicate)))::text[],
               \(PostgresArray(edges.map(\.object)))::text[], \(PostgresArray(edges.map(\.role)))::text[]) AS t(s, p, o, r)
        """
    }
}
