import EventCatalog
import EventLog
import Extraction
import Foundation

/// One article's extraction as the events of its stream: `article.ingested`, then one `event.reported`
/// per event and one `relation.reported` per relation, with ids derived from the article id so that a
/// retry writes nothing twice.
struct ArticleFacts {
    let article: String
    let request: AppendRequest
    let events: Int
    let relations: Int

    init(_ extraction: ArticleExtraction, text: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }

        let article = extraction.id
        let metadata = try json(["extractor": Extractor.name, "extractor_version": Extractor.version, "source": extraction.source,
                                  "schema": String(EventCatalog.schema)])
        let ingested = ArticleIngested(
            id: article, title: extraction.title, url: extraction.url, source: extraction.source,
            published: extraction.published?.description, language: extraction.language.rawValue,
            length: text.unicodeScalars.count,
            extractor: .init(name: Extractor.name, version: Extractor.version),
            entities: extraction.entities.map { seen in
                EntitySighting(entity: Self.payload(seen.entity), aliases: seen.aliases.map { AliasPayload(text: $0, language: Language.detect($0).rawValue) })
            },
            warnings: extraction.warnings)
        var events = [NewEvent(id: EventCatalog.deterministicID("\(article):article"), type: EventCatalog.EventTypeName.articleIngested,
                               data: try json(ingested), metadata: metadata)]
        for event in extraction.events {
            let report = EventReported(
                article: article, localID: event.id, type: event.type.rawValue, date: event.date?.description,
                actor: Self.payload(event.actor), counterparties: event.counterparties.map(Self.payload),
                participants: event.participants.map { .init(entity: Self.payload($0.entity), role: $0.role) },
                place: event.place.map(Self.payload), evidence: Self.payload(event.evidence), confidence: event.confidence)
            events.append(NewEvent(id: EventCatalog.deterministicID("\(article):event:\(event.id)"),
                                   type: EventCatalog.EventTypeName.eventReported, data: try json(report), metadata: metadata))
        }
        for (index, relation) in extraction.relations.enumerated() {
            let report = RelationReported(
                article: article, subject: Self.payload(relation.subject), predicate: relation.predicate.rawValue,
                object: Self.payload(relation.object), role: relation.role, evidence: Self.payload(relation.evidence))
            events.append(NewEvent(id: EventCatalog.deterministicID("\(article):relation:\(index)"),
                                   type: EventCatalog.EventTypeName.relationReported, data: try json(report), metadata: metadata))
        }
        self.article = article
        self.request = AppendRequest(stream: EventCatalog.Streams.article(article), events: events, expectedVersion: .noStream)
        self.events = extraction.events.count
        self.relations = extraction.relations.count
    }

    static func payload(_ entity: EntityRef) -> EntityPayload {
        EntityPayload(id: entity.id, name: entity.name, kind: entity.kind.rawValue, country: entity.country)
    }

    static func payload(_ evidence: Evidence) -> EvidencePayload {
        EvidencePayload(text: evidence.text, start: evidence.start, end: evidence.end)
    }
}
