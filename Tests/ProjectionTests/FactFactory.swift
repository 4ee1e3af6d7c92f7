import EventCatalog
import EventLog
import Foundation

/// Builds the facts ingest would write for made-up articles, to drive the projector in tests.
struct FactFactory {
    struct Report {
        var type: String
        var date: String?
        var actor: EntityPayload
        var counterparties: [EntityPayload] = []
        var participants: [EventReported.Participant] = []
        var place: EntityPayload?
    }

    static let openAI = EntityPayload(id: "org/openai", name: "OpenAI", kind: "organization")
    static let kdb = EntityPayload(id: "org/korea-development-bank", name: "Korea Development Bank", kind: "organization")
    static let london = EntityPayload(id: "place/geonames-2643743", name: "London", kind: "place", country: "United Kingdom")
    static let paris = EntityPayload(id: "place/geonames-2988507", name: "Paris", kind: "place", country: "France")
    static let korea = EntityPayload(id: "place/country-KR", name: "South Korea", kind: "place", country: "South Korea")
    static let altman = EntityPayload(id: "person/sam-altman", name: "Sam Altman", kind: "person")

    /// The append request of one article with its reports (and optional relations).
    static func article(
        _ name: String, published: String?, reports: [Report], relations: [RelationReported] = [],
        aliases: [String: [String]] = [:]
    ) -> AppendRequest {
        let id = name
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func json(_ value: some Encodable) -> String { String(decoding: try! encoder.encode(value), as: UTF8.self) }
        var entities: [String: EntityPayload] = [:]
        for report in reports {
            for entity in [report.actor] + report.counterparties + report.participants.map(\.entity) + [report.place].compactMap({ $0 }) {
                entities[entity.id] = entity
            }
        }
        let sightings = entities.values.sorted { $0.id < $1.id }.map { entity in
            EntitySighting(entity: entity, aliases: ([entity.name] + (aliases[entity.id] ?? [])).map { AliasPayload(text: $0, language: $0.unicodeScalars.contains { $0.value >= 0xAC00 && $0.value <= 0xD7A3 } ? "ko" : "en") })
        }
        let ingested = ArticleIngested(id: id, title: "Article \(name)", url: nil, source: "\(name).txt", published: published,
                                       language: "en", length: 1000, extractor: .init(name: "test", version: "1"),
                                       entities: sightings, warnings: [])
        var events = [NewEvent(id: EventCatalog.deterministicID("\(id):article"), type: EventCatalog.EventTypeName.articleIngested, data: json(ingested))]
        for (index, report) in reports.enumerated() {
            let payload = EventReported(
                article: id, localID: "e\(index)", type: report.type, date: report.date, actor: report.actor,
                counterparties: report.counterparties, participants: report.participants, place: report.place,
                evidence: EvidencePayload(text: "sentence \(index) of \(name)", start: index * 10, end: index * 10 + 9), confidence: 0.9)
            events.append(NewEvent(id: EventCatalog.deterministicID("\(id):event:\(index)"), type: EventCatalog.EventTypeName.eventReported, data: json(payload)))
        }
        for (index, relation) in relations.enumerated() {
            events.append(NewEvent(id: EventCatalog.deterministicID("\(id):relation:\(index)"), type: EventCatalog.EventTypeName.relationReported, data: json(relation)))
        }
        return AppendRequest(stream: EventCatalog.Streams.article(id), events: events, expectedVersion: .noStream)
    }

    /// A corpus of `count` articles about a few hundred organizations, with repeated reports of the same
    /// events at different precisions, for the kill test and rebuild comparisons.
    /// With few organizations, places and people, keys gather many events.
    static func corpus(count: Int, seed: UInt64 = 7, organizations: Int = 300, cities: Int = 40, persons: Int = 100) -> [AppendRequest] {
        var rng = SplitMix(seed: seed)
        let places = [london, paris, korea] + (0..<cities).map { EntityPayload(id: "place/test-\($0)", name: "City \($0)", kind: "place", country: "Country \($0 % 7)") }
        let orgs = (0..<organizations).map { EntityPayload(id: "org/test-\($0)", name: "Org \($0)", kind: "organization") }
        let people = (0..<persons).map { EntityPayload(id: "person/test-\($0)", name: "Person \($0)", kind: "person") }
        let types = ["agreement.signed", "office.opened", "office.announced", "visit"]
        return (0..<count).map { n in
            let reports = (0..<Int(rng.next() % 8 + 2)).map { _ -> Report in
                let type = types[Int(rng.next() % 4)]
                let actor = type == "visit" ? people[Int(rng.next() % UInt64(persons))] : orgs[Int(rng.next() % UInt64(organizations))]
                let year = 2020 + Int(rng.next() % 5), month = 1 + Int(rng.next() % 12), day = 1 + Int(rng.next() % 28)
                let date: String? = switch rng.next() % 4 {
                case 0: nil
                case 1: String(format: "%04d-%02d", year, month)
                default: String(format: "%04d-%02d-%02d", year, month, day)
                }
                return Report(
                    type: type, date: date, actor: actor,
                    counterparties: type == "agreement.signed" || type == "visit" ? [orgs[Int(rng.next() % UInt64(organizations))]] : [],
                    participants: type == "visit" ? [.init(entity: people[Int(rng.next() % UInt64(persons))], role: "met")] : [],
                    place: type == "agreement.signed" ? nil : places[Int(rng.next() % UInt64(places.count))])
            }
            let relations = rng.next() % 3 == 0
                ? [RelationReported(article: "a\(n)", subject: people[Int(rng.next() % UInt64(persons))], predicate: "holds_role",
                                    object: orgs[Int(rng.next() % UInt64(organizations))], role: "CEO", evidence: .init(text: "CEO", start: 0, end: 3))]
                : []
            return article("a\(n)", published: String(format: "2024-%02d-%02d", 1 + Int(rng.next() % 12), 1 + Int(rng.next() % 28)),
                           reports: reports, relations: relations)
        }
    }
}

/// A small deterministic random number generator.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
