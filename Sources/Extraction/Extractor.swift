/// Turns one article into dated events, relations and entities, each with its evidence.
///
/// Pure and deterministic: the same text, publication date and gazetteer always give the same
/// result. Thread-safe: one extractor serves every task.
public struct Extractor: Sendable {
    /// The extractor's name, recorded with what it extracts.
    public static let name = "chronograph-extractor"
    /// The extractor's version: a new one when rules change what they find.
    public static let version = "0.1.0"

    public let gazetteer: Gazetteer
    private let cleaner: Cleaner

    /// An extractor matching names against `gazetteer` (usually `Gazetteer.bundled()`, merged with a user file).
    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        self.cleaner = Cleaner(keepingNames: gazetteer.matcher.owners.keys)
    }

    /// Extracts an article. The publication date is `published`, else the envelope's, else the one the
    /// article prints for itself; without one, relative dates stay unresolved and a warning says so.
    /// The language is `language`, else the envelope's, else guessed from the letters.
    public func extract(
        _ article: ArticleInput, published: EDTFDate? = nil, language: Language? = nil, explain: Bool = false
    ) -> ArticleExtraction {
        var warnings: [String] = []
        let language = language ?? article.language ?? Language.detect(article.text)
        let cleaned = cleaner.clean(article.text, language: language)
        let publication = published ?? article.published ?? PublicationDateFinder.find(in: article.text)
            ?? Self.headerDate(cleaned)
        if publication == nil {
            warnings.append(
                "no publication date (none given, none in the envelope, none printed in the article): relative dates such as '지난달' or 'last month' are left without a value"
            )
        }
        let dates = DateResolver(published: publication).resolve(cleaned.text)
        let matches = gazetteer.matches(in: cleaned.text)
        var doc = Document(cleaned: cleaned, language: language, dates: dates, matches: matches)
        doc.gazetteer = gazetteer
        doc.confirmAmbiguousNames()
        switch language {
        case .ko: doc.findKoreanNames()
        case .en: doc.findEnglishNames()
        }
        doc.findMainOrganization()

        var runner = RuleRunner(doc: doc, gazetteer: gazetteer, published: publication, explain: explain)
        runner.run()
        let events = EventAssembler.assemble(runner.book.events, doc: runner.doc)
        var trace: [String] = []
        if explain {
            trace.append("language: \(language.rawValue); published: \(publication?.description ?? "unknown")")
            for span in cleaned.removed {
                trace.append("removed \(span.reason.rawValue) (\(span.detail)): \(span.text.prefix(70))")
            }
            trace += runner.trace
        }
        return ArticleExtraction(
            source: article.source, id: ArticleIdentity.id(of: article.text), title: article.title ?? cleaned.title,
            url: article.url, published: publication, language: language, events: events,
            relations: runner.relations, entities: Self.entities(runner.doc, events: events, relations: runner.relations),
            warnings: warnings, explain: trace
        )
    }

    /// A full date printed in the page header above the article ('November 19, 2024 3:12 PM',
    /// '2024. 7. 10. 21:37'): the first one in the top-of-page lines the cleaner took out.
    static func headerDate(_ cleaned: CleanedText) -> EDTFDate? {
        let resolver = DateResolver(published: nil)
        for span in cleaned.removed where span.reason == .topOfPage || span.reason == .byline {
            if let date = resolver.resolve(span.text).first(where: { $0.kind == .absolute && $0.value?.precision == .day })?.value {
                return date
            }
        }
        return nil
    }

    /// Every entity named in the body (and those events and relations name), with the forms seen.
    static func entities(_ doc: Document, events: [ExtractedEvent], relations: [ExtractedRelation]) -> [NamedEntity] {
        // In order of first appearance; one dictionary look-up per name.
        var found: [NamedEntity] = []
        var indexByID: [String: Int] = [:]
        func add(_ entity: EntityRef, _ alias: String?) {
            let index: Int
            if let known = indexByID[entity.id] {
                index = known
            } else {
                index = found.count
                indexByID[entity.id] = index
                found.append(NamedEntity(entity: entity, aliases: []))
            }
            if let alias, !found[index].aliases.contains(alias) { found[index].aliases.append(alias) }
        }
        for sentence in doc.sentences {
            for mention in sentence.mentions where !mention.ambiguous { add(mention.entity, mention.surface) }
        }
        for event in events {
            add(event.actor, nil)
            event.counterparties.forEach { add($0, nil) }
            event.participants.forEach { add($0.entity, nil) }
            if let place = event.place { add(place, nil) }
        }
        for relation in relations {
            add(relation.subject, nil)
            add(relation.object, nil)
        }
        return found
    }
}

/// An entity with the written forms an article used for it.
public struct NamedEntity: Hashable, Sendable {
    public var entity: EntityRef
    /// The forms seen, in order ("오픈AI", "OpenAI").
    public var aliases: [String]

    public init(entity: EntityRef, aliases: [String]) {
        self.entity = entity
        self.aliases = aliases
    }
}

/// What extraction found in one article.
public struct ArticleExtraction: Sendable {
    /// The path as given, or "-" for standard input.
    public var source: String
    /// The article's id: the hex SHA-256 of its normalised text.
    public var id: String
    public var title: String?
    public var url: String?
    public var published: EDTFDate?
    public var language: Language
    public var events: [ExtractedEvent]
    public var relations: [ExtractedRelation]
    public var entities: [NamedEntity]
    /// Things a person should know: a missing publication date, a bad envelope field.
    public var warnings: [String]
    /// Sentence by sentence, the dates, names and rules that fired (or why none did); empty unless asked.
    public var explain: [String]

    public init(
        source: String, id: String, title: String?, url: String?, published: EDTFDate?, language: Language,
        events: [ExtractedEvent], relations: [ExtractedRelation], entities: [NamedEntity], warnings: [String],
        explain: [String]
    ) {
        self.source = source
        self.id = id
        self.title = title
        self.url = url
        self.published = published
        self.language = language
        self.events = events
        self.relations = relations
        self.entities = entities
        self.warnings = warnings
        self.explain = explain
    }
}
