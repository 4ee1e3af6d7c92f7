/// A date expression found in a text, with the calendar date it stands for.
public struct DateMention: Hashable, Sendable {
    /// How the expression gives its date.
    public enum Kind: String, Sendable {
        /// Written in full: '2024년 11월 26일', 'Nov. 26, 2024', 'in 2023'.
        case absolute
        /// Counted from the publication date: '지난해 6월', '26일', 'last month', 'two years ago'.
        case relative
        /// Pointing back at a date already mentioned: '이날', '당일', 'that day', 'the same day'.
        case anaphoric
    }

    /// What the clause around the expression says about time.
    public enum Tense: String, Sendable {
        case past, future, unspecified
    }

    /// The expression as written, e.g. "지난해 6월" (without a trailing particle).
    public var text: String
    /// Code point offset of the first character in the string given to the resolver.
    public var start: Int
    /// Code point offset just past the last character.
    public var end: Int
    /// The date, never more precise than the text; nil when it cannot be resolved
    /// (a relative date with no publication date, an anaphor with nothing before it).
    public var value: EDTFDate?
    public var kind: Kind
    public var tense: Tense

    /// A mention with all its parts.
    public init(text: String, start: Int, end: Int, value: EDTFDate?, kind: Kind, tense: Tense) {
        self.text = text
        self.start = start
        self.end = end
        self.value = value
        self.kind = kind
        self.tense = tense
    }
}
