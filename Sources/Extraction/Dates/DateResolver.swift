/// Finds every date expression in a Korean or English text and places it on the calendar against
/// the publication date, at the precision the text gives (EDTF level 0).
///
/// The resolver sees whole article texts: it finds sentence and clause ends itself, only to read each
/// clause's tense (for '4월', 'in April', 'on Tuesday') and to resolve '이날' / 'that day'.
public struct DateResolver: Sendable {
    /// The publication date; nil when unknown, and then only absolute dates get a value.
    public let published: EDTFDate?
    private let publishedDay: CivilDay?

    /// A resolver for texts published on `published`, normally at day precision. A coarser date is
    /// taken as its first day for counting ('yesterday' then has no sound value, so it stays nil).
    public init(published: EDTFDate?) {
        self.published = published
        self.publishedDay = published.flatMap { CivilDay($0) }
    }

    /// The date expressions of `text`, in text order, never overlapping.
    public func resolve(_ text: String) -> [DateMention] {
        let scalars = ScalarString.scalars(of: text)
        let tokens = DateTokenizer(scalars).tokenize()
        let drafts = DateScanner(scalars: scalars, tokens: tokens, publishedYear: published?.year).scan()
        guard !drafts.isEmpty else { return [] }
        var tenses = TenseReader(scalars: scalars, tokens: tokens)
        var mentions: [DateMention] = []
        mentions.reserveCapacity(drafts.count)
        var lastValue: EDTFDate?
        for draft in drafts {
            let start = tokens[draft.first].start
            let lastToken = tokens[draft.last - 1]
            let end = lastToken.kind == .hangul && lastToken.word != nil ? lastToken.stemEnd : lastToken.end
            var tense = tenses.tense(around: draft.first)
            if tense == .unspecified { tense = draft.spec.impliedTense }
            let value: EDTFDate?
            if case .anaphoric = draft.spec {
                value = lastValue
            } else {
                value = draft.spec.resolve(published: publishedDay, tense: tense)
                if value != nil { lastValue = value }
            }
            mentions.append(DateMention(
                text: ScalarString.make(scalars[start..<end]), start: start, end: end,
                value: value, kind: draft.spec.kind, tense: tense
            ))
        }
        return mentions
    }
}
