import EventCatalog
import Logging
import Postgres

/// A report of an event, as the projector places and writes it.
struct Report: Sendable {
    var payload: EventReported
    var xid: UInt64
    var position: Int64
    /// Which reports may be one event, after merges (``clusterKey(_:merges:)``).
    var key: String

    init(payload: EventReported, xid: UInt64, position: Int64, merges: Merges) {
        self.payload = payload
        self.xid = xid
        self.position = position
        self.key = Self.clusterKey(payload, merges: merges)
    }

    var sourceID: String { payload.article + ":" + payload.localID }

    /// The actor and the counterparties as reported, each once.
    var parties: [String] {
        var seen: Set<String> = []
        return ([payload.actor] + payload.counterparties).map(\.id).filter { seen.insert($0).inserted }
    }

    /// The type with the actor and the place (offices), with the actor and the country visited (visits:
    /// "travelled to Seoul" and "방한" are one trip), or with the set of parties (agreements), after merges.
    static func clusterKey(_ report: EventReported, merges: Merges) -> String {
        switch report.type {
        case "agreement.signed":
            let parties = Set(([report.actor] + report.counterparties).map { merges.canonical($0.id) }).sorted()
            return report.type + "|" + parties.joined(separator: ",")
        case "visit":
            let country = report.place?.country ?? report.place.map { merges.canonical($0.id) } ?? ""
            return report.type + "|" + merges.canonical(report.actor.id) + "|" + country
        default:
            return report.type + "|" + merges.canonical(report.actor.id) + "|" + (report.place.map { merges.canonical($0.id) } ?? "")
        }
    }

    /// Who takes part, after merges: (entity, role) with role `actor`, `place`, `counterparty` or
    /// `participant:<role>`.
    func parts(merges: Merges) -> [EventState.Part] {
        var parts = [EventState.Part(entity: merges.canonical(payload.actor.id), role: "actor")]
        if let place = payload.place { parts.append(.init(entity: merges.canonical(place.id), role: "place")) }
        parts += payload.counterparties.map { .init(entity: merges.canonical($0.id), role: "counterparty") }
        parts += payload.participants.map { .init(entity: merges.canonical($0.entity.id), role: "participant:" + $0.role) }
        return parts
    }

    /// Whether the place is more than a country (a city); a more precise place wins over a country.
    var placeIsPrecise: Bool { payload.place.map { $0.country != $0.name } ?? false }
}

/// An event as the projector keeps it: its grouping state and the columns derived from its reports.
struct EventState: Sendable {
    var group: EventClustering.Group
    var key: String
    var type: String
    var actor: String
    var place: String?
    var placePrecise: Bool
    var sourceCount: Int
    var firstPublished: String?
    var firstXid: UInt64
    var firstPosition: Int64
    var retracted: Bool
    /// The date stored before this batch (nil for an event the batch made).
    var storedDate: String??
    /// Who takes part (entity, role), in the order first reported; the first `storedPartCount` were stored
    /// before this batch.
    var parts: [Part] = []
    var storedPartCount = 0

    struct Part: Hashable, Sendable {
        var entity: String
        var role: String
    }

    /// Marks the event's current state as stored (after the batch that wrote it).
    mutating func markStored() {
        storedDate = .some(group.date)
        storedPartCount = parts.count
    }

    /// Adds a part; false when the event already had it.
    @discardableResult
    mutating func add(_ part: Part) -> Bool {
        // An event has a handful of parts: a scan costs less than a set kept beside them.
        guard !parts.contains(part) else { return false }
        parts.append(part)
        return true
    }

    /// The edges the event draws (none when retracted), and those it drew before this batch.
    var edges: Set<Edge> { Set(parts.compactMap(edge)) }
    var storedEdges: Set<Edge> { Set(parts.prefix(storedPartCount).compactMap(edge)) }

    private func edge(_ part: Part) -> Edge? {
        predicate(entity: part.entity, role: part.role).map { Edge(subject: actor, predicate: $0, object: part.entity) }
    }

    var id: String { group.id }
    var isNew: Bool { storedDate == nil }

    /// The edge an entity's part in this event draws, if any: from the actor to the other party.
    func predicate(entity: String, role: String) -> String? {
        guard entity != actor else { return nil }
        switch (type, role) {
        case ("agreement.signed", "counterparty"): return "signed_agreement_with"
        case ("office.opened", "place"): return "has_office_in"
        case ("office.announced", "place"): return "announced_office_in"
        case ("visit", "place"): return "visited"
        case ("visit", "counterparty"), ("visit", "participant:met"): return "met_with"
        default: return nil
        }
    }

    /// Takes in one more report (already placed in `group`).
    mutating func absorb(_ report: Report, published: String?, merges: Merges) {
        sourceCount += 1
        if let reported = report.payload.place, place == nil || (!placePrecise && report.placeIsPrecise) {
            place = merges.canonical(reported.id)
            placePrecise = report.placeIsPrecise
        }
        if let published, firstPublished.map({ published < $0 }) ?? true { firstPublished = published }
    }
}

/// What placing a run of reports changed, for the relations.
struct Placement: Sendable {
    /// Every event that got a report, after the run, by id.
    var events: [String: EventState] = [:]
    /// Each report that joined an event: its source id, article and event.
    var joined: [(source: String, article: String, event: String)] = []
}

extension GraphProjection {
    /// Places reports (in log order) among the events of their keys, and writes their sources, the events
    /// they changed or made, and the parts they add. Reports of a retracted article are kept as sources of
    /// no event; reports of an article the read models do not know are skipped with a warning.
    /// `retractedEvents`: the event ids an analyst retracted (a new event with such an id is born retracted).
    func place(
        _ reports: [Report], merges: Merges, articles: [String: ArticleStatus], retractedEvents: Set<String>,
        cache: EventCache, on statements: Statements
    ) throws -> Placement {
        var placement = Placement()
        guard !reports.isEmpty else { return placement }
        // Every event of each key a report may join, in the order the fold made them.
        let live = reports.filter { articles[$0.payload.article]?.retracted == false }
        var keys = try storedEvents(of: Set(live.map(\.key)), cache: cache, on: statements).mapValues { events in
            (groups: events.map(\.group), events: events)
        }

        let clustering = EventClustering()
        var sources = SourceRows()
        var changed: [(key: String, index: Int)] = []
        for report in reports {
            guard let article = articles[report.payload.article] else {
                logger.warning("a report names an article the read models do not know: skipped", metadata: [
                    "log.position": "\(report.position)", "article": "\(report.payload.article)"])
                continue
            }
            guard !article.retracted else {
                sources.append(report, event: nil)
                continue
            }
            let index = clustering.place(report: report.sourceID, date: report.payload.date, into: &keys[report.key]!.groups)
            let group = keys[report.key]!.groups[index]
            if index == keys[report.key]!.events.count {
                keys[report.key]!.events.append(EventState(
                    group: group, key: report.key, type: report.payload.type, actor: merges.canonical(report.payload.actor.id),
                    place: nil, placePrecise: false, sourceCount: 0, firstPublished: nil, firstXid: report.xid,
                    firstPosition: report.position, retracted: retractedEvents.contains(group.id), storedDate: nil))
            }
            keys[report.key]!.events[index].absorb(report, published: article.published, merges: merges)
            for part in report.parts(merges: merges) { keys[report.key]!.events[index].add(part) }
            changed.append((report.key, index))
            placement.joined.append((report.sourceID, report.payload.article, group.id))
            sources.append(report, event: group.id)
        }
        for (key, index) in changed {
            var event = keys[key]!.events[index]
            event.group = keys[key]!.groups[index]
            placement.events[event.id] = event
        }

        try sources.write(on: statements)
        try writeEvents(Array(placement.events.values), on: statements)
        try insertParts(of: Array(placement.events.values), on: statements)
        // The cache holds the events as they are now stored.
        for (key, value) in keys {
            cache.store(key, events: value.events.indices.map { index in
                var event = placement.events[value.groups[index].id] ?? value.events[index]
                event.markStored()
                return event
            })
        }
        return placement
    }

    /// The stored events of `keys`, each key's in the order they were made: from the cache when it knows
    /// them, else from the database.
    func storedEvents(of keys: Set<String>, cache: EventCache, on statements: Statements) throws -> [String: [EventState]] {
        var events: [String: [EventState]] = [:]
        var missing: [String] = []
        for key in keys {
            if let known = cache.events(of: key) { events[key] = known } else { missing.append(key); events[key] = [] }
        }
        guard !missing.isEmpty else { return events }
        for row in try statements.query("""
            SELECT e.id, e.cluster_key, e.type, e.actor_id, e.place_id, e.place_precise, e.date, e.dates::text AS dates,
                   e.date_counts::text AS counts, e.source_count, e.first_published, e.first_xid::text AS xid_text,
                   e.first_position, e.retracted, e.part_entities::text AS part_entities, e.part_roles::text AS part_roles
            FROM graph.events e WHERE e.cluster_key = ANY(\(PostgresArray(missing))::text[])
            ORDER BY e.cluster_key, e.first_xid, e.first_position
            """) {
            let dates: PostgresArray<String> = try row.decode("dates")
            let counts: PostgresArray<Int> = try row.decode("counts")
            let entities: PostgresArray<String> = try row.decode("part_entities")
            let roles: PostgresArray<String> = try row.decode("part_roles")
            var event = EventState(
                group: EventClustering.Group(id: try row.decode("id"), dates: dates.elements, counts: counts.elements),
                key: try row.decode("cluster_key"), type: try row.decode("type"), actor: try row.decode("actor_id"),
                place: row["place_id"], placePrecise: try row.decode("place_precise"), sourceCount: try row.decode("source_count"),
                firstPublished: row["first_published"], firstXid: try row.decode("xid_text"),
                firstPosition: try row.decode("first_position"), retracted: try row.decode("retracted"), storedDate: .some(row["date"]))
            for (entity, role) in zip(entities.elements, roles.elements) { event.add(EventState.Part(entity: entity, role: role)) }
            event.storedPartCount = event.parts.count
            events[event.key, default: []].append(event)
        }
        return events
    }

    /// Inserts or updates events (a new one is retracted if an analyst retracted its id before).
    private func writeEvents(_ events: [EventState], on statements: Statements) throws {
        guard !events.isEmpty else { return }
        func literal(_ values: [String]) -> String { PostgresArray(values).postgresText! }
        try statements.write("""
            INSERT INTO graph.events AS e (id, cluster_key, type, actor_id, place_id, place_precise, date, date_sort,
                                           conflicting_dates, dates, date_counts, source_count, first_published,
                                           first_xid, first_position, part_entities, part_roles, retracted, retract_reason)
            SELECT c.id, c.key, c.type, c.actor, c.place, c.precise, c.date,
                   CASE WHEN c.date IS NULL THEN NULL
                        WHEN length(c.date) = 4 THEN c.date || '-01-01'
                        WHEN length(c.date) = 7 THEN c.date || '-01' ELSE c.date END,
                   c.conflicts::text[], c.dates::text[], c.counts::int[], c.sources, c.published, c.xid::xid8, c.position,
                   c.entities::text[], c.roles::text[],
                   r.reason IS NOT NULL, r.reason
            FROM unnest(\(PostgresArray(events.map(\.id)))::text[], \(PostgresArray(events.map(\.key)))::text[],
                        \(PostgresArray(events.map(\.type)))::text[], \(PostgresArray(events.map(\.actor)))::text[],
                        \(PostgresArray(events.map(\.place)))::text[], \(PostgresArray(events.map(\.placePrecise)))::bool[],
                        \(PostgresArray(events.map(\.group.date)))::text[],
                        \(PostgresArray(events.map { literal($0.group.conflictingDates) }))::text[],
                        \(PostgresArray(events.map { literal($0.group.dates) }))::text[],
                        \(PostgresArray(events.map { PostgresArray($0.group.counts).postgresText! }))::text[],
                        \(PostgresArray(events.map(\.sourceCount)))::int8[], \(PostgresArray(events.map(\.firstPublished)))::text[],
                        \(PostgresArray(events.map { String($0.firstXid) }))::text[], \(PostgresArray(events.map(\.firstPosition)))::int8[],
                        \(PostgresArray(events.map { literal($0.parts.map(\.entity)) }))::text[],
                        \(PostgresArray(events.map { literal($0.parts.map(\.role)) }))::text[])
                 AS c(id, key, type, actor, place, precise, date, conflicts, dates, counts, sources, published, xid, position,
                      entities, roles)
            LEFT JOIN graph.retractions r ON r.kind = 'event' AND r.target_id = c.id
            ON CONFLICT (id) DO UPDATE
            SET place_id = excluded.place_id, place_precise = excluded.place_precise, date = excluded.date,
                date_sort = excluded.date_sort, conflicting_dates = excluded.conflicting_dates, dates = excluded.dates,
                date_counts = excluded.date_counts, source_count = excluded.source_count,
                first_published = excluded.first_published, part_entities = excluded.part_entities, part_roles = excluded.part_roles
            """)
    }

    /// Inserts the parts the events gained.
    private func insertParts(of events: [EventState], on statements: Statements) throws {
        var ids: [String] = [], entities: [String] = [], roles: [String] = [], subjects: [String] = [], predicates: [String?] = []
        for event in events {
            for part in event.parts.dropFirst(event.storedPartCount) {
                ids.append(event.id)
                entities.append(part.entity)
                roles.append(part.role)
                subjects.append(event.actor)
                predicates.append(event.predicate(entity: part.entity, role: part.role))
            }
        }
        guard !ids.isEmpty else { return }
        try statements.write("""
            INSERT INTO graph.event_entities (event_id, entity_id, role, subject_id, predicate)
            SELECT * FROM unnest(\(PostgresArray(ids))::text[], \(PostgresArray(entities))::text[], \(PostgresArray(roles))::text[],
                                 \(PostgresArray(subjects))::text[], \(PostgresArray(predicates))::text[])
            ON CONFLICT DO NOTHING
            """)
    }
}
