public import Foundation

/// The facts Chronograph records in its log, as JSON payloads with a schema version.
///
/// Ingest writes them, the projector reads them; neither needs the other's code. See docs/event-catalog.md.
public enum EventCatalog {
    /// The schema version every payload written by this build carries.
    public static let schema = 1

    /// Event types.
    public enum EventTypeName {
        public static let articleIngested = "article.ingested"
        public static let eventReported = "event.reported"
        public static let relationReported = "relation.reported"
        public static let articleFailed = "article.failed"
        public static let entityMerged = "entity.merged"
        public static let entityAliased = "entity.aliased"
        public static let entityRenamed = "entity.renamed"
        public static let eventRetracted = "event.retracted"
        public static let articleRetracted = "article.retracted"
    }

    /// Stream names.
    public enum Streams {
        /// One article's facts: `article.ingested`, then its reports, appended once.
        public static func article(_ id: String) -> String { "article-\(id)" }
        /// An input that could not be ingested, keyed by what failed so a repeat adds nothing.
        public static func failure(_ key: String) -> String { "ingestfailure-\(key)" }
        /// One curation command.
        public static func curation(_ id: UUID) -> String { "curation-\(id.uuidString.lowercased())" }
        public static let articleCategory = "article"
        public static let failureCategory = "ingestfailure"
        public static let curationCategory = "curation"
    }

    /// A UUID made from a name (version 5 style over SHA-256 is not needed: FNV-1a 128-bit), so that
    /// facts re-derived from the same article get the same event ids.
    public static func deterministicID(_ name: String) -> UUID {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325, b: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in name.utf8 {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = b &+ (a >> 29)
        }
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 {
            bytes[i] = UInt8(truncatingIfNeeded: a >> (8 * UInt64(i)))
            bytes[8 + i] = UInt8(truncatingIfNeeded: b >> (8 * UInt64(i)))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x80  // version 8 (custom)
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}

/// An entity as a fact names it.
public struct EntityPayload: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var kind: String
    public var country: String?

    public init(id: String, name: String, kind: String, country: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.country = country
    }
}

/// An entity with the surface forms one article used for it.
public struct EntitySighting: Codable, Sendable, Hashable {
    public var entity: EntityPayload
    public var aliases: [AliasPayload]

    public init(entity: EntityPayload, aliases: [AliasPayload]) {
        self.entity = entity
        self.aliases = aliases
    }
}

/// A surface form and its language ("ko", "en"), when known.
public struct AliasPayload: Codable, Sendable, Hashable {
    public var text: String
    public var language: String?

    public init(text: String, language: String?) {
        self.text = text
        self.language = language
    }
}

/// Where a fact's words are: code-point offsets into the article text.
public struct EvidencePayload: Codable, Sendable, Hashable {
    public var text: String
    public var start: Int
    public var end: Int

    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}

/// `article.ingested`: the first event of an article's stream.
public struct ArticleIngested: Codable, Sendable, Hashable {
    public struct Extractor: Codable, Sendable, Hashable {
        public var name: String
        public var version: String
        public init(name: String, version: String) {
            self.name = name
            self.version = version
        }
    }

    public var schema = EventCatalog.schema
    public var id: String
    public var title: String?
    public var url: String?
    public var source: String
    /// YYYY-MM-DD or nil.
    public var published: String?
    public var language: String
    /// Length of the text in code points.
    public var length: Int
    public var extractor: Extractor
    public var entities: [EntitySighting]
    public var warnings: [String]

    public init(
        id: String, title: String?, url: String?, source: String, published: String?, language: String, length: Int,
        extractor: Extractor, entities: [EntitySighting], warnings: [String]
    ) {
        self.id = id
        self.title = title
        self.url = url
        self.source = source
        self.published = published
        self.language = language
        self.length = length
        self.extractor = extractor
        self.entities = entities
        self.warnings = warnings
    }
}

/// `event.reported`: one real-world event as one article reports it.
public struct EventReported: Codable, Sendable, Hashable {
    public struct Participant: Codable, Sendable, Hashable {
        public var entity: EntityPayload
        public var role: String
        public init(entity: EntityPayload, role: String) {
            self.entity = entity
            self.role = role
        }
    }

    public var schema = EventCatalog.schema
    public var article: String
    /// The event's id within its article.
    public var localID: String
    public var type: String
    /// EDTF level 0 (YYYY, YYYY-MM, YYYY-MM-DD) or nil when unknown.
    public var date: String?
    public var actor: EntityPayload
    public var counterparties: [EntityPayload]
    public var participants: [Participant]
    public var place: EntityPayload?
    public var evidence: EvidencePayload
    public var confidence: Double

    enum CodingKeys: String, CodingKey {
        case schema, article, type, date, actor, counterparties, participants, place, evidence, confidence
        case localID = "local_id"
    }

    public init(
        article: String, localID: String, type: String, date: String?, actor: EntityPayload, counterparties: [EntityPayload],
        participants: [Participant], place: EntityPayload?, evidence: EvidencePayload, confidence: Double
    ) {
        self.article = article
        self.localID = localID
        self.type = type
        self.date = date
        self.actor = actor
        self.counterparties = counterparties
        self.participants = participants
        self.place = place
        self.evidence = evidence
        self.confidence = confidence
    }
}

/// `relation.reported`: a fact linking two entities (holds_role, headquartered_in).
public struct RelationReported: Codable, Sendable, Hashable {
    public var schema = EventCatalog.schema
    public var article: String
    public var subject: EntityPayload
    public var predicate: String
    public var object: EntityPayload
    public var role: String?
    public var evidence: EvidencePayload

    public init(article: String, subject: EntityPayload, predicate: String, object: EntityPayload, role: String?, evidence: EvidencePayload) {
        self.article = article
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.role = role
        self.evidence = evidence
    }
}

/// `article.failed`: an input that could not be read or extracted, kept so nothing is lost silently.
public struct ArticleFailed: Codable, Sendable, Hashable {
    public var schema = EventCatalog.schema
    public var source: String
    public var line: Int?
    public var reason: String

    public init(source: String, line: Int?, reason: String) {
        self.source = source
        self.line = line
        self.reason = reason
    }
}

/// `entity.merged`: FROM is the same thing as INTO; everything of FROM moves to INTO.
public struct EntityMerged: Codable, Sendable, Hashable {
    public var schema = EventCatalog.schema
    public var from: String
    public var into: String
    public init(from: String, into: String) {
        self.from = from
        self.into = into
    }
}

/// `entity.aliased`: another name for an entity.
public struct EntityAliased: Codable, Sendable, Hashable {
    public var schema = EventCatalog.schema
    public var entity: String
    public var alias: String
    public var language: String?
    public init(entity: String, alias: String, language: String?) {
        self.entity = entity
        self.alias = alias
        self.language = language
    }
}

/// `entity.renamed`: the entity's canonical name.
public struct EntityRenamed: Codable, Sendable, Hashable {
    public var schema = EventCatalog.schema
    public var entity: String
    public var name: String
    public init(entity: String, name: String) {
        self.entity = entity
        self.name = name
    }
}

/// `event.retracted`: an event leaves the timeline and the graph (it stays in the log).
public struct EventRetracted: Codable, Sendable, Hashable {
    public var schema = EventCatalog.schema
    public var event: String
    public var reason: String
    public init(event: String, reason: String) {
        self.event = event
        self.reason = reason
    }
}

/// `article.retracted`: every report of an article leaves the timeline and the graph.
public struct ArticleRetracted: Codable, Sendable, Hashable {
    public var schema = EventCatalog.schema
    public var article: String
    public var reason: String
    public init(article: String, reason: String) {
        self.article = article
        self.reason = reason
    }
}
