/// Korean event and relation rules: structure from particles and word order, words from
/// `KoreanEventLexicon`.
extension RuleRunner {
    typealias K = KoreanEventLexicon

    mutating func koreanSentence(_ s: Int) {
        koreanHeadquarters(s)
        let agreements = koreanAgreements(s)
        if !agreements { koreanSignatories(s) }
        koreanOffices(s)
        koreanBackReference(s)
        koreanVisits(s)
        koreanMeetings(s)
        // '2일 밝혔다': the date of a report, for a later '이날 밝혔다'.
        let items = items(s)
        for date in doc.sentences[s].dates where date.kind != .anaphoric {
            if let after = items.firstIndex(where: { $0.start >= date.end }), isReportVerb(items[after]) || koreanReportDay(s, date),
               let value = date.value
            {
                lastReportDate = value
            }
        }
    }

    func isReportVerb(_ item: Item) -> Bool {
        guard item.isWord, let first = item.text.unicodeScalars.first, K.reportFirst.contains(first) else { return false }
        return K.reportVerbs.contains { item.text.bytesHavePrefix($0) }
    }

    static let clauseEndings = ["며", "고", "해", "서", "후", "뒤", "면서", "으며", "이후", "는데", "지만"]
    static let clauseEndingExceptions = [
        "다고", "라고", "위해", "통해", "대해", "의해", "관해", "따라", "하고", "최고", "하여", "그리고", "지난해", "올해", "내년",
        "작년", "새해", "이후에", "당해",
    ]

    func isClauseBoundary(_ item: Item) -> Bool {
        if item.isPunct { return item.stem == ";" }
        guard item.mention == nil, item.particle == nil, let last = item.text.unicodeScalars.last,
              K.clauseLast.contains(last)
        else { return false }
        let text = item.text
        if Self.clauseEndingExceptions.contains(where: { text.bytesHaveSuffix($0) }) { return false }
        return Self.clauseEndings.contains { text.bytesHaveSuffix($0) } && text.unicodeScalars.count >= 2
    }

    /// The clause around a trigger noun `t` and its verb `v`: from after the boundary before `t` to the
    /// boundary at or after `v`.
    func koreanClause(_ s: Int, _ t: Int, _ v: Int) -> Range<Int> {
        let items = items(s)
        let dateStarts = doc.sentences[s].dates.map(\.start)
        func boundary(_ i: Int) -> Bool {
            isClauseBoundary(items[i]) && !dateStarts.contains { $0 >= items[i].start && $0 < items[i].end }
        }
        var start = t
        while start > 0, !boundary(start - 1) { start -= 1 }
        var end = v
        while end < items.count, !boundary(end) { end += 1 }
        return start..<min(items.count, end + 1)
    }

    /// From the verb to the next comma or the sentence end: where '예정', '경우', '관측' would be.
    func koreanTail(_ s: Int, _ v: Int) -> Range<Int> {
        let items = items(s)
        var end = v + 1
        while end < items.count, !items[end].isPunct(",") { end += 1 }
        return v..<end
    }

    func koreanNegated(_ s: Int, _ clause: Range<Int>, _ tail: Range<Int>) -> String? {
        let text = phrase(s, clause.lowerBound..<max(clause.upperBound, tail.upperBound))
        let bytes = Array(text.utf8)
        return K.negationCues.first { bytes.containsBytes($0) }
    }

    func koreanFuture(_ s: Int, _ tail: Range<Int>) -> Bool {
        let text = phrase(s, tail)
        let bytes = Array(text.utf8)
        return K.futureCues.contains { bytes.containsBytes($0) }
    }

    /// The acting organization: a subject or topic in the clause, then in the sentence before the
    /// trigger, then '회사는' / the sentence before / the article's main organization.
    func koreanActor(_ s: Int, before t: Int, clause: Range<Int>) -> (EntityRef, Mention.Source?, Bool)? {
        let items = items(s)
        let subject = K.actorParticles
        for i in clause.lowerBound..<t where items[i].kind == .organization && subject.contains(items[i].particle ?? "") {
            return (items[i].entity!, items[i].mention?.source, false)
        }
        for i in 0..<t where items[i].kind == .organization && subject.contains(items[i].particle ?? "") {
            return (items[i].entity!, items[i].mention?.source, false)
        }
        // '회사는', '회사 측은': the organization the article is about.
        if items[..<t].contains(where: { K.companyPronouns.contains($0.stem) && subject.contains($0.particle ?? "") }),
           let main = doc.mainOrganization
        {
            return (main, nil, true)
        }
        // An organization opening the sentence with no particle ('KOTRA 관계자는') is no actor; the
        // sentence before is, or the organization the article is about.
        let fallback = lastActor ?? doc.mainOrganization
        if let fallback { return (fallback, nil, true) }
        return nil
    }

    // MARK: Agreements

    /// '오픈AI는 한국산업은행과 … 업무협약을 체결했다'. Returns true when an agreement with parties was found.
    mutating func koreanAgreements(_ s: Int) -> Bool {
        var found = false
        var t = 0
        while t < items(s).count {
            let items = items(s)
            guard items[t].isWord, items[t].mention == nil, K.agreementNouns.contains(where: { items[t].stem.bytesContain($0) }) else {
                t += 1
                continue
            }
            let item = items[t]
            guard let v = (t..<min(items.count, t + 6)).first(where: { i in
                items[i].isWord && K.signVerbs.contains { items[i].text.bytesHavePrefix($0) || (i == t && items[i].text.bytesContain($0)) }
            }) else {
                t += 1
                continue
            }
            let clause = koreanClause(s, t, v)
            let tail = koreanTail(s, v)
            if let cue = koreanNegated(s, clause, tail) {
                note("agreement '\(item.stem)' not taken: '\(cue)'")
                t = v + 1
                continue
            }
            if koreanFuture(s, tail) {
                note("agreement '\(item.stem)' not taken: a plan, not a signing")
                t = v + 1
                continue
            }
            // Parties: the subject, and organizations with 와/과 (and the list before them).
            var actor: (EntityRef, Mention.Source?, Bool)?
            var counterparties: [EntityRef] = []
            let subjectParticles = K.subjectParticles
            let withParticles = K.withParticles
            var pending: [EntityRef] = []
            for i in 0..<t {
                let it = items[i]
                // An organization: a name found, else an institution's name ('조달청', '사우디 투자부는').
                var party = it.kind == .organization ? it.entity : nil
                var source = it.mention?.source
                if party == nil, i >= clause.lowerBound, koreanInstitution(it) {
                    party = doc.known[it.stem] ?? ContextName.entity(.organization, it.stem)
                    source = .suffix
                }
                if let party {
                    let particle = it.particle ?? ""
                    if subjectParticles.contains(particle), actor == nil {
                        actor = (party, source, false)
                        pending = []
                    } else if withParticles.contains(particle) {
                        counterparties += pending + [party]
                        pending = []
                    } else if it.particle == nil, i + 1 < items.count,
                              items[i + 1].isPunct(",") || items[i + 1].isPunct("·") || K.coordinators.contains(items[i + 1].stem)
                    {
                        pending.append(party)
                    } else {
                        pending = []
                    }
                } else if it.isWord, it.mention == nil, withParticles.contains(it.particle ?? ""), i >= clause.lowerBound,
                          doc.isNameWord(it), !Document.isKoreanPersonName(it.stem)
                {
                    // 'X와 업무협약': an unknown party to an agreement is an organization.
                    let entity = doc.known[it.stem] ?? ContextName.entity(.organization, it.stem)
                    counterparties += pending + [entity]
                    pending = []
                } else if !(it.isPunct(",") || it.isPunct("·")) && it.kind != .place && !it.isPunct("(") && !it.isPunct(")") {
                    if it.mention == nil && it.isWord && it.particle != nil { pending = [] }
                }
            }
            // '양사는': the two organizations named just before.
            if actor == nil, items[..<t].contains(where: { K.pairPronouns.contains($0.stem) }) {
                let pair = recentOrganizations(before: s, count: 2)
                if let first = pair.first {
                    actor = (first, nil, true)
                    counterparties += pair.dropFirst()
                }
            }
            counterparties = unique(counterparties).filter { $0.id != actor?.0.id }
            let persons = koreanPeople(s, in: 0..<items.count)
            let sentenceText = phrase(s, 0..<items.count)
            let hasSignatoryCue = K.signatoryCues.contains { sentenceText.bytesContain($0) }
            if actor == nil && counterparties.isEmpty {
                // Signatories of the agreement before: '협약서에는 휘트모어 CEO와 이 대표가 직접 서명했다'.
                if let index = book.latest(.agreementSigned, before: s) {
                    book.attach(signatories: persons, date: nil, place: nil, to: index)
                    note("agreement '\(item.stem)': signatories \(persons.map(\.name)) join event \(index + 1)")
                }
                t = v + 1
                continue
            }
            var carried = false
            if actor == nil {
                if let fallback = lastActor ?? doc.mainOrganization {
                    actor = (fallback, nil, true)
                    carried = true
                }
            }
            guard let (actorEntity, source, actorCarried) = actor else {
                t = v + 1
                continue
            }
            var (date, dateCarried) = koreanEventDate(s, clause: clause, trigger: t)
            var place = koreanLocative(s, clause.lowerBound..<t)
            if date == nil || place == nil, carryCue(s) {
                if let previous = book.last {
                    if date == nil { date = previous.date; dateCarried = true }
                    if place == nil, placeCarryCue(s) { place = previous.place }
                }
            }
            let draft = DraftEvent(
                type: .agreementSigned, sentence: s, actor: actorEntity, counterparties: counterparties,
                participants: hasSignatoryCue ? persons.map { Participant(entity: $0, role: "signatory") } : [],
                place: place, date: date,
                confidence: confidence(actorFrom: source, carriedActor: actorCarried || carried, carriedDate: dateCarried, contextPlace: false),
                rule: "ko.agreement"
            )
            let index = book.add(draft)
            note("agreement.signed ← '\(item.stem) … \(items[v].text)': \(actorEntity.name) with \(counterparties.map(\.name)), date \(date?.description ?? "none") → event \(index + 1)")
            found = true
            t = v + 1
        }
        return found
    }

    /// A word the gazetteer does not know that names a public body by its ending ('투자부', '조달청',
    /// '국영전력공사'): a ministry, an agency, a state corporation.
    func koreanInstitution(_ item: Item) -> Bool {
        guard item.isWord, item.mention == nil, let last = item.stem.unicodeScalars.last, K.institutionLast.contains(last),
              doc.isNameWord(item), !K.institutionStopwords.contains(item.stem)
        else { return false }
        let count = item.stem.unicodeScalars.count
        return K.institutionEndings.contains { ending in
            // One more syllable than the ending at least, two for a one-syllable ending ('정부' is none).
            item.stem.bytesHaveSuffix(ending) && count >= ending.unicodeScalars.count + (ending.unicodeScalars.count == 1 ? 2 : 1)
        }
    }

    /// '협약식에는 유정민 KOTRA 사장과 … 참석했다': people at the signing of the agreement before.
    mutating func koreanSignatories(_ s: Int) {
        let text = phrase(s, 0..<items(s).count)
        guard K.signatoryCues.contains(where: { text.bytesContain($0) }),
              K.agreementNouns.contains(where: { text.bytesContain($0) }) || text.bytesContain("서명"),
              let index = book.latest(.agreementSigned, before: s, window: 2)
        else { return }
        let persons = koreanPeople(s, in: 0..<items(s).count)
        guard !persons.isEmpty else { return }
        book.attach(signatories: persons, date: nil, place: nil, to: index)
        note("signatories \(persons.map(\.name)) join event \(index + 1)")
    }

    func koreanPeople(_ s: Int, in range: Range<Int>) -> [EntityRef] {
        unique(items(s)[range].compactMap { $0.kind == .person ? $0.entity : nil })
    }

    func unique(_ entities: [EntityRef]) -> [EntityRef] {
        EventAssembler.uniqueEntities(entities)
    }

    /// The latest distinct organizations named (or whose people were named) in the sentences before.
    func recentOrganizations(before s: Int, count: Int) -> [EntityRef] {
        var found: [EntityRef] = []
        var k = s
        while k >= max(0, s - 3), found.count < count {
            for item in items(k).reversed() {
                var entity = item.entity
                if entity?.kind == .person {
                    entity = roleOrganization(of: entity!)
                }
                if let entity, entity.kind == .organization, !found.contains(entity) { found.append(entity) }
            }
            k -= 1
        }
        return Array(found.prefix(count))
    }

    func carryCue(_ s: Int) -> Bool {
        let text = phrase(s, 0..<items(s).count)
        let bytes = Array(text.lowercased().utf8)
        return (doc.language == .ko ? K.carryCues : EnglishEventLexicon.carryCues).contains { bytes.containsBytes($0) }
    }

    func placeCarryCue(_ s: Int) -> Bool {
        let text = phrase(s, 0..<items(s).count)
        let bytes = Array(text.lowercased().utf8)
        return (doc.language == .ko ? K.placeCarryCues : EnglishEventLexicon.placeCarryCues).contains { bytes.containsBytes($0) }
    }

    /// The date of an event: the first date of its clause that is neither a plan nor a report's date
    /// ('2일 밝혔다', '회사는 14일 … 열었다고 밝혔다'); nil when the clause has none.
    func koreanEventDate(_ s: Int, clause: Range<Int>, trigger t: Int) -> (EDTFDate?, Bool) {
        let items = items(s)
        let candidates = dates(s, clause).filter { $0.tense != .future && $0.value != nil }
        let event = candidates.filter { date in
            guard let after = items.firstIndex(where: { $0.start >= date.end }) else { return true }
            return !isReportVerb(items[after]) && !koreanReportDay(s, date)
        }
        if let date = event.first(where: { $0.start < items[t].start }) ?? event.first { return (date.value, date.kind == .anaphoric) }
        // '세웠다고 10일 밝혔다': with no other date, the day it was made known.
        if let report = candidates.first { return (report.value, true) }
        return (nil, false)
    }

    /// The place named with a locative particle in items `range` ('로테르담에서', '서울 여의도 … 본점에서').
    func koreanLocative(_ s: Int, _ range: Range<Int>) -> EntityRef? {
        let items = items(s)
        guard range.lowerBound < range.upperBound else { return nil }
        let locative = K.eventLocatives
        for i in range.reversed() where locative.contains(items[i].particle ?? "") || items[i].stem == "본사" || items[i].stem == "본점" {
            var k = i
            var group: [Int] = []
            while k >= range.lowerBound, i - k <= 4 {
                if items[k].kind == .place { group.insert(k, at: 0) }
                if k < i, items[k].particle != nil, items[k].particle != "의" { break }
                k -= 1
            }
            if !group.isEmpty { return places(s, group).first }
        }
        return nil
    }

    // MARK: Offices

    func isOfficeNoun(_ item: Item) -> Bool {
        guard item.isWord, item.mention == nil, let last = item.stem.unicodeScalars.last, K.officeLast.contains(last) else { return false }
        let stem = item.stem
        if K.officeStopwords.contains(stem) || stem.bytesHavePrefix("합작") { return false }
        return K.officeNouns.contains { stem.bytesHaveSuffix($0) }
    }

    enum OfficeVerb { case past, future }

    func officeVerb(_ item: Item) -> OfficeVerb? {
        guard item.isWord, item.mention == nil else { return nil }
        let text = item.text
        if K.futureOpenWords.contains(text) || K.futureOpenVerbs.contains(where: { text.bytesHavePrefix($0) }) { return .future }
        if K.openVerbWords.contains(text) || K.openVerbs.contains(where: { text.bytesHavePrefix($0) }) { return .past }
        return nil
    }

    /// '런던에 지사를 연', '오스틴에 현지 법인을 설립했다', '뮌헨에 R&D센터를 열 예정이라고 13일 밝혔다'.
    mutating func koreanOffices(_ s: Int) {
        var t = 0
        while t < items(s).count {
            let items = items(s)
            guard isOfficeNoun(items[t]) else {
                t += 1
                continue
            }
            var v: Int?
            var k = t + 1
            while k < min(items.count, t + 7) {
                if items[k].isPunct(",") || isOfficeNoun(items[k]) { break }
                if let _ = officeVerb(items[k]) {
                    v = k
                    break
                }
                k += 1
            }
            guard let v, var tense = officeVerb(items[v]) else {
                t += 1
                continue
            }
            let clause = koreanClause(s, t, v)
            let tail = koreanTail(s, v)
            let verbText = items[v].text
            let next = v + 1 < items.count ? items[v + 1].stem : ""
            if verbText.bytesHaveSuffix("면") || K.conditionWords.contains(next) {
                note("office '\(items[t].stem)' not taken: a condition ('\(verbText) \(next)')")
                t = v + 1
                continue
            }
            if let cue = koreanNegated(s, clause, tail) {
                note("office '\(items[t].stem)' not taken: '\(cue)'")
                t = v + 1
                continue
            }
            if tense == .past, koreanFuture(s, tail) { tense = .future }
            if tense == .past, ["세워", "세우고", "열고", "열어"].contains(where: { verbText.bytesHavePrefix($0) }), koreanFuture(s, v..<items.count) {
                tense = .future
            }
            if tense == .future, K.futureOpenWords.contains(verbText), !koreanFuture(s, tail) {
                note("office '\(items[t].stem)' not taken: '\(verbText)' without a plan")
                t = v + 1
                continue
            }
            let type: EventType = tense == .past ? .officeOpened : .officeAnnounced
            let (places, contextPlace) = koreanOfficePlaces(s, clause: clause, trigger: t)
            guard !places.isEmpty else {
                note("office '\(items[t].stem)' (\(type.rawValue)) has no place: nothing found")
                t = v + 1
                continue
            }
            guard let (actor, source, carried) = koreanActor(s, before: t, clause: clause) else {
                t = v + 1
                continue
            }
            var date: EDTFDate?
            var dateCarried = false
            if type == .officeOpened {
                (date, dateCarried) = koreanEventDate(s, clause: clause, trigger: t)
            } else {
                (date, dateCarried) = announcementDate(s, clause.lowerBound..<tail.upperBound)
            }
            for place in places {
                let index = book.add(DraftEvent(
                    type: type, sentence: s, actor: actor, place: place, date: date,
                    confidence: confidence(actorFrom: source, carriedActor: carried, carriedDate: dateCarried, contextPlace: contextPlace),
                    rule: "ko.office"
                ))
                note("\(type.rawValue) ← '\(items[t].stem) … \(verbText)': \(actor.name) in \(place.name), date \(date?.description ?? "none") → event \(index + 1)")
            }
            t = v + 1
        }
    }

    /// Where an office is: places with a locative particle in the clause (a word with '에' right before
    /// the office when the gazetteer knows no place there), else places written before the office noun.
    func koreanOfficePlaces(_ s: Int, clause: Range<Int>, trigger t: Int) -> ([EntityRef], Bool) {
        let items = items(s)
        let locative = K.officeLocatives
        var located: [Int] = []
        var modifiers: [Int] = []
        var i = clause.lowerBound
        while i < t {
            let item = items[i]
            // Skip the headquarters phrase: '헬싱키에 본사를 둔'.
            if i + 1 < t, K.headquartersNouns.contains(items[i + 1].stem), item.kind == .place {
                i += 2
                continue
            }
            if item.kind == .place {
                var k = i
                while k + 1 < t, items[k + 1].kind == .place, items[k].particle == nil || items[k].particle == "의" { k += 1 }
                if k + 1 < items.count, K.headquartersNouns.contains(items[k + 1].stem) {
                    i = k + 2
                    continue
                }
                let hasLocative = locative.contains(items[k].particle ?? "")
                let listed = items[k].particle == "과" || items[k].particle == "와" || (k + 1 < t && (items[k + 1].isPunct("·") || items[k + 1].isPunct(",") || ["및", "그리고"].contains(items[k + 1].stem)))
                for j in i...k { if hasLocative || listed { located.append(j) } else { modifiers.append(j) } }
                i = k + 1
                continue
            }
            i += 1
        }
        // A list ending in a locative: '아일랜드 더블린과 일본 도쿄에' is all located.
        let locatedPlaces = places(s, located)
        if !locatedPlaces.isEmpty, located.contains(where: { locative.contains(items[$0].particle ?? "") }) {
            return (locatedPlaces, false)
        }
        // An unknown name with '에' right before the office: '페낭에 쿠알라룸푸르 무역관 분소를'.
        for j in stride(from: t - 1, through: clause.lowerBound, by: -1) {
            let item = items[j]
            if item.mention == nil, locative.contains(item.particle ?? ""), doc.isNameWord(item), t - j <= 4,
               item.stem.unicodeScalars.count >= 2, item.stem.unicodeScalars.allSatisfy(\.isHangulSyllable),
               !K.placeNonNames.contains(item.stem)
            {
                var country: String?
                if j > 0, let before = items[j - 1].entity, before.kind == .place, placeType(before) == "country" { country = before.name }
                return ([EntityRef(id: ContextName.id(kind: .place, name: item.stem), name: item.stem, kind: .place, country: country)], true)
            }
        }
        let modifierPlaces = places(s, modifiers.filter { $0 >= t - 4 })
        return (modifierPlaces.isEmpty ? locatedPlaces : modifierPlaces, false)
    }

    /// The day a plan was made public: a report's date ('13일 밝혔다', '이날 밝혔다' meaning the last
    /// report's day), else a date in the past in the clause, else the last one mentioned before.
    func announcementDate(_ s: Int, _ range: Range<Int>) -> (EDTFDate?, Bool) {
        let items = items(s)
        let candidates = dates(s, range).filter { date in
            guard let value = date.value else { return false }
            // '올해 하반기 개소할 예정': a period holding today, in a plan, is the plan's time, not the announcement's.
            if let published { return value <= published || (value.contains(published) && date.tense != .future) }
            return date.tense != .future
        }
        for date in candidates {
            let next = items.firstIndex { $0.start >= date.end }
            let nearReport = next.map { isReportVerb(items[$0]) || (doc.language == .en && nearEnglishReport(s, $0)) } ?? false
            if nearReport {
                if date.kind == .anaphoric, let report = lastReportDate { return (report, true) }
                return (date.value, false)
            }
        }
        if let date = candidates.first { return (date.value, date.kind == .anaphoric) }
        // No date of its own: a date the sentence before set the scene with ('The biggest step came in
        // October.'), else the day the article last said something was made known, else the day it was
        // published. The date of another event ('지난해 10월 … 설립한 바 있다') is none of these.
        if let carried = lastPastDate, !book.events.contains(where: { $0.sentence == lastPastDateSentence }) {
            return (carried, true)
        }
        if let report = lastReportDate { return (report, true) }
        return (published, true)
    }

    // MARK: Back references

    /// '… 일본 도쿄 지사만 운영하고 있다. 지난 4월 설립 당시 …': a dated opening of the office named
    /// in the sentence before.
    mutating func koreanBackReference(_ s: Int) {
        guard s > 0 else { return }
        let items = items(s)
        guard let n = items.firstIndex(where: { K.openingNouns.contains($0.stem) && $0.mention == nil }),
              n + 1 < items.count, K.backReferenceWords.contains(items[n + 1].stem),
              !items.contains(where: { isOfficeNoun($0) }),
              let date = dates(s, 0..<(n + 1)).first(where: { $0.value != nil && $0.tense != .future })?.value
        else { return }
        let previous = self.items(s - 1)
        guard let office = previous.firstIndex(where: { isOfficeNoun($0) }) else { return }
        var group: [Int] = []
        var k = office - 1
        while k >= 0, previous[k].kind == .place, office - k <= 3 {
            group.insert(k, at: 0)
            k -= 1
        }
        guard let place = places(s - 1, group).first,
              let actor = previous.first(where: { $0.kind == .organization && K.subjectParticles.contains($0.particle ?? "") })?.entity
                ?? lastActor
        else { return }
        let index = book.add(DraftEvent(
            type: .officeOpened, sentence: s - 1, actor: actor, place: place, date: date, confidence: 0.75, rule: "ko.office.back-reference"
        ))
        note("office.opened ← '\(items[n].stem) \(items[n + 1].stem)' refers back to '\(place.name) \(previous[office].stem)': date \(date) → event \(index + 1)")
    }

    // MARK: Visits

    /// '샘 올트먼 오픈AI CEO는 지난해 6월과 올 1월 두차례 방한했다', '함부르크를 찾아', '일본을 방문해'.
    mutating func koreanVisits(_ s: Int) {
        let items = items(s)
        for t in items.indices where items[t].isWord && items[t].mention == nil {
            let text = items[t].text
            guard let first = text.unicodeScalars.first, K.visitFirst.contains(first) else { continue }
            var place: EntityRef?
            var counterparty: EntityRef?
            var rule = ""
            if let visit = K.countryVisits.first(where: { text.bytesHavePrefix($0.prefix) }) {
                if text.bytesHavePrefix(visit.prefix + "할") || text.bytesHavePrefix(visit.prefix + "하기로") { continue }
                place = country(visit.country)
                rule = visit.prefix
                // A city of that country named with a locative in the clause: '방일해 도쿄에서'.
                let clause = koreanClause(s, t, t)
                let after = (t + 1)..<min(items.count, clause.upperBound + 3)
                if let city = after.lazy.compactMap({ i -> EntityRef? in
                    let item = items[i]
                    guard item.kind == .place, ["에서", "에"].contains(item.particle ?? ""), item.entity?.country == place?.name else { return nil }
                    return item.entity
                }).first { place = city }
            } else if K.visitVerbs.contains(where: { text.bytesHavePrefix($0) }), t > 0 {
                // The object: a place, an organization or its headquarters, with 을/를.
                let object = items[t - 1]
                guard ["을", "를"].contains(object.particle ?? "") else { continue }
                rule = text
                if object.kind == .place {
                    place = object.entity
                } else if object.kind == .organization {
                    counterparty = object.entity
                } else if K.headquartersNouns.contains(object.stem) || object.stem == "본점" {
                    if t >= 2, items[t - 2].kind == .organization { counterparty = items[t - 2].entity }
                } else {
                    continue
                }
                if place == nil {
                    let clause = koreanClause(s, t, t)
                    place = places(s, Array(clause.lowerBound..<t)).first
                }
                guard place != nil else { continue }
            } else {
                continue
            }
            let clause = koreanClause(s, t, t)
            let tail = koreanTail(s, t)
            if let cue = koreanNegated(s, clause, tail) {
                note("visit '\(text)' not taken: '\(cue)'")
                continue
            }
            if text.bytesHaveSuffix("면") || koreanFuture(s, t..<min(items.count, t + 3)) {
                note("visit '\(text)' not taken: a plan or a condition")
                continue
            }
            // The visitor: the person the visit modifies ('방한한 X', '방한 중인 X': the subject only met
            // them), else the person nearest before, in the sentence; else the one before.
            let modified = koreanVisitModifies(s, t)
            var actor = modified ?? items[..<t].last { $0.kind == .person }?.entity
            var carried = false
            if actor == nil {
                actor = book.events.last { $0.type == .visit }?.actor ?? lastPerson
                carried = true
            }
            guard let actor else { continue }
            // Coordinated dates give a visit each: '지난해 6월과 올 1월 두차례 방한했다'.
            let candidates = dates(s, clause).filter { $0.value != nil && $0.tense != .future }
            var values: [EDTFDate?] = candidates.isEmpty ? [nil] : [candidates[0].value]
            if candidates.count > 1 {
                let between = doc.text(candidates[0].end, candidates[1].start).filter { $0 != " " }
                if ["과", "와", ",", "및", "·", "그리고"].contains(between) { values = candidates.map(\.value) }
            }
            var dateCarried = false
            if values == [nil], carryCue(s), let previous = book.events.last(where: { $0.actor.id == actor.id }) {
                values = [previous.date]
                dateCarried = true
            }
            for value in values {
                let index = book.add(DraftEvent(
                    type: .visit, sentence: s, actor: actor, counterparties: counterparty.map { [$0] } ?? [], place: place,
                    date: value, confidence: confidence(actorFrom: nil, carriedActor: carried, carriedDate: dateCarried, contextPlace: false),
                    rule: "ko.visit"
                ))
                note("visit ← '\(rule)': \(actor.name) to \(place?.name ?? "?"), date \(value?.description ?? "none") → event \(index + 1)")
            }
        }
    }

    /// The person a visit word modifies as a relative clause: '방한한 마크 저커버그 메타 CEO와', '한국을
    /// 방문 중인 X를'. Nil when the word is no modifier or no person follows it closely.
    func koreanVisitModifies(_ s: Int, _ t: Int) -> EntityRef? {
        let items = items(s)
        let text = items[t].text
        var k = t + 1
        let prefix = K.visitPrefixes.first { text.bytesHavePrefix($0) } ?? ""
        let rest = String(text.unicodeScalars.dropFirst(prefix.unicodeScalars.count))
        if K.visitAdnominalWords.contains(text) || (!prefix.isEmpty && K.visitAdnominalEndings.contains(rest)) {
            // '방한한', '방문한', '찾은'.
        } else if !prefix.isEmpty, rest.isEmpty, k < items.count, K.visitAdnominalNext.contains(items[k].text) {
            // '방한 중인', '방문 중이던'.
            k += 1
        } else {
            return nil
        }
        let limit = min(items.count, k + 3)
        while k < limit, items[k].isWord {
            if items[k].kind == .person { return items[k].entity }
            if items[k].particle != nil { return nil }
            k += 1
        }
        return nil
    }

    /// '지난 1월에는 삼성전자·SK하이닉스 등 … 경영진과 만나': who the visitor met.
    mutating func koreanMeetings(_ s: Int) {
        let items = items(s)
        guard let m = items.firstIndex(where: { item in
            item.isWord && item.mention == nil && item.text.unicodeScalars.first.map { K.meetFirst.contains($0) } == true
                && K.meetVerbs.contains { item.text.bytesHavePrefix($0) }
        }) else { return }
        // The visit: one in this sentence, else a recent one whose date agrees with this sentence's.
        let sentenceDate = dates(s, 0..<m).first { $0.value != nil }?.value
        guard let index = book.events.lastIndex(where: { event in
            event.type == .visit && s - event.sentence <= 2 && EventBook.datesAgree(event.date, sentenceDate)
        }) else { return }
        let visit = book.events[index]
        var start = 0
        if let trigger = items[..<m].lastIndex(where: { item in
            K.countryVisits.contains { item.text.bytesHavePrefix($0.prefix) } || K.visitVerbs.contains { item.text.bytesHavePrefix($0) }
        }), koreanVisitModifies(s, trigger)?.id != visit.actor.id {
            // After the trigger; but when the visit word modifies the visitor, the subject before it met them.
            start = trigger + 1
        }
        let ownOrganization = roleOrganization(of: visit.actor)
        var people: [EntityRef] = []
        var organizations: [EntityRef] = []
        for item in items[start..<m] {
            guard let entity = item.entity else { continue }
            if entity.kind == .person, entity.id != visit.actor.id {
                people.append(entity)
                if let organization = roleOrganization(of: entity) { organizations.append(organization) }
            } else if entity.kind == .organization, entity.id != ownOrganization?.id {
                organizations.append(entity)
            }
        }
        attachMeeting(people: people, organizations: organizations, to: index, verb: items[m].text)
    }

    // MARK: Headquarters

    /// '샌프란시스코에 본사를 두고 있는 오픈AI', '에이치엠바이오는 … 판교에 본사를 두고 있으며'.
    mutating func koreanHeadquarters(_ s: Int) {
        let items = items(s)
        for h in items.indices where K.headquartersNouns.contains(items[h].stem) && ["를", "을"].contains(items[h].particle ?? "") {
            guard h + 1 < items.count, K.headquartersVerbs.contains(where: { items[h + 1].text.bytesHavePrefix($0) }) else { continue }
            // The place: right before, with '에'.
            var group: [Int] = []
            var k = h - 1
            while k >= 0, h - k <= 4, items[k].kind == .place {
                group.insert(k, at: 0)
                k -= 1
            }
            var place = places(s, group).first
            if place == nil, h > 0, items[h - 1].particle == "에", doc.isNameWord(items[h - 1]) {
                var country: String?
                if h > 1, let before = items[h - 2].entity, before.kind == .place { country = before.country }
                place = EntityRef(id: ContextName.id(kind: .place, name: items[h - 1].stem), name: items[h - 1].stem, kind: .place, country: country)
            }
            guard let place else { continue }
            // The organization: the one the phrase describes ('둔 X', '두고 있는 X'), else the topic before.
            let verb = items[h + 1].text
            var organization: EntityRef?
            if verb == "둔" || verb.bytesHaveSuffix("있는") || (h + 2 < items.count && items[h + 2].text == "있는") {
                organization = items[(h + 1)...].first { $0.kind == .organization }?.entity
            }
            if organization == nil {
                organization = items[..<h].last { $0.kind == .organization && K.subjectParticles.contains($0.particle ?? "") }?.entity
            }
            guard let organization else { continue }
            addHeadquarters(organization, place, sentence: s)
        }
    }
}
