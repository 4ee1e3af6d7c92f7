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

    /// Adds a part the event does not have yet.
    mutating func add(_ part: Part) {
        // An event has a handful of parts: a scan costs less than a set kept beside them.
        if !parts.contains(part) { parts.append(part) }
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
    /// (`regrouping`: the reports' sources are already stored, and get their new key and event.)
    func place(
        _ reports: [Report], merges: Merges, articles: [String: ArticleStatus], retractedEvents: Set<String>,
        cache: EventCache, regrouping: Bool = false, on statements: Statements
    ) throws -> Placement {
        var placement = Placement()
        guard !reports.isEmpty else { return placement }
        // The events of each key a report may join, in the order the fold made them.
        let (stored, whole) = try candidates(
            for: reports.filter { articles[$0.payload.article]?.retracted == false }, cache: cache, on: statements)
        var keys = stored.mapValues { events in (groups: events.map(\.group), events: events) }

        let clustering = EventClustering()
        var sources = SourceRows()
        struct Changed: Hashable { var key: String; var index: Int }
        var changed: Set<Changed> = []
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
            changed.insert(Changed(key: report.key, index: index))
            placement.joined.append((report.sourceID, report.payload.article, group.id))
            sources.append(report, event: group.id)
        }
        for change in changed {
            keys[change.key]!.events[change.index].group = keys[change.key]!.groups[change.index]
            placement.events[keys[change.key]!.groups[change.index].id] = keys[change.key]!.events[change.index]
        }

        try sources.write(replacing: regrouping, on: statements)
        try writeEvents(Array(placement.events.values), on: statements)
        try insertParts(of: Array(placement.events.values), on: statements)
        // The cache holds the keys it knew whole, with their events as they are now stored.
        for (key, value) in keys where whole.contains(key) {
            cache.store(key, events: value.events.map { event in
                var event = event
                event.key = key  // one copy of the key for all its events
                event.markStored()
                return event
            })
        }
        return placement
    }

    /// The stored events the reports may join, per key, in the order they were made, and the keys whose
    /// every event that is: those the cache knows whole (or knows to have none).
    ///
    /// For the other keys, only the events a report could join are read: those whose date span is
    /// compatible with the report's date (the report's date, finer, or coarser: ``EventClustering/Group/span``),
    /// and each key's latest event (an undated report joins it). Other events of the key cannot take any
    /// of these reports, so a key with hundreds of events costs what its few candidates cost. (A key has an
    /// event without a date only while it has no other: the first dated report joins it. So that event,
    /// which a dated report with no compatible event joins, is then the latest.)
    func candidates(
        for reports: [Report], cache: EventCache, on statements: Statements
    ) throws -> (events: [String: [EventState]], whole: Set<String>) {
        var events: [String: [EventState]] = [:]
        var whole: Set<String> = []
        var missing: [Report] = []
        for report in reports where events[report.key] == nil {
            if let known = cache.events(of: report.key) {
                events[report.key] = known
                whole.insert(report.key)
            } else {
                events[report.key] = []
            }
        }
        for report in reports where !whole.contains(report.key) { missing.append(report) }
        guard !missing.isEmpty else { return (events, whole) }
        // Per (key, date): the key's events of the date's year (an event's dates, its latest among them,
        // share their year), kept when their span is the date, finer (from d + "-" up to d + ".", as "-" is
        // the only character of a date below ".") or coarser.
        struct Ask: Hashable { var key, date, year: String; var coarser: [String] }
        var asks: Set<Ask> = []
        for report in missing {
            guard let date = report.payload.date, EventClustering.Date(date) != nil else { continue }
            let coarser = Self.coarser(date)
            asks.insert(Ask(key: report.key, date: date, year: coarser.first ?? date, coarser: coarser))
        }
        let list = Array(asks)
        for row in try statements.query("""
            WITH candidates AS (
                -- LATERAL: one index probe per ask, never a scan of the whole table (which the planner
                -- picks for a hash join while the tables are middling).
                SELECT c.id
                FROM unnest(\(PostgresArray(list.map(\.key)))::text[], \(PostgresArray(list.map(\.date)))::text[],
                            \(PostgresArray(list.map(\.year)))::text[],
                            \(PostgresArray(list.map { PostgresArray($0.coarser).postgresText! }))::text[]) AS a(key, date, year, coarser)
                CROSS JOIN LATERAL (
                    SELECT e.id FROM graph.events e
                    WHERE e.cluster_key = a.key AND e.latest_date >= a.year COLLATE "C" AND e.latest_date < a.year || '.' COLLATE "C"
                      AND (e.span = a.date OR e.span = ANY(a.coarser::text[])
                           OR (e.span > a.date || '-' COLLATE "C" AND e.span < a.date || '.' COLLATE "C"))
                ) c
                UNION
                SELECT latest.id FROM unnest(\(PostgresArray(Array(Set(missing.map(\.key)))))::text[]) AS k(key)
                CROSS JOIN LATERAL (
                    SELECT id FROM graph.events WHERE cluster_key = k.key
                    ORDER BY latest_date DESC NULLS LAST, first_xid, first_position LIMIT 1
                ) latest
            )
            SELECT e.id, e.cluster_key, e.type, e.actor_id, e.place_id, e.place_precise, e.date, e.dates::text AS dates,
                   e.date_counts::text AS counts, e.source_count, e.first_published, e.first_xid::text AS xid_text,
                   e.first_position, e.retracted, e.part_entities::text AS part_entities, e.part_roles::text AS part_roles
            FROM candidates c CROSS JOIN LATERAL (SELECT * FROM graph.events e WHERE e.id = c.id) e
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
        return (events, whole)
    }

    /// The coarser dates that contain an EDTF date: 2024 and 2024-11 for 2024-11-26.
    static func coarser(_ date: String) -> [String] {
        let parts = date.split(separator: "-")
        return (1..<max(parts.count, 1)).map { parts.prefix($0).joined(separator: "-") }
    }

    /// Inserts the new events (a new one is retracted if an analyst retracted its id before) and updates
    /// the others: a plain insert skips the conflict check an upsert makes for every row.
    private func writeEvents(_ events: [EventState], on statements: Statements) throws {
        let new = events.filter(\.isNew), stored = events.filter { !$0.isNew }
        if !new.isEmpty {
            try statements.write("""
                INSERT INTO graph.events (id, cluster_key, type, actor_id, place_id, place_precise, date, date_sort, conflicting_dates,
                                          dates, date_counts, span, latest_date, source_count, first_published, first_xid,
                                          first_position, part_entities, part_roles, retracted, retract_reason)
                SELECT c.id, c.key, c.type, c.actor, c.place, c.precise, c.date, c.date_sort, c.conflicts, c.dates, c.counts, c.span,
                       c.latest, c.sources, c.published, c.xid, c.position, c.entities, c.roles, r.reason IS NOT NULL, r.reason
                FROM \(Self.eventRows(new)) LEFT JOIN graph.retractions r ON r.kind = 'event' AND r.target_id = c.id
                """)
        }
        if !stored.isEmpty {
            try statements.write("""
                UPDATE graph.events e
                SET place_id = c.place, place_precise = c.precise, date = c.date, date_sort = c.date_sort, conflicting_dates = c.conflicts,
                    dates = c.dates, date_counts = c.counts, span = c.span, latest_date = c.latest, source_count = c.sources,
                    first_published = c.published, part_entities = c.entities, part_roles = c.roles
                FROM \(Self.eventRows(stored))
                WHERE e.id = c.id
                """)
        }
    }

    /// The events' columns as a subquery `c`.
    private static func eventRows(_ events: [EventState]) -> SQL {
        func literal(_ values: [String]) -> String { PostgresArray(values).postgresText! }
        return """
            (SELECT id, key, type, actor, place, precise, date,
                    CASE WHEN date IS NULL THEN NULL WHEN length(date) = 4 THEN date || '-01-01'
                         WHEN length(date) = 7 THEN date || '-01' ELSE date END AS date_sort,
                    conflicts::text[], dates::text[], counts::int[], span, latest, sources, published, xid::xid8, position,
                    entities::text[], roles::text[]
             FROM unnest(\(PostgresArray(events.map(\.id)))::text[], \(PostgresArray(events.map(\.key)))::text[],
                         \(PostgresArray(events.map(\.type)))::text[], \(PostgresArray(events.map(\.actor)))::text[],
                         \(PostgresArray(events.map(\.place)))::text[], \(PostgresArray(events.map(\.placePrecise)))::bool[],
                         \(PostgresArray(events.map(\.group.date)))::text[],
                         \(PostgresArray(events.map { literal($0.group.conflictingDates) }))::text[],
                         \(PostgresArray(events.map { literal($0.group.dates) }))::text[],
                         \(PostgresArray(events.map { PostgresArray($0.group.counts).postgresText! }))::text[],
                         \(PostgresArray(events.map(\.group.span)))::text[], \(PostgresArray(events.map { $0.group.dates.max() }))::text[],
                         \(PostgresArray(events.map(\.sourceCount)))::int8[], \(PostgresArray(events.map(\.firstPublished)))::text[],
                         \(PostgresArray(events.map { String($0.firstXid) }))::text[], \(PostgresArray(events.map(\.firstPosition)))::int8[],
                         \(PostgresArray(events.map { literal($0.parts.map(\.entity)) }))::text[],
                         \(PostgresArray(events.map { literal($0.parts.map(\.role)) }))::text[])
                  AS u(id, key, type, actor, place, precise, date, conflicts, dates, counts, span, latest, sources, published, xid,
                       position, entities, roles)) c
            """
    }

    /// Inserts the parts the events gained (new ones only: ``EventState/add(_:)`` keeps each part once).
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
            """)
    }
}
