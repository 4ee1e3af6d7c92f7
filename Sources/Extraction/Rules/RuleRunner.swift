/// Runs the event and relation rules of an article's language over its sentences, in order,
/// keeping what carries from one sentence to the next (the last actor, the last dates).
struct RuleRunner {
    var doc: Document
    let gazetteer: Gazetteer
    let explain: Bool
    /// The publication date, when known.
    let published: EDTFDate?
    var book = EventBook()
    var relations: [ExtractedRelation] = []
    /// One line per finding, for `--explain`.
    var trace: [String] = []
    /// Lines for the sentence being read.
    var sentenceTrace: [String] = []

    /// The last date a reporting verb was given ('2일 밝혔다'): what '이날 밝혔다' refers to.
    var lastReportDate: EDTFDate?
    /// The last date in the past mentioned before the current sentence.
    var lastPastDate: EDTFDate?
    /// The sentence `lastPastDate` was read in.
    var lastPastDateSentence = -1
    /// The organization the sentence before was about.
    var lastActor: EntityRef?
    /// The person the sentence before was about.
    var lastPerson: EntityRef?
    /// The English sentence being read: where its body starts and its clauses.
    var englishLayout: (sentence: Int, body: Int, clauses: [Range<Int>])?

    init(doc: Document, gazetteer: Gazetteer, published: EDTFDate?, explain: Bool) {
        self.doc = doc
        self.gazetteer = gazetteer
        self.published = published
        self.explain = explain
    }

    /// Dates as the rules need them: a Korean '이날' is the day the news is about (the first day the
    /// body names), '전날' the day before the last day named; a date beside a reporting verb ('13일
    /// 밝혔다', 'announced on Monday') is in the past whatever the clause plans.
    mutating func settleDates() {
        var newsDay: EDTFDate?
        var lastDay: EDTFDate?
        for s in doc.sentences.indices where !doc.sentences[s].isHeadline {
            let items = items(s)
            for d in doc.sentences[s].dates.indices {
                var date = doc.sentences[s].dates[d]
                if date.kind == .anaphoric, doc.language == .ko {
                    if date.text.bytesHavePrefix("전날") || date.text.bytesHavePrefix("前날") {
                        date.value = lastDay.flatMap(Self.dayBefore)
                    } else if let newsDay {
                        date.value = newsDay
                    }
                }
                if date.kind == .relative, let value = date.value, let published, value > published, !value.contains(published),
                   let next = items.firstIndex(where: { $0.start >= date.end }),
                   doc.language == .ko ? isReportVerb(items[next]) || koreanReportDay(s, date) : nearEnglishReport(s, next)
                {
                    let text = date.text.bytesHavePrefix("on ") ? String(date.text.dropFirst(3)) : date.text
                    let probe = doc.language == .ko ? "지난 \(text) 밝혔다." : "It was announced on \(text)."
                    if let past = DateResolver(published: published).resolve(probe).last?.value, past <= published {
                        date.value = past
                        date.tense = .past
                    }
                }
                if let value = date.value, value.precision == .day, date.kind != .anaphoric {
                    lastDay = value
                    if newsDay == nil, published.map({ value <= $0 }) ?? true { newsDay = value }
                }
                doc.sentences[s].dates[d] = date
            }
        }
    }

    /// '대한항공은 1일 … 연다고 공개했다', '8일 마이크론은 … 밝혔다': a bare day opening the sentence or
    /// right after its subject, in a sentence a reporting verb ends, is the day of the report.
    func koreanReportDay(_ s: Int, _ date: DateMention) -> Bool {
        let scalars = Array(date.text.unicodeScalars)
        guard scalars.count >= 2, scalars.last == "일", scalars.dropLast().allSatisfy(\.isASCIIDigit) else { return false }
        let items = items(s)
        guard let first = items.firstIndex(where: { $0.start >= date.start }) else { return false }
        // Opening the sentence, or right after its subject ('핀테크 기업 넥스페이는 3일').
        guard first == 0 || (items[first - 1].entity != nil && KoreanEventLexicon.topicParticles.contains(items[first - 1].particle ?? "")) else {
            return false
        }
        return items[first...].contains { isReportVerb($0) }
    }

    static func dayBefore(_ date: EDTFDate) -> EDTFDate? {
        guard let month = date.month, let day = date.day else { return nil }
        if day > 1 { return EDTFDate(year: date.year, month: month, day: day - 1) }
        let previousMonth = month == 1 ? 12 : month - 1
        let year = month == 1 ? date.year - 1 : date.year
        return EDTFDate(year: year, month: previousMonth, day: EDTFDate.daysIn(month: previousMonth, year: year))
    }

    mutating func run() {
        settleDates()
        for s in doc.sentences.indices {
            sentenceTrace = []
            let sentence = doc.sentences[s]
            if !sentence.isHeadline {
                switch doc.language {
                case .ko: koreanSentence(s)
                case .en: englishSentence(s)
                }
            }
            if explain { describe(s) }
            // What carries to the next sentence.
            for date in sentence.dates {
                guard let value = date.value else { continue }
                if let published, value <= published || value.contains(published) {
                    lastPastDate = value
                    lastPastDateSentence = s
                } else if published == nil, date.tense != .future {
                    lastPastDate = value
                    lastPastDateSentence = s
                }
            }
            if let actor = sentenceSubject(s) { lastActor = actor }
            if let person = sentence.items.last(where: { $0.kind == .person })?.entity { lastPerson = person }
        }
        addRoleRelations()
    }

    // MARK: Shared helpers

    func items(_ s: Int) -> [Item] { doc.sentences[s].items }

    /// The text of items `range`, words joined by spaces, for cue checks.
    func phrase(_ s: Int, _ range: Range<Int>) -> String {
        let items = items(s)
        let lower = max(0, range.lowerBound)
        let upper = min(items.count, range.upperBound)
        guard lower < upper else { return "" }
        return doc.text(items[lower].start, items[upper - 1].end)
    }

    /// The dates whose start lies inside items `range`.
    func dates(_ s: Int, _ range: Range<Int>) -> [DateMention] {
        let items = items(s)
        let lower = max(0, range.lowerBound)
        let upper = min(items.count, range.upperBound)
        guard lower < upper else { return [] }
        let from = items[lower].start
        let to = items[upper - 1].end
        return doc.sentences[s].dates.filter { $0.start >= from && $0.start < to }
    }

    /// The place entries' types from the gazetteer ("city", "country", "region").
    func placeType(_ place: EntityRef) -> String {
        if place.id.bytesHavePrefix("place/country") { return "country" }
        if place.id.bytesHavePrefix("place/~") { return "city" }
        return gazetteer.entry(id: place.id)?.placeType ?? "city"
    }

    /// A country's entity by its ISO code.
    func country(_ code: String) -> EntityRef? {
        gazetteer.entry(id: "place/country-\(code)")?.ref
    }

    /// Places of items `range`, grouped: places written side by side ('미국 텍사스주 오스틴', "Seoul's
    /// Gangnam district") are one place, the most precise of them; a list ('뉴욕·시애틀', 'Paris and
    /// Brussels') gives several. Countries that hold another place of the list go; continents go.
    func places(_ s: Int, _ indices: [Int]) -> [EntityRef] {
        let items = items(s)
        var groups: [[EntityRef]] = []
        var previous: Int?
        for i in indices {
            guard let place = items[i].entity, place.kind == .place else { continue }
            var joined = false
            if let p = previous, !groups.isEmpty {
                let between = items[(p + 1)..<i]
                let separated = between.contains { $0.isPunct || ["및", "그리고", "and", "or", "또는"].contains($0.stem) }
                let prevParticle = items[p].particle
                let linked = prevParticle == nil || prevParticle == "의" || prevParticle == "'s"
                if !separated, linked, i - p <= 3 { joined = true }
            }
            if joined { groups[groups.count - 1].append(place) } else { groups.append([place]) }
            previous = i
        }
        var picked: [EntityRef] = groups.map { group in
            group.last { ["city", "capital"].contains(placeType($0)) } ?? group.last!
        }
        picked.removeAll { place in
            placeType(place) == "region" && place.country == nil
        }
        let all = picked
        picked.removeAll { place in
            placeType(place) == "country" && all.contains { $0.id != place.id && $0.country == place.name }
        }
        return unique(picked)
    }

    /// Confidence from how an event was found.
    func confidence(actorFrom actor: Mention.Source?, carriedActor: Bool, carriedDate: Bool, contextPlace: Bool) -> Double {
        var value = 0.9
        if let actor, actor != .gazetteer { value -= 0.1 }
        if carriedActor { value -= 0.15 }
        if carriedDate { value -= 0.05 }
        if contextPlace { value -= 0.1 }
        return max(0.3, min(0.95, value))
    }

    /// The organization the text last gave `person` a role in ('정하린 페이루프 대표').
    func roleOrganization(of person: EntityRef) -> EntityRef? {
        doc.roles.last { $0.person.id == person.id && $0.organization != nil }?.organization
    }

    /// Joins the people and organizations a visitor met to visit `index`.
    mutating func attachMeeting(people: [EntityRef], organizations: [EntityRef], to index: Int, verb: String) {
        guard !people.isEmpty || !organizations.isEmpty else { return }
        let people = unique(people)
        let organizations = unique(organizations)
        book.attach(met: people, organizations: organizations, to: index)
        note("meeting ← '\(verb)': \(organizations.map(\.name) + people.map(\.name)) join visit \(index + 1)")
    }

    /// The organization a sentence is about: its first organization with a subject or topic particle.
    func sentenceSubject(_ s: Int) -> EntityRef? {
        let items = items(s)
        let subjectParticles = KoreanEventLexicon.topicParticles
        if doc.language == .ko {
            return items.first { $0.kind == .organization && subjectParticles.contains($0.particle ?? "") }?.entity
        }
        return items.first { $0.kind == .organization }?.entity
    }

    mutating func note(_ line: String) {
        if explain { sentenceTrace.append(line) }
    }

    /// The evidence of sentence `s`: its original words and offsets.
    func evidence(_ s: Int) -> Evidence {
        doc.cleaned.evidence(for: doc.sentences[s].sentence)
    }

    // MARK: Relations

    /// `holds_role` for every role the text states; a role without its organization goes to the
    /// organization the gazetteer gives the person, when named, else the article's main one.
    mutating func addRoleRelations() {
        var seen = Set<String>()
        var withOrganization = Set<String>()
        for fact in doc.roles where fact.organization != nil { withOrganization.insert(fact.person.id) }
        let named = Set(doc.sentences.flatMap { $0.mentions.map(\.entity.id) })
        for fact in doc.roles {
            var organization = fact.organization
            if organization == nil {
                if withOrganization.contains(fact.person.id) { continue }
                if let known = gazetteer.entry(id: fact.person.id)?.organization, named.contains(known),
                   let entry = gazetteer.entry(id: known)
                {
                    organization = entry.ref
                } else {
                    organization = doc.mainOrganization
                }
            }
            guard let organization, organization.kind == .organization else { continue }
            let key = fact.person.id + "|" + organization.id
            guard seen.insert(key).inserted else { continue }
            relations.append(ExtractedRelation(
                subject: fact.person, predicate: .holdsRole, object: organization, role: fact.role, evidence: evidence(fact.sentence)
            ))
        }
    }

    mutating func addHeadquarters(_ organization: EntityRef, _ place: EntityRef, sentence s: Int) {
        guard !relations.contains(where: { $0.predicate == .headquarteredIn && $0.subject.id == organization.id }) else { return }
        relations.append(ExtractedRelation(subject: organization, predicate: .headquarteredIn, object: place, evidence: evidence(s)))
        note("relation headquartered_in: \(organization.name) → \(place.name)")
    }

    // MARK: Explain

    mutating func describe(_ s: Int) {
        let sentence = doc.sentences[s]
        var lines = ["[\(s + 1)]\(sentence.isHeadline ? " (headline)" : "") \(sentence.sentence.text)"]
        if !sentence.dates.isEmpty {
            lines.append("  dates: " + sentence.dates.map { "\($0.text)=\($0.value?.description ?? "?")\($0.tense == .future ? " (future)" : "")" }.joined(separator: ", "))
        }
        let mentions = sentence.mentions
        if !mentions.isEmpty {
            lines.append("  names: " + mentions.map { "\($0.surface)→\($0.entity.name) [\($0.entity.kind.rawValue), \($0.source.rawValue)]" }.joined(separator: ", "))
        }
        if sentenceTrace.isEmpty {
            lines.append(sentence.isHeadline ? "  rules: headline, not read for events" : "  rules: none fired")
        } else {
            lines += sentenceTrace.map { "  " + $0 }
        }
        trace += lines
    }
}
