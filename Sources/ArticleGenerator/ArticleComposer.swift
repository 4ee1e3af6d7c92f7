import Extraction

/// Writes one article: picks its events and names, renders the sentences, pads with background to the
/// target size and appends furniture; records the events the body states.
struct ArticleComposer {
    let bank: NameBank
    let index: Int
    var rng: SplitMix64
    let language: Language
    let book: Phrasebook
    let published: Day
    /// Ids of the entities the events name: furniture and filler name others.
    var named: Set<String> = []
    var expected: [ExpectedEvent] = []
    var slots = Slots()
    /// The filler templates not yet used in this article, in the order they will be.
    var fillerOrder: [Int] = []

    /// The smallest and largest article, in UTF-8 bytes.
    static let sizeRange = 3_100...5_600
    static let hardLimit = 6_000

    init(bank: NameBank, index: Int, rng: SplitMix64) {
        self.bank = bank
        self.index = index
        self.rng = rng
        self.language = self.rng.chance(50) ? .ko : .en
        self.book = language == .ko ? .korean : .english
        let first = Day(year: 2021, month: 1, day: 1).ordinal
        self.published = Day(ordinal: first + self.rng.below(5 * 365))
    }

    enum Kind: CaseIterable { case agreement, officeOpened, officeAnnounced, visit }

    mutating func compose() -> GeneratedArticle {
        fillCommonSlots()
        let kind = Kind.allCases[rng.below(Kind.allCases.count)]
        var lead: [String] = []
        var details: [String] = []
        let title: String
        let actor: Name
        switch kind {
        case .agreement:
            actor = pickActor()
            lead.append(agreementLead(actor: actor))
            details = agreementDetails(actor: actor)
            title = render(rng.pick(book.titleAgreement))
        case .officeOpened:
            actor = pickActor()
            lead.append(officeLead(actor: actor, announced: false))
            details = [render(rng.pick(book.officeDetails))]
            title = render(rng.pick(book.titleOfficeOpened))
        case .officeAnnounced:
            actor = pickActor()
            lead.append(officeLead(actor: actor, announced: true))
            details = [render(rng.pick(book.officeDetails))]
            title = render(rng.pick(book.titleOfficeAnnounced))
        case .visit:
            let (person, toKorea) = visitLead(into: &lead)
            actor = person.organization
            details = [render(rng.pick(book.visitDetails))]
            title = render(rng.pick(toKorea ? book.titleVisit : book.titleVisitCity))
        }
        if language == .ko || rng.chance(60) { details.append(quote(for: actor)) }

        var body: [String] = [dateline() + lead.joined(separator: " "), details.joined(separator: " ")]
        var background: [String] = []
        let backgroundCount = rng.below(10) < 4 ? 0 : rng.below(10) < 7 ? 1 : 2
        for _ in 0..<backgroundCount { background.append(backgroundEvent(actor: actor)) }
        if rng.chance(55) { background.append(negative(actor: actor)) }
        if !background.isEmpty { body.append(background.joined(separator: " ")) }

        var furniture = rng.chance(45) ? makeFurniture() : ""
        pad(&body, title: title, furnitureSize: furniture.utf8.count)
        var text = title + "\n" + body.joined(separator: "\n")
        if !furniture.isEmpty {
            furniture = "\n" + furniture
            text += furniture
        }
        let json = JSONLine.article(
            title: title, url: url(), published: published.exact.description, language: language.rawValue, text: text
        )
        return GeneratedArticle(
            id: index, language: language, published: published.exact, title: title, text: text, expected: expected,
            json: json, furniture: furniture
        )
    }

    // MARK: - Events

    private mutating func agreementLead(actor: Name) -> String {
        let date = DatePhrases.make(.recent, published: published, language: language, rng: &rng)
        let b = pickParty(excluding: [actor.id])
        slots["A"] = actor.written(in: language)
        slots["B"] = b.written(in: language)
        slots["D"] = date.text
        var parties = [b.canonical]
        let sentence: String
        if rng.chance(15) {
            let c = pickParty(excluding: [actor.id, b.id])
            slots["C"] = c.written(in: language)
            parties.append(c.canonical)
            sentence = render(rng.pick(book.agreementThree))
        } else {
            sentence = render(rng.pick(book.agreement))
        }
        expected.append(ExpectedEvent(type: .agreementSigned, date: date.value, actor: actor.canonical, counterparties: parties, cue: sentence))
        slots["S1"] = signatory(for: actor)
        slots["S2"] = signatory(for: b)
        return sentence
    }

    private mutating func agreementDetails(actor: Name) -> [String] {
        var details = [render(rng.pick(book.agreementDetails))]
        if rng.chance(50) { details.append(render(rng.pick(book.agreementDetails))) }
        return details.count == 2 && details[0] == details[1] ? [details[0]] : details
    }

    private mutating func officeLead(actor: Name, announced: Bool) -> String {
        let date = DatePhrases.make(.recent, published: published, language: language, rng: &rng)
        slots["A"] = actor.written(in: language)
        slots["D"] = date.text
        slots["T"] = rng.pick(book.plannedTimes)
        let type: EventType = announced ? .officeAnnounced : .officeOpened
        if rng.chance(20) {
            let places = [pickOfficePlace(), pickOfficePlace()]
            guard places[0] != places[1] else { return officeLead(actor: actor, announced: announced) }
            slots["PL1"] = write(places[0], withCountry: false)
            slots["PL2"] = write(places[1], withCountry: false)
            slots["PL"] = slots["PL1"]
            let sentence = render(rng.pick(announced ? book.officeAnnouncedPair : book.officeOpenedPair))
            for place in places {
                expected.append(ExpectedEvent(type: type, date: date.value, actor: actor.canonical, place: place.name.canonical, cue: sentence))
            }
            return sentence
        }
        let place = pickOfficePlace()
        slots["PL"] = write(place)
        let sentence = render(rng.pick(announced ? book.officeAnnounced : book.officeOpened))
        expected.append(ExpectedEvent(type: type, date: date.value, actor: actor.canonical, place: place.name.canonical, cue: sentence))
        slots["PL"] = write(place, withCountry: false)
        return sentence
    }

    /// The lead of a visit; returns the visitor, and whether the title may say 'Korea'.
    private mutating func visitLead(into lead: inout [String]) -> (Person, Bool) {
        let date = DatePhrases.make(.recent, published: published, language: language, rng: &rng)
        let person = rng.pick(bank.people)
        named.insert(person.name.id)
        named.insert(person.organization.id)
        let met = (0..<(rng.chance(35) ? 2 : 1)).map { _ in pickActor(excluding: [person.organization.id]) }
        let metNames = Array(Set(met.map(\.id))).sorted().compactMap { id in met.first { $0.id == id } }
        slots["V"] = titled(person)
        slots["VN"] = person.name.written(in: language)
        slots["D"] = date.text
        slots["A"] = person.organization.written(in: language)
        slots["M"] = language == .ko
            ? metNames.map(\.ko).joined(separator: "·")
            : metNames.map(\.en).joined(separator: " and ")
        let sentence: String
        let place: Place
        var counterparties = metNames.map(\.canonical)
        if person.isKorean {
            place = rng.pick(bank.foreignCities)
            slots["PL"] = write(place)
            sentence = render(rng.pick(book.visitCityMet))
        } else {
            switch rng.below(10) {
            case 0...5:
                place = bank.southKorea
                sentence = render(rng.pick(book.visitKoreaMet))
            case 6, 7:
                place = bank.southKorea
                counterparties = []
                sentence = render(rng.pick(book.visitKorea))
            default:
                place = rng.chance(70) ? bank.seoul : rng.pick(bank.koreanCities)
                slots["PL"] = write(place)
                sentence = render(rng.pick(book.visitCityMet))
            }
        }
        expected.append(ExpectedEvent(
            type: .visit, date: date.value, actor: person.name.canonical, counterparties: counterparties,
            place: place.name.canonical, cue: sentence
        ))
        lead.append(sentence)
        slots["PL"] = write(place, withCountry: false)
        return (person, place == bank.southKorea)
    }

    /// A sentence of background: an earlier office or agreement of the same actor.
    private mutating func backgroundEvent(actor: Name) -> String {
        slots["A"] = actor.written(in: language)
        switch rng.below(10) {
        case 0...3:
            let date = DatePhrases.make(.background, published: published, language: language, rng: &rng)
            let place = pickOfficePlace()
            slots["D"] = date.text
            slots["PL"] = write(place)
            let sentence = render(rng.pick(book.officeOpened))
            expected.append(ExpectedEvent(type: .officeOpened, date: date.value, actor: actor.canonical, place: place.name.canonical, cue: sentence))
            return sentence
        case 4, 5:
            let (first, second) = DatePhrases.sequence(published: published, language: language, rng: &rng)
            let places = [pickOfficePlace(), pickOfficePlace()]
            guard places[0] != places[1] else { return backgroundEvent(actor: actor) }
            slots["D1"] = first.text
            slots["D2"] = second.text
            slots["PL1"] = write(places[0])
            slots["PL2"] = write(places[1])
            let sentence = render(rng.pick(book.officeOpenedSequence))
            for (place, date) in zip(places, [first, second]) {
                expected.append(ExpectedEvent(type: .officeOpened, date: date.value, actor: actor.canonical, place: place.name.canonical, cue: sentence))
            }
            return sentence
        case 6:
            let place = pickOfficePlace()
            slots["PL"] = write(place)
            let sentence = render(rng.pick(book.officeOpenedUndated))
            expected.append(ExpectedEvent(type: .officeOpened, date: nil, actor: actor.canonical, place: place.name.canonical, cue: sentence))
            return sentence
        default:
            let date = DatePhrases.make(.background, published: published, language: language, rng: &rng)
            let b = pickParty(excluding: [actor.id])
            slots["B"] = b.written(in: language)
            slots["D"] = date.text
            slots["TOPIC"] = rng.pick(book.topics)
            let sentence = render(rng.pick(book.agreementBackground))
            expected.append(ExpectedEvent(type: .agreementSigned, date: date.value, actor: actor.canonical, counterparties: [b.canonical], cue: sentence))
            return sentence
        }
    }

    /// A sentence that looks like an event and states none; its names are new to the article.
    private mutating func negative(actor: Name) -> String {
        slots["A"] = actor.written(in: language)
        let place = pickOfficePlace()
        slots["PL"] = write(place, withCountry: false)
        slots["B"] = pickParty(excluding: [actor.id]).written(in: language)
        let person = rng.pick(bank.people)
        named.insert(person.name.id)
        slots["VN"] = person.name.written(in: language)
        return render(rng.pick(book.negatives))
    }

    // MARK: - Text around the events

    private mutating func quote(for organization: Name) -> String {
        slots["Q"] = render(rng.pick(book.quotes))
        let people = bank.people(of: organization)
        if !people.isEmpty, rng.chance(60) {
            let person = rng.pick(people)
            named.insert(person.name.id)
            slots["QP"] = language == .ko
                ? "\(person.name.ko) \(organization.ko) \(NameTables.koreanTitles[person.role] ?? "대표")"
                : "\(person.name.en), \(NameTables.englishTitles[person.role] ?? "CEO") of \(organization.en),"
        } else {
            let name = rng.pick(book.spokespeople)
            slots["QP"] = language == .ko ? "\(name) \(organization.ko) 대변인" : "\(name), a spokesperson for \(organization.en),"
        }
        return render(rng.pick(book.quoteFrames))
    }

    private mutating func signatory(for organization: Name) -> String {
        let people = bank.people(of: organization)
        if let person = people.isEmpty ? nil : rng.pick(people) {
            named.insert(person.name.id)
            return titled(person)
        }
        let name = rng.pick(book.spokespeople)
        return language == .ko ? "\(name) \(organization.ko) 대표" : "\(organization.en) CEO \(name)"
    }

    /// A person with their organization and title ('샘 올트먼 오픈AI CEO', 'OpenAI CEO Sam Altman').
    private func titled(_ person: Person) -> String {
        language == .ko
            ? "\(person.name.ko) \(person.organization.ko) \(NameTables.koreanTitles[person.role] ?? "대표")"
            : "\(person.organization.en) \(NameTables.englishTitles[person.role] ?? "CEO") \(person.name.en)"
    }

    private mutating func dateline() -> String {
        slots["R"] = rng.pick(book.reporterNames)
        return render(rng.pick(book.datelines))
    }

    /// Adds background paragraphs after the lead until the article reaches its target size.
    private mutating func pad(_ body: inout [String], title: String, furnitureSize: Int) {
        let target = rng.within(Self.sizeRange)
        var size = title.utf8.count + furnitureSize + body.reduce(0) { $0 + $1.utf8.count + 1 } + 1
        fillerOrder = Array(book.filler.indices)
        fillerOrder.shuffle(using: &rng)
        while size < target, !fillerOrder.isEmpty {
            refreshFillerSlots()
            var sentences: [String] = []
            for _ in 0..<rng.within(2...4) {
                guard let next = fillerOrder.popLast() else { break }
                sentences.append(render(book.filler[next]))
            }
            var paragraph = sentences.joined(separator: " ")
            if size + paragraph.utf8.count + 1 > Self.hardLimit {
                paragraph = sentences[0]
                guard size + paragraph.utf8.count + 1 <= Self.hardLimit else { break }
            }
            body.insert(paragraph, at: rng.within(2...body.count))
            size += paragraph.utf8.count + 1
        }
    }

    private mutating func makeFurniture() -> String {
        refreshFillerSlots()
        let media = rng.pick(bank.media)
        slots["MEDIA"] = media.written(in: language)
        slots["R"] = rng.pick(book.reporterNames)
        slots["R2"] = rng.pick(book.reporterNames)
        slots["EMAIL"] = "\(["news", "desk", "reporter", "tips"][rng.below(4)])\(rng.within(1...99))@\(slug(media.en)).com"
        slots["YEAR"] = String(published.year)
        var lines: [String] = []
        if rng.chance(60) { lines.append(render(rng.pick(book.furnitureTails))) }
        lines.append(rng.pick(book.furnitureHeads))
        for template in rng.pick(rng.within(2...4), of: book.furnitureHeadlines) {
            slots["X"] = pickActor().written(in: language)
            slots["Z"] = pickActor().written(in: language)
            slots["PL"] = write(pickOfficePlace(), withCountry: false)
            lines.append(render(template))
        }
        lines.append(render(rng.pick(book.furnitureTails.filter { $0.contains("{MEDIA}") })))
        return lines.joined(separator: "\n")
    }

    // MARK: - Names and slots

    private mutating func fillCommonSlots() {
        slots["TOPIC"] = rng.pick(book.topics)
        slots["FIELD"] = rng.pick(book.fields)
        slots["T"] = rng.pick(book.plannedTimes)
        slots["R"] = rng.pick(book.reporterNames)
        slots["MEDIA"] = rng.pick(bank.media).written(in: language)
        refreshFillerSlots()
    }

    /// Numbers and other organizations for a filler paragraph: organizations no event names.
    private mutating func refreshFillerSlots() {
        slots["N1"] = String(rng.within(2...40))
        slots["N2"] = String(rng.within(100...900))
        slots["N3"] = String(rng.within(1...30))
        slots["N4"] = String(rng.within(1...9))
        slots["N5"] = String(rng.within(1...9) * 1000)
        slots["Y"] = String(published.year - rng.within(5...60))
        slots["X"] = pickOther().written(in: language)
        slots["Z"] = pickOther().written(in: language)
    }

    private mutating func pickActor(excluding: Set<String> = []) -> Name {
        var name = rng.pick(bank.actors)
        while excluding.contains(name.id) || named.contains(name.id) { name = rng.pick(bank.actors) }
        named.insert(name.id)
        return name
    }

    /// A party to an agreement: usually a company, sometimes a public body.
    private mutating func pickParty(excluding: Set<String>) -> Name {
        if rng.chance(25) {
            var name = rng.pick(bank.institutions)
            while excluding.contains(name.id) || named.contains(name.id) { name = rng.pick(bank.institutions) }
            named.insert(name.id)
            return name
        }
        return pickActor(excluding: excluding)
    }

    /// An organization for filler and furniture: one no event of the article names.
    private mutating func pickOther() -> Name {
        var name = rng.pick(bank.actors)
        while named.contains(name.id) { name = rng.pick(bank.actors) }
        return name
    }

    private mutating func pickOfficePlace() -> Place {
        switch rng.below(20) {
        case 0...13: rng.pick(bank.foreignCities)
        case 14...16: rng.pick(bank.countries)
        default: rng.pick(bank.koreanCities)
        }
    }

    /// A place as the article writes it: Korean often puts the country before a foreign city ('영국 런던').
    private mutating func write(_ place: Place, withCountry: Bool = true) -> String {
        switch language {
        case .ko:
            if !place.isCountry, place.country.id != bank.southKorea.name.id, withCountry, rng.chance(60) {
                return "\(place.country.ko) \(place.name.ko)"
            }
            return place.name.ko
        case .en:
            if place.isCountry, NameTables.countriesWithThe.contains(place.name.id) { return "the \(place.name.en)" }
            return place.name.en
        }
    }

    private func render(_ template: String) -> String {
        let text = slots.render(template)
        // A sentence opening with a date ('{D}, ...') starts with a capital; names keep their case ('xAI').
        guard language == .en, template.hasPrefix("{D"), let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return text }
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    private func url() -> String {
        let d = published
        return "https://news.example.com/\(language.rawValue)/\(d.year)/\(d.month)/\(d.day)/\(index)"
    }

    private func slug(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }))
    }
}
