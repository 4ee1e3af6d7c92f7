/// One piece of a sentence as the rules see it: a word, a punctuation mark, or a whole name.
struct Item: Sendable {
    /// Code point offsets into the cleaned text, the particle included.
    var start: Int
    var end: Int
    /// The written form without a trailing particle ("오픈AI", "협약을" → "협약", "OpenAI's" → "OpenAI").
    var stem: String
    /// A Korean particle written straight after it ("는", "과"), or "'s" for an English possessive.
    var particle: String?
    /// A Korean suffix between the name and its particle ("측").
    var suffix: String?
    var isPunct: Bool
    /// Parenthetical text written straight after it: '말레이시아투자개발청(MIDA)과' → "MIDA".
    var gloss: String?
    /// The name this item is, when it is one.
    var mention: Mention?

    /// The whole written form, particle included.
    var text: String

    var lower: String {
        stem.utf8.contains { $0 >= 0x41 && $0 <= 0x5A } ? stem.lowercased() : stem
    }
    var isWord: Bool { !isPunct }
    var entity: EntityRef? { mention?.entity }
    var kind: EntityKind? { mention?.entity.kind }
    var isBare: Bool { particle == nil && suffix == nil && !isPunct }

    func isPunct(_ mark: Unicode.Scalar) -> Bool {
        isPunct && stem.unicodeScalars.first == mark
    }

    /// True when the first letter is an ASCII capital (or the word is an acronym with digits: 'SK', 'GPT-4').
    var isCapitalized: Bool {
        guard let first = stem.unicodeScalars.first else { return false }
        // ASCII answers without the (slower) Unicode property table.
        if first.value < 0x80 { return first.isASCIIUppercase }
        return first.isLatinLetter && first.properties.isUppercase
    }

    var isHangulWord: Bool {
        !isPunct && stem.unicodeScalars.contains { $0.isHangulSyllable }
    }
}

/// A sentence prepared for the rules: its items (names collapsed into one item each) and dates.
struct SentenceView: Sendable {
    var index: Int
    var sentence: Sentence
    var items: [Item]
    /// The date expressions inside the sentence (cleaned-text offsets).
    var dates: [DateMention]

    var isHeadline: Bool { sentence.isHeadline }

    /// The mentions of the sentence, in order.
    var mentions: [Mention] { items.compactMap(\.mention) }
}
