/// An event as the rules find it, before assembly gives it an id and its final evidence.
struct DraftEvent: Sendable {
    var type: EventType
    /// The sentence that states it best: its evidence.
    var sentence: Int
    /// The last sentence that spoke of it.
    var lastSentence: Int = -1
    var actor: EntityRef
    var counterparties: [EntityRef] = []
    var participants: [Participant] = []
    var place: EntityRef?
    var date: EDTFDate?
    var confidence: Double
    var rule: String

    /// The parties of an agreement: actor and counterparties.
    var parties: Set<String> { Set([actor.id] + counterparties.map(\.id)) }
}

/// The events of one article, kept one per real event: the same event stated twice is merged,
/// with the most precise date; signatories and people met join the event they belong to.
struct EventBook: Sendable {
    private(set) var events: [DraftEvent] = []
    /// What happened to each draft, for `--explain`.
    private(set) var notes: [String] = []

    /// Adds a draft, or merges it into an event it restates. Returns the event's index.
    @discardableResult
    mutating func add(_ draft: DraftEvent) -> Int {
        if let index = events.lastIndex(where: { Self.restates(draft, $0) }) {
            merge(draft, into: index)
            notes.append("merged into event \(index + 1)")
            return index
        }
        var fresh = draft
        fresh.lastSentence = draft.sentence
        events.append(fresh)
        return events.count - 1
    }

    static func restates(_ a: DraftEvent, _ b: DraftEvent) -> Bool {
        guard a.type == b.type, datesAgree(a.date, b.date) else { return false }
        switch a.type {
        case .officeOpened, .officeAnnounced:
            return a.actor.id == b.actor.id && a.place?.id == b.place?.id
        case .visit:
            return a.actor.id == b.actor.id && placesAgree(a.place, b.place)
        case .agreementSigned:
            let pa = a.parties
            let pb = b.parties
            return pa.isSubset(of: pb) || pb.isSubset(of: pa)
        }
    }

    static func datesAgree(_ a: EDTFDate?, _ b: EDTFDate?) -> Bool {
        guard let a, let b else { return true }
        return a.isCompatible(with: b)
    }

    /// Same place, or one is the country the other lies in, or one is unknown.
    static func placesAgree(_ a: EntityRef?, _ b: EntityRef?) -> Bool {
        guard let a, let b else { return true }
        if a.id == b.id { return true }
        if b.id.hasPrefix("place/country"), a.country == b.name { return true }
        if a.id.hasPrefix("place/country"), b.country == a.name { return true }
        return false
    }

    private mutating func merge(_ draft: DraftEvent, into index: Int) {
        var event = events[index]
        event.lastSentence = max(event.lastSentence, draft.sentence)
        var better = draft.counterparties.count > event.counterparties.count
        if let date = draft.date {
            if let current = event.date {
                if date.precision > current.precision, current.contains(date) {
                    event.date = date
                    better = true
                }
            } else {
                event.date = date
                better = true
            }
        }
        if better, draft.type != .officeOpened || event.date == draft.date { event.sentence = draft.sentence }
        for party in draft.counterparties where party.id != event.actor.id && !event.counterparties.contains(party) {
            event.counterparties.append(party)
        }
        if draft.type == .agreementSigned, draft.actor.id != event.actor.id, !event.counterparties.contains(draft.actor) {
            event.counterparties.append(draft.actor)
        }
        for participant in draft.participants where !event.participants.contains(where: { $0.entity.id == participant.entity.id }) {
            event.participants.append(participant)
        }
        if let place = draft.place {
            if let current = event.place {
                // The more precise place wins: a city over its country.
                if current.id.hasPrefix("place/country"), place.country == current.name { event.place = place }
            } else {
                event.place = place
            }
        }
        event.confidence = min(0.99, max(event.confidence, draft.confidence) + 0.03)
        events[index] = event
    }

    /// The latest event of a type, within `window` sentences before `sentence`.
    func latest(_ type: EventType, before sentence: Int, window: Int = 3) -> Int? {
        events.lastIndex { $0.type == type && max($0.sentence, $0.lastSentence) <= sentence && sentence - max($0.sentence, $0.lastSentence) <= window }
    }

    /// The latest event of any type.
    var last: DraftEvent? { events.last }

    /// Adds signatories (people who signed or attended) and a missing date or place to an agreement.
    mutating func attach(signatories: [EntityRef], date: EDTFDate?, place: EntityRef?, to index: Int) {
        var event = events[index]
        for person in signatories where !event.participants.contains(where: { $0.entity.id == person.id }) {
            event.participants.append(Participant(entity: person, role: "signatory"))
        }
        if let date, event.date == nil || (event.date!.contains(date) && date.precision > event.date!.precision) {
            event.date = date
        }
        if event.place == nil { event.place = place }
        events[index] = event
    }

    /// Adds the organizations and people a visitor met.
    mutating func attach(met people: [EntityRef], organizations: [EntityRef], to index: Int) {
        var event = events[index]
        for organization in organizations where !event.counterparties.contains(organization) && organization.id != event.actor.id {
            event.counterparties.append(organization)
        }
        for person in people where person.id != event.actor.id && !event.participants.contains(where: { $0.entity.id == person.id }) {
            event.participants.append(Participant(entity: person, role: "met"))
        }
        events[index] = event
    }
}
