public import Extraction

/// One synthetic news article with the events its body states.
public struct GeneratedArticle: Sendable {
    /// The index the generator was asked for.
    public var id: Int
    public var language: Language
    /// The publication date, at day precision.
    public var published: EDTFDate
    public var title: String
    /// The article as scraped: headline, body, and sometimes site furniture at the end.
    public var text: String
    /// The events the body states (never those of the furniture), in the order the body states them.
    public var expected: [ExpectedEvent]
    /// The article as one JSON Lines line: `{"title","url","published","language","text"}`, without a newline.
    public var json: String
    /// The furniture appended after the body ("" when none): a suffix of `text`.
    public var furniture: String

    /// An article.
    public init(
        id: Int, language: Language, published: EDTFDate, title: String, text: String, expected: [ExpectedEvent],
        json: String, furniture: String = ""
    ) {
        self.id = id
        self.language = language
        self.published = published
        self.title = title
        self.text = text
        self.expected = expected
        self.json = json
        self.furniture = furniture
    }

    /// The text without its furniture: headline and body.
    public var body: Substring { text.dropLast(furniture.count) }
}

/// An event a generated article states, with canonical English names as the bundled gazetteer has them.
public struct ExpectedEvent: Sendable, Hashable {
    public var type: EventType
    /// As the text supports it (day, month or year precision); nil when the text gives no date.
    public var date: EDTFDate?
    /// The organization (agreements, offices) or person (visits) that acts.
    public var actor: String
    /// The other parties of an agreement; the organizations met on a visit.
    public var counterparties: [String]
    /// The city or country; nil when the text names none.
    public var place: String?
    /// Words of the sentence that states the event, as written (for tests and for people reading a miss).
    public var cue: String

    /// An expected event.
    public init(
        type: EventType, date: EDTFDate?, actor: String, counterparties: [String] = [], place: String? = nil, cue: String = ""
    ) {
        self.type = type
        self.date = date
        self.actor = actor
        self.counterparties = counterparties
        self.place = place
        self.cue = cue
    }
}
