/// Splits a line of text into sentences, for Korean and English alike.
///
/// A sentence ends at `. ! ?` (and their full-width forms), with any closing quotes or brackets
/// after them, when white space or the line's end follows. It does not end
/// - inside a quotation or parenthesis closed later on the line, unless the final mark stands at
///   the quotation's very end and a new sentence follows (`“…했다.” 그는` splits, `“…다”고 밝혔다` and
///   `“Great!” she said` do not);
/// - after an abbreviation (`Dr.`, `e.g.`; `Inc.` or `U.S.` only when a sentence-starting word follows);
/// - after an initial (`J. Smith`), inside a number (`2024.11.26`, `3.5%`, `2024. 11. 26.`);
/// - before a lowercase word.
/// A Korean ending glued to the next sentence (`했다.그러나`) is split too. Line breaks always end a
/// sentence; the caller splits lines.
public struct SentenceSplitter: Sendable {
    private let lexicon: FurnitureLexicon

    /// A splitter using the bundled lexicons.
    public init() {
        lexicon = .shared
    }

    /// The sentences of a one-line string, trimmed.
    public func split(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return split(scalars, in: 0..<scalars.count).map { ScalarString.make(scalars[$0]) }
    }

    /// The ranges of the sentences in `scalars[range]` (one line, no line breaks), trimmed of
    /// surrounding white space; empty ones are left out.
    public func split(_ scalars: [Unicode.Scalar], in range: Range<Int>) -> [Range<Int>] {
        let lo = range.lowerBound
        let hi = range.upperBound
        guard lo < hi else { return [] }
        let closeOf = matchedPairs(scalars, in: range)
        var out: [Range<Int>] = []
        var start = lo
        var openStack: [Int] = []  // closing positions of the regions we are inside
        var i = lo
        while i < hi {
            while let last = openStack.last, last <= i { openStack.removeLast() }
            if let close = closeOf[i - lo], close > i { openStack.append(close) }
            let scalar = scalars[i]
            guard scalar.isSentenceTerminal else {
                i += 1
                continue
            }
            // The run of final marks and closing marks.
            var j = i + 1
            while j < hi, scalars[j].isSentenceTerminal { j += 1 }
            while j < hi, scalars[j].isClosingMark { j += 1 }
            // Inside a region, only a mark at its very end may end the sentence.
            if openStack.contains(where: { $0 >= j }) {
                i = j
                continue
            }
            if isBoundary(scalars, terminal: i, after: j, lo: lo, hi: hi) {
                appendTrimmed(scalars, start..<j, to: &out)
                start = j
            }
            i = j
        }
        appendTrimmed(scalars, start..<hi, to: &out)
        return out
    }

    private func isBoundary(_ s: [Unicode.Scalar], terminal i: Int, after j: Int, lo: Int, hi: Int) -> Bool {
        if j == hi { return true }
        let glued = !s[j].isHorizontalSpace
        if glued {
            // Korean sentences glued together: "했다.그러나".
            return s[i] == "." && j == i + 1 && i > lo && lexicon.sentenceFinalSyllables.contains(s[i - 1])
                && s[j].isHangulSyllable && s[i - 1].isHangulSyllable
        }
        var k = j
        while k < hi, s[k].isHorizontalSpace { k += 1 }
        guard k < hi else { return true }
        let next = s[k]
        if next.isASCIILowercase { return false }
        guard s[i] == "." else { return true }
        // A period right after a closing mark ("(…)." ) is a plain end.
        guard i > lo, s[i - 1].isWordScalar else { return true }
        // Numbers: "2024. 11. 26."
        if s[i - 1].isASCIIDigit {
            if next.isASCIIDigit { return false }
            // The day of a spaced date: "2024. 11. 26. 열린다".
            var d = i - 1
            while d > lo, s[d - 1].isASCIIDigit { d -= 1 }
            if i - d <= 2, d - 3 >= lo, s[d - 1] == " ", s[d - 2] == ".", s[d - 3].isASCIIDigit { return false }
        }
        // The word before the period, with inner periods ("U.S", "e.g").
        var w = i
        while w > lo, s[w - 1].isLatinLetter || (s[w - 1] == "." && w - 1 > lo && s[w - 2].isLatinLetter) { w -= 1 }
        guard w < i else { return true }
        let word = ScalarString.make(s[w..<i])
        if i - w == 1, s[w].isASCIIUppercase { return false }  // an initial: "J. Smith"
        if lexicon.abbreviationsNever.contains(word) { return false }
        // A listed abbreviation, or one unlisted made of single-letter parts ("U.S"), ends a sentence
        // only when a sentence-starting word follows.
        guard lexicon.abbreviationsMaybe.contains(word) || (word.unicodeScalars.contains(".") && word.unicodeScalars.count <= 5)
        else { return true }
        var e = k
        while e < hi, s[e].isLatinLetter { e += 1 }
        return lexicon.sentenceStarters.contains(ScalarString.make(s[k..<e]))
    }

    /// For each position of an opening quote or bracket closed later on the line, the position of
    /// its closing partner: indexed relative to the range, holding absolute positions; nil elsewhere.
    private func matchedPairs(_ s: [Unicode.Scalar], in range: Range<Int>) -> [Int?] {
        var closeOf = [Int?](repeating: nil, count: range.count)
        var stack: [(Unicode.Scalar, Int)] = []
        var asciiQuoteOpen: Int?
        for index in range {
            let scalar = s[index]
            switch scalar {
            case "\u{201C}", "\u{2018}", "(", "[", "\u{300C}", "\u{300E}", "\u{FF08}", "\u{AB}":
                stack.append((scalar, index))
            case "\u{201D}", "\u{2019}", ")", "]", "\u{300D}", "\u{300F}", "\u{FF09}", "\u{BB}":
                let opener: Unicode.Scalar = switch scalar {
                case "\u{201D}": "\u{201C}"
                case "\u{2019}": "\u{2018}"
                case ")": "("
                case "]": "["
                case "\u{300D}": "\u{300C}"
                case "\u{300F}": "\u{300E}"
                case "\u{FF09}": "\u{FF08}"
                default: "\u{AB}"
                }
                // An apostrophe (’) with no open ‘ is just an apostrophe.
                if let at = stack.lastIndex(where: { $0.0 == opener }) {
                    closeOf[stack[at].1 - range.lowerBound] = index
                    stack.removeSubrange(at...)
                }
            case "\"":
                if let open = asciiQuoteOpen {
                    closeOf[open - range.lowerBound] = index
                    asciiQuoteOpen = nil
                } else {
                    asciiQuoteOpen = index
                }
            default:
                break
            }
        }
        return closeOf
    }

    private func appendTrimmed(_ s: [Unicode.Scalar], _ range: Range<Int>, to out: inout [Range<Int>]) {
        var a = range.lowerBound
        var b = range.upperBound
        while a < b, s[a].isHorizontalSpace { a += 1 }
        while b > a, s[b - 1].isHorizontalSpace { b -= 1 }
        if a < b { out.append(a..<b) }
    }
}
