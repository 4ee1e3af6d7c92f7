/// English event and relation rules: subject before the verb, objects and places after it, words
/// from `EnglishEventLexicon`.
extension RuleRunner {
    typealias E = EnglishEventLexicon

    mutating func englishSentence(_ s: Int) {
        englishLayout = nil
        let body = computeBodyStart(s)
        englishLayout = (s, body, computeClauses(s, body: body))
        englishHeadquarters(s)
        englishAgreements(s)
        englishOffices(s)
        englishFollows(s)
        englishVisits(s)
        englishMeetings(s)
    }

    static let prepositions: WordSet = ["of", "at", "in", "by", "from", "for", "to", "with", "on", "about", "into", "than"]

    /// Where the sentence proper starts, after a dateline ('SEOUL, Nov 19 -', '… /PRNewswire/ --').
    func bodyStart(_ s: Int) -> Int {
        if let layout = englishLayout, layout.sentence == s { return layout.body }
        return computeBodyStart(s)
    }

    func computeBodyStart(_ s: Int) -> Int {
        let items = items(s)
        let limit = min(items.count, 30)
        for i in 0..<limit where items[i].isPunct("-") || items[i].isPunct("—") || items[i].isPunct("–") {
            let before = items[..<i]
            if before.contains(where: { $0.isWord && $0.stem.count >= 3 && $0.stem == $0.stem.uppercased() && $0.stem.unicodeScalars.first!.isASCIIUppercase }) {
                var j = i + 1
                while j < items.count, items[j].isPunct("-") { j += 1 }
                return j
            }
        }
        return 0
    }

    /// Clause ranges: a sentence splits at ';', at a comma before 'and', 'but', 'when', 'which' …, and
    /// at 'and' before another event verb ('visited Seoul … and came back …').
    func englishClauses(_ s: Int) -> [Range<Int>] {
        if let layout = englishLayout, layout.sentence == s { return layout.clauses }
        return computeClauses(s, body: computeBodyStart(s))
    }

    func computeClauses(_ s: Int, body: Int) -> [Range<Int>] {
        let items = items(s)
        var cuts: [Int] = []
        let verbs = E.clauseVerbs
        for i in items.indices {
            if items[i].isPunct(";") { cuts.append(i + 1) }
            if items[i].isPunct(","), i + 2 < items.count, E.clauseOpeners.contains(items[i + 1].lower),
               !(items[i + 1].lower == "and" && (items[i + 2].kind == .organization || items[i + 2].isCapitalized))
            {
                cuts.append(i + 1)
            }
            if items[i].lower == "and" || items[i].lower == "but", i + 1 < items.count, verbs.contains(items[i + 1].lower),
               i == 0 || !items[i - 1].isPunct(",")
            {
                cuts.append(i)
            }
        }
        // 'After opening an office in X in May, A opened another in Y': a leading subordinate clause ends at its comma.
        if body < items.count, E.subordinators.contains(items[body].lower),
           let comma = (body..<items.count).first(where: { items[$0].isPunct(",") })
        {
            cuts.append(comma + 1)
        }
        var ranges: [Range<Int>] = []
        var start = body
        for cut in cuts.sorted() where cut > start {
            ranges.append(start..<cut)
            start = cut
        }
        if start < items.count { ranges.append(start..<items.count) }
        return ranges
    }

    func englishClause(_ s: Int, containing i: Int) -> Range<Int> {
        englishClauses(s).first { $0.contains(i) } ?? 0..<items(s).count
    }

    /// The negation, hypothetical or denial cue in items `range`, if any.
    func englishNegated(_ s: Int, _ range: Range<Int>) -> String? {
        // Case kept: 'May' is a month, 'may' a hypothetical.
        var bytes: [UInt8] = [0x20]
        let items = items(s)
        for i in range {
            bytes.append(contentsOf: (items[i].isPunct ? items[i].stem : items[i].text).utf8)
            bytes.append(0x20)
        }
        // ASCII letters in lower case: 'If' is 'if'.
        let lowered = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        return E.spacedNegationCues.first { ($0.caseSensitive ? bytes : lowered).containsBytes($0.spaced) }?.cue
    }

    /// True when the date ending at item `next` (the first item after it) sits beside a reporting verb.
    func nearEnglishReport(_ s: Int, _ next: Int) -> Bool {
        let items = items(s)
        if next < items.count, E.reportVerbs.contains(items[next].lower) { return true }
        // 'announced on Monday', 'said on Tuesday': look before the date.
        guard let dateStart = doc.sentences[s].dates.first(where: { d in items.firstIndex { $0.start >= d.end } == next })?.start,
              let first = items.firstIndex(where: { $0.start >= dateStart })
        else { return false }
        for k in max(0, first - 2)..<first where E.reportVerbs.contains(items[k].lower) { return true }
        return false
    }

    func isEnglishReportDate(_ s: Int, _ date: DateMention) -> Bool {
        let items = items(s)
        guard let next = items.firstIndex(where: { $0.start >= date.end }) else { return false }
        return nearEnglishReport(s, next)
    }

    /// The event's date: the first date of the clause that is not a report's; else (for past events)
    /// one in the sentence before the verb.
    func englishEventDate(_ s: Int, clause: Range<Int>, verb v: Int) -> (EDTFDate?, Bool) {
        let clauseDates = dates(s, clause).filter { $0.value != nil && $0.tense != .future && !isEnglishReportDate(s, $0) }
        if let date = clauseDates.first { return (date.value, date.kind == .anaphoric) }
        let before = dates(s, bodyStart(s)..<v).filter { $0.value != nil && $0.tense != .future && !isEnglishReportDate(s, $0) }
        if let date = before.last { return (date.value, date.kind == .anaphoric) }
        // 'said on Tuesday it had opened', '…, the two companies announced yesterday': with no other
        // date, the day it was made known.
        if let report = dates(s, bodyStart(s)..<items(s).count).first(where: { $0.value != nil && $0.tense != .future && isEnglishReportDate(s, $0) }) {
            return (report.value, true)
        }
        return (nil, false)
    }

    /// The organizations acting before item `v`: not inside a prepositional phrase.
    func englishSubjects(_ s: Int, _ range: Range<Int>) -> [EntityRef] {
        let items = items(s)
        var found: [EntityRef] = []
        for i in range where items[i].kind == .organization {
            let previous = i > 0 ? items[i - 1].lower : ""
            let previous2 = i > 1 ? items[i - 2].lower : ""
            if Self.prepositions.contains(previous) || (["the", "a"].contains(previous) && Self.prepositions.contains(previous2)) { continue }
            if i > 0, items[i - 1].isPunct("("), found.contains(items[i].entity!) { continue }
            found.append(items[i].entity!)
        }
        return unique(found)
    }

    /// The acting organization before `v`, else the one the article is about.
    func englishActor(_ s: Int, clause: Range<Int>, verb v: Int) -> (EntityRef, Mention.Source?, Bool)? {
        let items = items(s)
        if let i = (clause.lowerBound..<v).last(where: { items[$0].kind == .organization && !Self.prepositions.contains($0 > 0 ? items[$0 - 1].lower : "") }) {
            return (items[i].entity!, items[i].mention?.source, false)
        }
        if let i = (bodyStart(s)..<v).last(where: { items[$0].kind == .organization && !Self.prepositions.contains($0 > 0 ? items[$0 - 1].lower : "") }) {
            return (items[i].entity!, items[i].mention?.source, false)
        }
        // A leading clause with no subject ('After opening …, A opened …'): the main clause's subject.
        if clause.lowerBound == bodyStart(s), clause.upperBound < items.count, E.subordinators.contains(items[clause.lowerBound].lower),
           let i = (clause.upperBound..<items.count).first(where: { items[$0].kind == .organization })
        {
            return (items[i].entity!, items[i].mention?.source, false)
        }
        if let main = doc.mainOrganization ?? lastActor { return (main, nil, true) }
        return nil
    }

    /// Places of items `range`, without those after 'outside', 'south of', 'near' ….
    func englishPlaces(_ s: Int, _ range: Range<Int>) -> [EntityRef] {
        let items = items(s)
        var indices: [Int] = []
        for i in range where items[i].kind == .place {
            // The word before the place, past 'of' and 'the': 'outside the', 'south of', 'outside of the'.
            var k = i - 1
            while k >= 0, i - k <= 2, E.placeExclusionLinks.contains(items[k].lower) { k -= 1 }
            if k >= 0, E.placeExclusions.contains(items[k].lower) { continue }
            // "Saudi Arabia's Ministry of …": the country owns the organization; the event is not placed there.
            if items[i].particle == "'s", i + 1 < items.count, items[i + 1].kind == .organization { continue }
            // An adjective use: 'South Korean', "Korea's" as a possessive of a market stays a place.
            indices.append(i)
        }
        return places(s, indices)
    }

    // MARK: Agreements

    mutating func englishAgreements(_ s: Int) {
        let items = items(s)
        var v = bodyStart(s)
        while v < items.count {
            let word = items[v].lower
            let isSign = E.signVerbs.contains(word) || E.signPhrases.contains { phrase in
                // By index: zipping a slice of items would copy each item.
                v + phrase.count <= items.count
                    && (phrase.isEmpty || phrase[0] == word && (1..<phrase.count).allSatisfy { phrase[$0] == items[v + $0].lower })
            }
            guard isSign, items[v].mention == nil else {
                v += 1
                continue
            }
            let clause = englishClause(s, containing: v)
            let passive = v > 0 && ["was", "were", "been", "be"].contains(items[v - 1].lower)
            let nounRange = passive ? clause.lowerBound..<v : (v + 1)..<min(clause.upperBound, v + 9)
            guard let n = nounRange.first(where: { E.agreementNouns.contains(items[$0].lower) }) else {
                v += 1
                continue
            }
            if let cue = englishNegated(s, clause) {
                note("agreement '\(items[n].stem)' not taken: '\(cue.filter { $0 != " " })'")
                v += 1
                continue
            }
            var parties = englishSubjects(s, clause.lowerBound..<(passive ? n : v))
            // 'with X and Y'.
            var withParties: [EntityRef] = []
            if let w = ((passive ? v : n)..<clause.upperBound).first(where: { items[$0].lower == "with" }) {
                var k = w + 1
                while k < clause.upperBound {
                    let item = items[k]
                    if item.lower == "to" || item.lower == "for" || item.lower == "on" || item.lower == "about" { break }
                    if item.isPunct(","), k + 1 < clause.upperBound, items[k + 1].kind != .organization, !["the", "and"].contains(items[k + 1].lower) { break }
                    if item.kind == .organization { withParties.append(item.entity!) }
                    k += 1
                }
            }
            parties = unique(parties + withParties)
            // People: 'signed by X, Y and Z', 'attended by …', 'Binh and Park signed'.
            var people = items[clause.lowerBound..<v].compactMap { $0.kind == .person ? $0.entity : nil }
            if let by = (v..<items.count).first(where: { items[$0].lower == "by" }) {
                people += items[by...].compactMap { $0.kind == .person ? $0.entity : nil }
            }
            people = unique(people)
            let (date, dateCarried) = englishEventDate(s, clause: clause, verb: v)
            let place = englishPlaces(s, v..<clause.upperBound).first
            if parties.isEmpty {
                if let index = book.latest(.agreementSigned, before: s) {
                    book.attach(signatories: people, date: date, place: place, to: index)
                    note("agreement '\(items[n].stem)': signatories \(people.map(\.name)) join event \(index + 1)")
                }
                v += 1
                continue
            }
            let actor = parties[0]
            var finalDate = date
            var finalPlace = place
            var carried = dateCarried
            if carryCue(s), let previous = book.last {
                if finalDate == nil { finalDate = previous.date; carried = true }
                if finalPlace == nil, placeCarryCue(s) { finalPlace = previous.place }
            }
            let index = book.add(DraftEvent(
                type: .agreementSigned, sentence: s, actor: actor, counterparties: Array(parties.dropFirst()),
                participants: people.map { Participant(entity: $0, role: "signatory") }, place: finalPlace, date: finalDate,
                confidence: confidence(actorFrom: nil, carriedActor: false, carriedDate: carried, contextPlace: false),
                rule: "en.agreement"
            ))
            note("agreement.signed ← '\(items[v].text) … \(items[n].stem)': \(actor.name) with \(parties.dropFirst().map(\.name)), date \(finalDate?.description ?? "none") → event \(index + 1)")
            v = clause.upperBound
        }
    }

    // MARK: Offices

    mutating func englishOffices(_ s: Int) {
        let items = items(s)
        var v = bodyStart(s)
        while v < items.count {
            let word = items[v].lower
            var type: EventType?
            var verbEnd = v + 1
            if E.openVerbs.contains(word) {
                type = .officeOpened
            } else if E.openGerunds.contains(word), v > 0, E.gerundLeads.contains(items[v - 1].lower) {
                type = .officeOpened
                if word == "setting", v + 1 < items.count, items[v + 1].lower == "up" { verbEnd = v + 2 }
            } else if E.followVerbs.contains(word), v + 1 < items.count, E.followPrepositions.contains(items[v + 1].lower),
                      items[..<v].contains(where: { E.officeNouns.contains($0.lower) })
            {
                // 'opened its first office in X and followed with an office in Y'.
                type = .officeOpened
                verbEnd = items[v + 1].lower == "up" && v + 2 < items.count && items[v + 2].lower == "with" ? v + 3 : v + 2
            } else if word == "set" || word == "sets", v + 1 < items.count, items[v + 1].lower == "up", v == 0 || !["to", "will", "would"].contains(items[v - 1].lower) {
                type = .officeOpened
                verbEnd = v + 2
            } else if E.openBaseVerbs.contains(word), v > 0 {
                let before = items[v - 1].lower
                let before2 = v > 1 ? items[v - 2].lower : ""
                let reported = items[..<v].contains { E.reportVerbs.contains($0.lower) }
                if before == "will" || (before == "to" && ["plans", "plan", "planned", "intends", "aims", "set", "is", "are"].contains(before2))
                    || (before == "would" && reported)
                {
                    type = .officeAnnounced
                    if word == "set", v + 1 < items.count, items[v + 1].lower == "up" { verbEnd = v + 2 }
                }
            }
            guard let eventType = type, items[v].mention == nil else {
                v += 1
                continue
            }
            let clause = englishClause(s, containing: v)
            // The office: after the verb ('opened an office in'), or before it ('office … which opened').
            var office = (verbEnd..<min(clause.upperBound, verbEnd + 6)).first { E.officeNouns.contains(items[$0].lower) }
            // 'would open another in Seoul': an office named earlier in the sentence.
            // 'opened another in Seoul', 'opened a second one in Taipei'.
            if office == nil, items[..<v].contains(where: { E.officeNouns.contains($0.lower) }),
               let anaphor = (verbEnd..<min(clause.upperBound, verbEnd + 3)).first(where: { E.officeAnaphors.contains(items[$0].lower) })
            {
                office = anaphor
            }
            var placeRange = verbEnd..<clause.upperBound
            if office == nil, v > 0, ["which", "that"].contains(items[v - 1].lower) {
                office = (bodyStart(s)..<v).last { E.officeNouns.contains(items[$0].lower) }
                if let o = office { placeRange = o..<v }
            }
            guard let o = office else {
                v += 1
                continue
            }
            if let cue = englishNegated(s, clause) {
                note("office '\(items[o].stem)' not taken: '\(cue.filter { $0 != " " })'")
                v = clause.upperBound
                continue
            }
            let places = englishPlaces(s, placeRange)
            guard !places.isEmpty else {
                note("office '\(items[o].stem)' has no place: nothing found")
                v += 1
                continue
            }
            guard let (actor, source, carried) = englishActor(s, clause: clause, verb: v) else {
                v += 1
                continue
            }
            let (date, dateCarried): (EDTFDate?, Bool)
            if eventType == .officeOpened {
                (date, dateCarried) = englishEventDate(s, clause: clause, verb: v)
            } else if carryCue(s), let previous = book.last, dates(s, bodyStart(s)..<items.count).allSatisfy({ $0.tense == .future || isEnglishReportDate(s, $0) == false && $0.value == nil }) {
                (date, dateCarried) = (previous.date, true)
            } else {
                (date, dateCarried) = announcementDate(s, bodyStart(s)..<clause.upperBound)
            }
            for place in places {
                let index = book.add(DraftEvent(
                    type: eventType, sentence: s, actor: actor, place: place, date: date,
                    confidence: confidence(actorFrom: source, carriedActor: carried, carriedDate: dateCarried, contextPlace: false),
                    rule: "en.office"
                ))
                note("\(eventType.rawValue) ← '\(items[v].text) … \(items[o].stem)': \(actor.name) in \(place.name), date \(date?.description ?? "none") → event \(index + 1)")
            }
            v = clause.upperBound
        }
    }

    /// 'Dublin followed later that year': another office like the one before.
    mutating func englishFollows(_ s: Int) {
        let items = items(s)
        let start = bodyStart(s)
        var k = start
        while k < items.count, items[k].kind == .place || items[k].lower == "and" || items[k].isPunct(",") { k += 1 }
        guard k > start, k < items.count, E.followVerbs.contains(items[k].lower),
              let previous = book.events.last(where: { $0.type == .officeOpened || $0.type == .officeAnnounced }), s - previous.sentence <= 2
        else { return }
        var date = dates(s, k..<items.count).first { $0.value != nil }?.value
        if date == nil, phrase(s, k..<items.count).lowercased().contains("that year"), let year = previous.date?.year {
            date = EDTFDate(year: year)
        }
        for place in places(s, Array(start..<k)) {
            let index = book.add(DraftEvent(
                type: previous.type, sentence: s, actor: previous.actor, place: place, date: date, confidence: 0.7, rule: "en.office.follow"
            ))
            note("\(previous.type.rawValue) ← '\(items[k].text)' after the office before: \(previous.actor.name) in \(place.name), date \(date?.description ?? "none") → event \(index + 1)")
        }
    }

    // MARK: Visits

    mutating func englishVisits(_ s: Int) {
        let items = items(s)
        var v = bodyStart(s)
        while v < items.count {
            let word = items[v].lower
            var place: EntityRef?
            var isReturn = false
            var isNoun = false
            if E.visitVerbs.contains(word) {
                place = (v + 1..<min(items.count, v + 3)).lazy.compactMap { items[$0].kind == .place ? items[$0].entity : nil }.first
            } else if E.visitNouns.contains(word), v + 2 < items.count, items[v + 1].lower == "to",
                      !(max(0, v - 2)..<v).contains(where: { E.visitNounBlockers.contains(items[$0].lower) })
            {
                // 'During a visit to South Korea on Aug. 21, V met …'.
                place = (v + 2..<min(items.count, v + 4)).lazy.compactMap { items[$0].kind == .place ? items[$0].entity : nil }.first
                isNoun = true
            } else if E.travelVerbs.contains(word), v + 2 < items.count, ["to", "in"].contains(items[v + 1].lower) {
                place = items[v + 2].kind == .place ? items[v + 2].entity : nil
                // 'returned to the country' is a trip back; 'returned to double digits' is not.
                if word == "returned", place == nil,
                   (v + 2..<min(items.count, v + 4)).contains(where: { E.returnTargets.contains(items[$0].lower) })
                {
                    isReturn = true
                }
            } else if word == "came", v + 1 < items.count, items[v + 1].lower == "back" {
                isReturn = true
            }
            guard place != nil || isReturn, items[v].mention == nil else {
                v += 1
                continue
            }
            let clause = englishClause(s, containing: v)
            if let cue = englishNegated(s, clause) {
                note("visit '\(items[v].text)' not taken: '\(cue.filter { $0 != " " })'")
                v += 1
                continue
            }
            if v > 0, ["will", "to", "would"].contains(items[v - 1].lower) {
                v += 1
                continue
            }
            var actor = items[clause.lowerBound..<v].last { $0.kind == .person }?.entity
                ?? items[bodyStart(s)..<v].last { $0.kind == .person }?.entity
            if actor == nil, isNoun {
                // The visitor is the subject after the leading phrase: 'During a visit to X, V met …'.
                actor = items[v...].first { $0.kind == .person }?.entity
            }
            // An organization as the subject makes no person's trip ('X returned to …').
            let organizationSubject = items[clause.lowerBound..<v].contains { $0.kind == .organization }
            var carried = false
            if actor == nil, !organizationSubject,
               items[clause.lowerBound..<v].contains(where: { E.personPronouns.contains($0.lower) }) || isReturn
                || (isNoun && (max(0, v - 2)..<v).contains(where: { E.personPossessives.contains(items[$0].lower) }))
            {
                actor = book.events.last { $0.type == .visit }?.actor ?? lastPerson
                carried = true
            }
            guard let actor else {
                v += 1
                continue
            }
            if isReturn { place = book.events.last { $0.type == .visit && $0.actor.id == actor.id }?.place }
            guard let place else {
                v += 1
                continue
            }
            let (date, dateCarried) = englishEventDate(s, clause: clause, verb: v)
            let index = book.add(DraftEvent(
                type: .visit, sentence: s, actor: actor, place: place, date: date,
                confidence: confidence(actorFrom: nil, carriedActor: carried, carriedDate: dateCarried, contextPlace: false), rule: "en.visit"
            ))
            note("visit ← '\(items[v].text)': \(actor.name) to \(place.name), date \(date?.description ?? "none") → event \(index + 1)")
            v += 1
        }
    }

    /// 'met executives of Samsung Electronics and SK hynix', 'Binh met … Chairman Park Sang-won'.
    mutating func englishMeetings(_ s: Int) {
        let items = items(s)
        for m in items.indices where E.meetVerbs.contains(items[m].lower) && items[m].mention == nil {
            let sentenceDate = dates(s, 0..<items.count).first { $0.value != nil && !isEnglishReportDate(s, $0) }?.value
            let visitIndex = book.events.lastIndex { event in
                event.type == .visit && (event.sentence == s || (s - event.sentence <= 2 && EventBook.datesAgree(event.date, sentenceDate)))
            }
            guard let index = visitIndex else { continue }
            let visit = book.events[index]
            let ownOrganization = roleOrganization(of: visit.actor)
            var people: [EntityRef] = []
            var organizations: [EntityRef] = []
            var k = m + 1
            while k < items.count {
                let item = items[k]
                if E.reportVerbs.contains(item.lower) || (item.lower == "to" && k > m + 1) || item.lower == "about" { break }
                if item.isPunct(","), k + 1 < items.count, ["the", "a", "according", "when", "who"].contains(items[k + 1].lower) { break }
                if let entity = item.entity {
                    if entity.kind == .person, entity.id != visit.actor.id {
                        people.append(entity)
                    } else if entity.kind == .organization, entity.id != ownOrganization?.id {
                        organizations.append(entity)
                    }
                }
                k += 1
            }
            organizations += people.compactMap { roleOrganization(of: $0) }
            attachMeeting(people: people, organizations: organizations, to: index, verb: items[m].text)
        }
    }

    // MARK: Headquarters

    mutating func englishHeadquarters(_ s: Int) {
        let items = items(s)
        for h in items.indices where items[h].mention == nil {
            var place: EntityRef?
            var organization: EntityRef?
            if E.headquartersWords.contains(items[h].lower), h + 2 < items.count, items[h + 1].lower == "in" {
                var group: [Int] = []
                var k = h + 2
                while k < items.count, k - h <= 5, items[k].kind == .place || items[k].isPunct(",") {
                    if items[k].kind == .place { group.append(k) }
                    k += 1
                }
                place = group.first.flatMap { items[$0].entity }
                if let first = group.first, let entity = items[first].entity, placeType(entity) != "city" && placeType(entity) != "capital",
                   let city = group.compactMap({ items[$0].entity }).first(where: { ["city", "capital"].contains(placeType($0)) })
                {
                    place = city
                }
                organization = englishSubjects(s, 0..<h).last
                    ?? items[k...].first { $0.kind == .organization }?.entity
            } else if items[h].text.bytesHavePrefix("-based") || items[h].lower.bytesHaveSuffix("-based"), h > 0 {
                // 'The Osaka-based company', 'The Austin, Texas-based company'.
                var k = h - 1
                var candidates: [EntityRef] = []
                while k >= 0, h - k <= 3, items[k].kind == .place || items[k].isPunct(",") {
                    if let entity = items[k].entity { candidates.insert(entity, at: 0) }
                    k -= 1
                }
                place = candidates.first { ["city", "capital"].contains(placeType($0)) } ?? candidates.last
                guard h + 1 < items.count else { continue }
                let next = items[h + 1]
                if next.kind == .organization {
                    organization = next.entity
                } else if E.companyPronouns.contains(next.lower) || NameLexicon.englishDescriptors.contains(next.lower) {
                    organization = items[(h + 1)...].first { $0.kind == .organization }?.entity ?? doc.mainOrganization
                }
            }
            guard let place, let organization else { continue }
            addHeadquarters(organization, place, sentence: s)
        }
    }
}
