/// The event types extraction knows.
public enum EventType: String, Hashable, Sendable, Codable, CaseIterable {
    case agreementSigned = "agreement.signed"
    case officeOpened = "office.opened"
    case officeAnnounced = "office.announced"
    case visit = "visit"
}

/// A participant of an event with the part it played ("signatory", "met").
public struct Participant: Hashable, Sendable, Codable {
    public var entity: EntityRef
    public var role: String

    public init(entity: EntityRef, role: String) {
        self.entity = entity
        self.role = role
    }
}

/// One real-world event as one article reports it.
public struct ExtractedEvent: Hashable, Sendable {
    /// Stable within the article: a hash of the type, actor, place and parties.
    public var id: String
    public var type: EventType
    /// Nil when the article gives no date, or gives only relative dates and no publication date.
    public var date: EDTFDate?
    public var actor: EntityRef
    public var counterparties: [EntityRef]
    public var participants: [Participant]
    public var place: EntityRef?
    public var evidence: Evidence
    /// 0...1.
    public var confidence: Double

    public init(
        id: String, type: EventType, date: EDTFDate?, actor: EntityRef, counterparties: [EntityRef] = [],
        participants: [Participant] = [], place: EntityRef? = nil, evidence: Evidence, confidence: Double
    ) {
        self.id = id
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

/// The relation predicates extraction reports.
public enum RelationPredicate: String, Hashable, Sendable, Codable, CaseIterable {
    case holdsRole = "holds_role"
    case headquarteredIn = "headquartered_in"
}

/// A fact linking two entities, with its evidence: a person holds a role at an organization,
/// an organization is headquartered in a place.
public struct ExtractedRelation: Hashable, Sendable {
    public var subject: EntityRef
    public var predicate: RelationPredicate
    public var object: EntityRef
    /// The role, canonical English ("Chief Strategy Officer"), for `holds_role`.
    public var role: String?
    public var evidence: Evidence

    public init(subject: EntityRef, predicate: RelationPredicate, object: EntityRef, role: String? = nil, evidence: Evidence) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.role = role
        self.evidence = evidence
    }
}
