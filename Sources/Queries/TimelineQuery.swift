import Foundation
public import Postgres

/// An entity's events in date order: what `chronograph timeline` prints.
public struct Timeline: Encodable, Sendable {
    /// One event of the timeline.
    public struct Event: Encodable, Sendable {
        public struct Participant: Encodable, Sendable {
            public var entity: EntityInfo
            public var role: String

            public func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(entity.id, forKey: .id)
                try container.encode(entity.name, forKey: .name)
                try container.encode(entity.kind, forKey: .kind)
                try container.encodeIfPresent(entity.country, forKey: .country)
                try container.encode(role, forKey: .role)
            }

            enum CodingKeys: String, CodingKey { case id, name, kind, country, role }
        }

        public struct Source: Encodable, Sendable {
            public struct Evidence: Encodable, Sendable {
                public var text: String
                public var start: Int
                public var end: Int
            }

            public var article: String
            public var title: String?
            public var published: String?
            public var evidence: Evidence
            /// The date as this article gave it.
            public var date: String?
        }

        public var id: String
        public var type: String
        public var date: String?
        public var actor: EntityInfo
        public var counterparties: [EntityInfo]
        public var participants: [Participant]
        public var place: EntityInfo?
        public var sources: [Source]
        /// Dates sources gave that disagree with `date`.
        public var conflicts: [String]
        /// For an opening: the announcement it fulfils.
        public var announcedBy: String?
        /// One line saying what happened, from the timeline entity's point of view.
        public var summary: String

        enum CodingKeys: String, CodingKey {
            case id, type, date, actor, counterparties, participants, place, sources, conflicts, summary
            case announcedBy = "announced_by"
        }
    }

    public var entity: EntityInfo
    /// Every name seen for the entity, in any language.
    public var aliases: [String]
    public var events: [Event]
}

/// Builds an entity's timeline from the read models.
public struct TimelineQuery: Sendable {
    public init() {}

    /// The timeline of the entity a user names (any alias in any language, or an id).
    public func timeline(for name: String, on connection: Connection) throws -> Timeline {
        let entity = try EntityLookup().find(name, on: connection)
        let aliases = try connection.query("""
            SELECT alias FROM graph.aliases WHERE entity_id = \(entity.id) AND alias <> \(entity.name)
            GROUP BY alias ORDER BY sum(seen) DESC, alias
            """).map { try $0.decode(0, as: String.self) }
        // The entity's own events, and those of the people who hold a role at it (a CEO's visits).
        var roles: [String: String] = [:]
        for row in try connection.query("""
            SELECT subject_id, string_agg(DISTINCT role, ', ') FROM graph.relations
            WHERE predicate = 'holds_role' AND object_id = \(entity.id) AND subject_id <> \(entity.id)
            GROUP BY subject_id
            """) {
            roles[try row.decode(0)] = row[1] ?? ""
        }
        let rows = try connection.query("""
            SELECT e.id, e.type, e.date, e.conflicting_dates AS conflicts, l.announced_event_id AS announced_by,
                   e.actor_id, e.place_id
            FROM graph.events e
            LEFT JOIN graph.office_announcements l ON l.opened_event_id = e.id
            WHERE NOT e.retracted
              AND (e.id IN (SELECT event_id FROM graph.event_entities WHERE entity_id = \(entity.id))
                   OR e.actor_id = ANY(\(PostgresArray(Array(roles.keys)))::text[]))
            ORDER BY e.date_sort NULLS LAST, e.first_published NULLS LAST, e.first_position
            """)
        let ids = try rows.map { try $0.decode("id", as: String.self) }
        guard !ids.isEmpty else { return Timeline(entity: entity, aliases: aliases, events: []) }
        let idArray = PostgresArray(ids)

        // Who takes part in each event, and those entities (one read of event_entities for both).
        var entities: [String: EntityInfo] = [:]
        var participation: [String: [(String, String)]] = [:]
        for row in try connection.query("""
            SELECT ee.event_id, ee.role, n.id, n.name, n.kind, n.country
            FROM graph.event_entities ee JOIN graph.entities n ON n.id = ee.entity_id
            WHERE ee.event_id = ANY(\(idArray)::text[])
            ORDER BY ee.event_id, ee.role, ee.entity_id
            """) {
            let info = EntityInfo(id: try row.decode(2), name: try row.decode(3), kind: try row.decode(4), country: row[5])
            entities[info.id] = info
            participation[try row.decode(0), default: []].append((info.id, try row.decode(1)))
        }
        var sources: [String: [Timeline.Event.Source]] = [:]
        for row in try connection.query("""
            SELECT s.event_id, s.article_id, a.title, a.published, s.evidence, s.evidence_start, s.evidence_end, s.date
            FROM graph.sources s JOIN graph.articles a ON a.id = s.article_id
            WHERE s.event_id = ANY(\(idArray)::text[]) AND NOT a.retracted
            ORDER BY a.published NULLS LAST, s.log_position
            """) {
            sources[try row.decode(0), default: []].append(Timeline.Event.Source(
                article: try row.decode(1), title: row[2], published: row[3],
                evidence: .init(text: try row.decode(4), start: try row.decode(5), end: try row.decode(6)),
                date: row[7]))
        }
        let events = try rows.map { row -> Timeline.Event in
            let id: String = try row.decode("id")
            let actorID: String = try row.decode("actor_id")
            let actor = entities[actorID] ?? EntityInfo(id: actorID, name: actorID, kind: "organization", country: nil)
            let place = row["place_id"].flatMap { entities[$0] }
            let eventRoles = participation[id] ?? []
            let counterparties = eventRoles.filter { $0.1 == "counterparty" }.compactMap { entities[$0.0] }
            let participants = eventRoles.compactMap { pair -> Timeline.Event.Participant? in
                guard pair.1.hasPrefix("participant:"), let info = entities[pair.0] else { return nil }
                return Timeline.Event.Participant(entity: info, role: String(pair.1.dropFirst("participant:".count)))
            }
            let type: String = try row.decode("type")
            let conflicts = try row.decode("conflicts", as: PostgresArray<String>.self).elements
            return Timeline.Event(
                id: id, type: type, date: row["date"], actor: actor, counterparties: counterparties,
                participants: participants, place: place, sources: sources[id] ?? [], conflicts: conflicts,
                announcedBy: row["announced_by"],
                summary: Self.summary(type: type, actor: actor, actorRole: roles[actorID], counterparties: counterparties,
                                      place: place, viewpoint: entity))
        }
        return Timeline(entity: entity, aliases: aliases, events: events)
    }

    /// "opened an office in London, United Kingdom"; from another party's view the actor is named.
    static func summary(
        type: String, actor: EntityInfo, actorRole: String? = nil, counterparties: [EntityInfo], place: EntityInfo?,
        viewpoint: EntityInfo
    ) -> String {
        let others = counterparties.filter { $0.id != viewpoint.id }.map(\.name)
        let placeText = place.map { place in
            place.country.map { $0 == place.name ? place.name : "\(place.name), \($0)" } ?? place.name
        }
        var text: String
        switch type {
        case "agreement.signed":
            text = others.isEmpty ? "signed an agreement" : "signed an agreement with \(Self.list(others))"
        case "office.opened":
            text = "opened an office" + (placeText.map { " in \($0)" } ?? "")
        case "office.announced":
            text = "announced an office" + (placeText.map { " in \($0)" } ?? "")
        case "visit":
            text = "visited " + (placeText ?? "")
            if !others.isEmpty { text += " (met \(Self.list(others)))" }
        default:
            text = type
        }
        if actor.id != viewpoint.id {
            if type == "agreement.signed" {
                let rest = ([actor.name] + counterparties.filter { $0.id != viewpoint.id && $0.id != actor.id }.map(\.name))
                return "signed an agreement with \(Self.list(rest))"
            }
            let role = actorRole.map { $0.isEmpty ? "" : " (\($0))" } ?? ""
            return "\(actor.name)\(role) \(text)"
        }
        return text
    }

    static func list(_ names: [String]) -> String {
        switch names.count {
        case 0: ""
        case 1: names[0]
        case 2: "\(names[0]) and \(names[1])"
        default: names.dropLast().joined(separator: ", ") + " and " + names.last!
        }
    }
}
