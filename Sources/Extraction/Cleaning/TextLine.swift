/// One line of the original text and what the cleaner reads from it.
struct TextLine {
    /// The line's span in the original, without its line break.
    let start: Int
    let end: Int
    /// The span without surrounding white space.
    var lo: Int
    var hi: Int
    /// Where the words start after a leading bullet ('■ ', '▶', '- ').
    var content: Int

    var endsSentence = false
    var isMarker = false
    var bullet = false
    var url = false
    var onlyURL = false
    var email = false
    var strong: String?
    var weak: String?
    var byline = false
    var top = false
    /// Where a photo credit ending the line starts.
    var creditStart: Int?
    /// Whether the line has Hangul (the Korean repairs look only at such lines).
    var hasHangul = false

    var length: Int { hi - lo }
    var isBlank: Bool { lo >= hi }

    /// Reads like a line of body text: a sentence of some length, or a long paragraph.
    var bodyLike: Bool { (endsSentence && length >= 15) || length >= 120 }
    /// Reads like a headline: no sentence ending, not long.
    var headlineLike: Bool { !isBlank && !endsSentence && length <= 120 }
    /// A bullet line of a short, headline-like item ('■ 더중앙플러스 - …', '▶ …').
    var bulletItem: Bool { bullet && !bodyLike && length <= 100 }

    /// Starts a block of furniture, on its own or when what follows confirms it.
    var signal: Bool { strong != nil || weak != nil || byline || url || email || bulletItem }
    /// Counts toward a block of furniture.
    var furnitureLike: Bool { signal || isMarker || (headlineLike && !bodyLike) }
}
