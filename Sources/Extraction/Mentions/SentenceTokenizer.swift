/// Splits a sentence of the cleaned text into items: words and punctuation marks, with gazetteer
/// names collapsed into one item each, Korean particles split off, and parenthetical glosses
/// ('(MIDA)', '(CEO)') attached to the word they follow.
struct SentenceTokenizer {
    let scalars: [Unicode.Scalar]
    let language: Language

    static let punctuation: ScalarSet = [
        ",", ";", ":", "!", "?", "(", ")", "[", "]", "{", "}", "\"", "“", "”", "‘", "’", "'", "·", "…", "—", "–",
        "▲", "□", "■", "※", "〈", "〉", "《", "》", "「", "」", "『", "』", "/", "~", "=", "+", "<", ">", "|", "•",
        "▶", "◆", "●", "・", "ㆍ", "、", "。", "%", "#", "*", "━", "-",
    ]

    static let closingQuotes: ScalarSet = ["'", "’", "\"", "”", "」", "』", "》", "〉"]

    static let abbreviations: WordSet = [
        "Inc", "Corp", "Co", "Ltd", "Dr", "Mr", "Ms", "Mrs", "Jr", "Sr", "St", "No", "vs", "Prof", "Gen", "Gov",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "U.S", "U.K", "U.N",
        "S", "N", "E", "W", "D.C", "Bros", "Mt", "etc", "approx",
    ]

    @inline(__always)
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
        default: false
        }
    }

    /// The raw words and marks of `range`.
    func rawTokens(_ range: Range<Int>) -> [Range<Int>] {
        var tokens: [Range<Int>] = []
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let c = scalars[i]
            if Self.isSpace(c) {
                i += 1
                continue
            }
            if Self.punctuation.contains(c) {
                // A hyphen between two word characters stays inside the word.
                tokens.append(i..<(i + 1))
                i += 1
                continue
            }
            var j = i
            while j < end {
                let d = scalars[j]
                if Self.isSpace(d) { break }
                if d == "." {
                    let next = j + 1 < end ? scalars[j + 1] : " "
                    if next.isWordScalar { j += 1; continue }
                    let word = ScalarString.make(scalars[i..<j])
                    if Self.abbreviations.contains(word) || (j - i == 1 && scalars[i].isASCIIUppercase) {
                        j += 1
                    }
                    break
                }
                if d == "-" || d == "'" || d == "’" || d == "&" || d == "," {
                    // Inside a word only between two word characters ("Export-Import", "OpenAI's", "1,200").
                    let prev = scalars[j - 1 >= i ? j - 1 : i]
                    let next = j + 1 < end ? scalars[j + 1] : " "
                    let ok: Bool
                    switch d {
                    case ",": ok = prev.isASCIIDigit && next.isASCIIDigit
                    case "'", "’": ok = prev.isLatinLetter && next.isLatinLetter
                    default: ok = j > i && prev.isWordScalar && next.isWordScalar
                    }
                    if ok { j += 1; continue }
                    break
                }
                if Self.punctuation.contains(d) { break }
                j += 1
            }
            if j == i { j = i + 1 }
            tokens.append(i..<j)
            i = j
        }
        return tokens
    }

    /// The items of a sentence, with the gazetteer matches inside it (cleaned-text offsets, in order).
    func items(_ range: Range<Int>, matches: ArraySlice<NameMatch>) -> [Item] {
        let tokens = rawTokens(range)
        var items: [Item] = []
        items.reserveCapacity(tokens.count)
        var matchIndex = matches.startIndex
        var position = range.lowerBound
        for token in tokens {
            if token.upperBound <= position { continue }
            var from = max(token.lowerBound, position)
            while from < token.upperBound {
                while matchIndex < matches.endIndex && matches[matchIndex].start < from { matchIndex += 1 }
                if matchIndex < matches.endIndex, matches[matchIndex].start < token.upperBound {
                    let match = matches[matchIndex]
                    if match.start > from { items.append(plain(from..<match.start)) }
                    let suffixCount = match.suffix?.unicodeScalars.count ?? 0
                    let particleCount = match.particle?.unicodeScalars.count ?? 0
                    let end = match.end + suffixCount + particleCount
                    let mention = Mention(
                        entity: match.entity, surface: match.surface, start: match.start, end: match.end, source: .gazetteer
                    )
                    var item = Item(
                        start: match.start, end: end, stem: match.surface, particle: match.particle,
                        suffix: match.suffix, isPunct: false, gloss: nil, mention: mention,
                        text: ScalarString.make(scalars[match.start..<end])
                    )
                    item.mention?.ambiguous = match.ambiguous
                    var next = end
                    // "OpenAI's", and "Saudi Arabia's" whose name spans more than one token.
                    if next + 2 <= range.upperBound, scalars[next] == "'" || scalars[next] == "’", scalars[next + 1] == "s",
                       next + 2 == range.upperBound || !(scalars[next + 2].isLatinLetter || scalars[next + 2].isASCIIDigit)
                    {
                        item.particle = "'s"
                        item.end = next + 2
                        item.text = ScalarString.make(scalars[match.start..<(next + 2)])
                        next += 2
                    }
                    items.append(item)
                    matchIndex += 1
                    from = next
                    position = next
                } else {
                    items.append(plain(from..<token.upperBound))
                    from = token.upperBound
                }
            }
            position = max(position, token.upperBound)
        }
        attachGlossesAndParticles(&items)
        return items
    }

    private func plain(_ range: Range<Int>) -> Item {
        let text = ScalarString.make(scalars[range])
        let isPunct = range.count == 1 && Self.punctuation.contains(scalars[range.lowerBound])
        var stem = text
        var particle: String?
        if !isPunct {
            if scalars[range.upperBound - 1].isHangulSyllable, range.count > 1 {
                // The longest particle the word ends with, looked up as packed code points.
                for length in stride(from: min(Self.longestParticle, range.count - 1), through: 1, by: -1) {
                    var key: UInt64 = 0
                    for k in (range.upperBound - length)..<range.upperBound { key = key << 16 | UInt64(scalars[k].value & 0xFFFF) }
                    if Self.particleKeys[length - 1].contains(key) {
                        stem = ScalarString.make(scalars[range.lowerBound..<(range.upperBound - length)])
                        particle = ScalarString.make(scalars[(range.upperBound - length)..<range.upperBound])
                        break
                    }
                }
            } else if text.hasSuffix("'s") || text.hasSuffix("’s") {
                stem = String(text.unicodeScalars.dropLast(2))
                particle = "'s"
            }
        }
        return Item(
            start: range.lowerBound, end: range.upperBound, stem: stem, particle: particle, suffix: nil,
            isPunct: isPunct, gloss: nil, mention: nil, text: text
        )
    }

    /// The Korean particles of one to four code points, each packed 16 bits a code point, by length.
    static let particleKeys: [Set<UInt64>] = {
        var keys = [Set<UInt64>](repeating: [], count: 4)
        for particle in KoreanParticles.all {
            let scalars = Array(particle.unicodeScalars)
            guard (1...4).contains(scalars.count), scalars.allSatisfy({ $0.value <= 0xFFFF }) else { continue }
            keys[scalars.count - 1].insert(scalars.reduce(UInt64(0)) { $0 << 16 | UInt64($1.value) })
        }
        return keys
    }()
    static let longestParticle = 4

    /// '말레이시아투자개발청(MIDA)과': the gloss goes to the word before '(', the particle after ')' too.
    /// "'루멘 판교 스튜디오'의": the particle after a closing quote goes to the word before it.
    private func attachGlossesAndParticles(_ items: inout [Item]) {
        // Most sentences have nothing to attach: find the first item that changes anything before
        // copying the items. Until then the items kept are exactly `items[..<i]`.
        var first = 0
        while first < items.count {
            let item = first
            if items[item].isPunct("("), item > 0, items[item - 1].end == items[item].start, !items[item - 1].isPunct,
               let close = items[(item + 1)...].firstIndex(where: { $0.isPunct(")") }), close - item <= 12
            {
                break
            }
            if items[item].isPunct, let mark = items[item].stem.unicodeScalars.first, Self.closingQuotes.contains(mark),
               item >= 1, item + 1 < items.count, items[item + 1].start == items[item].end, particleOnly(items[item + 1]) != nil
            {
                break
            }
            first += 1
        }
        guard first < items.count else { return }
        var i = first
        var out: [Item] = []
        out.reserveCapacity(items.count)
        out.append(contentsOf: items[..<first])
        while i < items.count {
            let item = items[i]
            if item.isPunct("("), let last = out.indices.last, out[last].end == item.start, !out[last].isPunct,
               let close = items[(i + 1)...].firstIndex(where: { $0.isPunct(")") }), close - i <= 12
            {
                let inner = ScalarString.make(scalars[items[i].end..<items[close].start])
                out[last].gloss = inner
                // Keep the parenthesis and its content as items: names inside still count.
                for k in i...close { out.append(items[k]) }
                i = close + 1
                if i < items.count, items[i].start == items[close].end, let p = particleOnly(items[i]) {
                    out[last].particle = p
                    out[out.count - 1].particle = p
                    i += 1
                }
                continue
            }
            if item.isPunct, let mark = item.stem.unicodeScalars.first, Self.closingQuotes.contains(mark),
               out.count >= 1, i + 1 < items.count, items[i + 1].start == item.end, let p = particleOnly(items[i + 1])
            {
                if let last = out.indices.last, !out[last].isPunct, out[last].particle == nil {
                    out[last].particle = p
                }
                out.append(item)
                i += 2
                continue
            }
            out.append(item)
            i += 1
        }
        items = out
    }

    private func particleOnly(_ item: Item) -> String? {
        guard !item.isPunct, item.mention == nil else { return nil }
        return KoreanParticles.isParticle(item.text) ? item.text : nil
    }
}
