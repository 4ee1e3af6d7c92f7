/// An article's text after cleaning, with the way back to the original.
public struct CleanedText: Sendable {
    /// The text as read (`ArticleInput.text`); every original offset counts code points in it.
    public let original: String
    /// The cleaned text later stages read: the headline (when there is one) and the body's lines,
    /// joined by line breaks, with furniture out and scraping damage repaired.
    public let text: String
    /// For each code point of `text` (and one past its end), the offset in `original` of the code
    /// point it came from. A character the cleaner inserted (a parenthesis around a gloss) maps to
    /// the original position it stands at.
    public let originalOffsets: [Int]
    /// The headline line, when the text starts with one.
    public let title: String?
    /// The sentences of the cleaned text, the headline first (`isHeadline`).
    public let sentences: [Sentence]
    /// What was cut and why, in original offsets.
    public let removed: [RemovedSpan]
    /// What was repaired, in original offsets.
    public let repairs: [Repair]

    /// Where each code point of `text` ends in `original` (equal to its start for an inserted one).
    let originalEnds: [Int]
    let originalScalars: [Unicode.Scalar]
    /// The code points of `text`.
    let scalars: [Unicode.Scalar]

    init(
        original: String, originalScalars: [Unicode.Scalar], scalars: [Unicode.Scalar], starts: [Int], ends: [Int],
        title: String?, sentences: [Sentence], removed: [RemovedSpan], repairs: [Repair]
    ) {
        self.original = original
        self.originalScalars = originalScalars
        self.scalars = scalars
        self.text = ScalarString.make(scalars[...])
        self.originalOffsets = starts + [ends.last ?? 0]
        self.originalEnds = ends
        self.title = title
        self.sentences = sentences
        self.removed = removed
        self.repairs = repairs
    }

    /// The original range a range of cleaned offsets came from: from the start of its first code
    /// point to the end of its last. Inserted characters at its edges add nothing.
    public func originalRange(start: Int, end: Int) -> Range<Int> {
        let count = scalars.count
        let lower = max(0, min(start, count))
        let upper = max(lower, min(end, count))
        guard lower < upper else {
            let at = originalOffsets[lower]
            return at..<at
        }
        let from = originalOffsets[lower]
        let to = max(from, originalEnds[upper - 1])
        return from..<to
    }

    /// The original words behind a range of cleaned offsets.
    public func originalText(start: Int, end: Int) -> String {
        let range = originalRange(start: start, end: end)
        return ScalarString.make(originalScalars[range])
    }

    /// Evidence for a sentence (or a part of one): the original words and their original offsets.
    public func evidence(start: Int, end: Int) -> Evidence {
        let range = originalRange(start: start, end: end)
        return Evidence(text: ScalarString.make(originalScalars[range]), start: range.lowerBound, end: range.upperBound)
    }

    /// Evidence for a whole sentence.
    public func evidence(for sentence: Sentence) -> Evidence {
        evidence(start: sentence.start, end: sentence.end)
    }
}

/// A sentence of the cleaned text.
public struct Sentence: Sendable, Hashable {
    public var text: String
    /// Code point offsets into `CleanedText.text`.
    public var start: Int
    public var end: Int
    /// The index of its line among the kept lines (the headline is paragraph 0 when there is one).
    public var paragraph: Int
    public var isHeadline: Bool

    public init(text: String, start: Int, end: Int, paragraph: Int, isHeadline: Bool) {
        self.text = text
        self.start = start
        self.end = end
        self.paragraph = paragraph
        self.isHeadline = isHeadline
    }
}

/// A stretch of the original text the cleaner cut, and why.
public struct RemovedSpan: Sendable, Hashable, CustomStringConvertible {
    /// Why a span was cut.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// The article's tail, from the first marker that starts a block of site furniture.
        case tail = "tail"
        /// Page furniture above the article's first sentence.
        case topOfPage = "top of page"
        case sectionMarker = "section marker"
        /// A short heading line inside the body that is not a sentence.
        case kicker = "kicker"
        case photoCaption = "photo caption"
        case photoCredit = "photo credit"
        case email = "e-mail address"
        case link = "link"
        case byline = "byline"
        /// Other furniture: "Read more", share buttons.
        case furniture = "furniture"
    }

    /// Code point offsets into the original text.
    public var start: Int
    public var end: Int
    public var reason: Reason
    /// What gave it away, for `--explain` ("bullet block", "copyright line").
    public var detail: String
    public var text: String

    public init(start: Int, end: Int, reason: Reason, detail: String, text: String) {
        self.start = start
        self.end = end
        self.reason = reason
        self.detail = detail
        self.text = text
    }

    public var description: String { "\(start)..<\(end) \(reason.rawValue) (\(detail)): \(text.prefix(60))" }
}

/// Scraping damage the cleaner repaired.
public struct Repair: Sendable, Hashable {
    /// The kinds of damage repaired.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A '?' (or U+FFFD) standing for a lost middle dot between two names.
        case middleDot = "middle dot"
        /// Parentheses lost around a gloss: 인공지능AI → 인공지능(AI).
        case gloss = "gloss"
        /// Parentheses lost around a former name: 엑스옛 트위터 → 엑스(옛 트위터).
        case formerName = "former name"
        /// Parentheses lost around a position in a photo: CSO왼쪽가 → CSO(왼쪽)가.
        case position = "position"
    }

    /// The original range repaired (code point offsets).
    public var start: Int
    public var end: Int
    public var kind: Kind
    public var before: String
    public var after: String

    public init(start: Int, end: Int, kind: Kind, before: String, after: String) {
        self.start = start
        self.end = end
        self.kind = kind
        self.before = before
        self.after = after
    }
}
