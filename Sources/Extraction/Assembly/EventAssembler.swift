/// Turns the drafts the rules found into the article's events: stable ids, evidence in original
/// offsets, counterparties without the actor, in the order the article tells them.
enum EventAssembler {
    static func assemble(_ drafts: [DraftEvent], doc: Document) -> [ExtractedEvent] {
        var ids = Set<String>()
        var events: [ExtractedEvent] = []
        for draft in drafts {
            let counterparties = uniqueEntities(draft.counterparties.filter { $0.id != draft.actor.id })
            let participants = draft.participants.filter { $0.entity.id != draft.actor.id || draft.type == .agreementSigned }
            var id = eventID(draft, counterparties: counterparties)
            var suffix = 2
            while ids.contains(id) {
                id = eventID(draft, counterparties: counterparties) + "-\(suffix)"
                suffix += 1
            }
            ids.insert(id)
            let sentence = doc.sentences[draft.sentence].sentence
            events.append(ExtractedEvent(
                id: id, type: draft.type, date: draft.date, actor: draft.actor, counterparties: counterparties,
                participants: participants, place: draft.place, evidence: doc.cleaned.evidence(for: sentence),
                confidence: (draft.confidence * 100).rounded() / 100
            ))
        }
        return events
    }

    /// A stable hash of (type, actor, place or the sorted parties, date).
    static func eventID(_ draft: DraftEvent, counterparties: [EntityRef]) -> String {
        var key = draft.type.rawValue + "|" + draft.actor.id + "|"
        switch draft.type {
        case .agreementSigned: key += counterparties.map(\.id).sorted().joined(separator: ",")
        default: key += draft.place?.id ?? "-"
        }
        key += "|" + (draft.date?.description ?? "-")
        var hash = SHA256()
        hash.update(Array(key.utf8))
        return String(SHA256.hex(of: hash.finalize()).prefix(16))
    }

    static func uniqueEntities(_ entities: [EntityRef]) -> [EntityRef] {
        var seen = Set<String>()
        return entities.filter { seen.insert($0.id).inserted }
    }
}
