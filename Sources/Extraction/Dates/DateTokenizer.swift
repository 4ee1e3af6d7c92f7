/// One token of the text as the date scanner sees it: a run of digits, of Hangul, of Latin letters,
/// of other letters, or a single punctuation scalar. Offsets are code points.
struct DateToken: Sendable {
    enum Kind: UInt8, Sendable { case number, hangul, latin, otherLetters, punct }

    var kind: Kind
    var start: Int
    var end: Int
    /// For numbers: the value (capped), for others 0.
    var number: Int = 0
    /// A space or a line break comes right before the token.
    var spaceBefore = false
    /// The token begins a new sentence (after a line break or a sentence-final mark).
    var sentence = 0
    var clause = 0
    /// For Hangul and Latin words: what the word (or, for Hangul, its stem before a particle) means.
    var word: DateWord?
    /// For Hangul words with a date word: where the attached particle starts (== end when none).
    var stemEnd = 0
    /// The attached particle coordinates ('6월과').
    var coordinates = false
    /// Latin word starting with a capital letter.
    var capitalized = false
    /// Inside quotation marks: quoted speech has its own tense.
    var quoted = false

    var length: Int { end - start }
}

/// Splits text into `DateToken`s and marks sentences and clauses.
struct DateTokenizer {
    let scalars: [Unicode.Scalar]

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    @inline(__always) static func isHangul(_ v: UInt32) -> Bool {
        (0xAC00...0xD7A3).contains(v) || (0x1100...0x11FF).contains(v) || (0x3131...0x318E).contains(v)
    }

    @inline(__always) static func isLatin(_ v: UInt32) -> Bool {
        (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || (v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7)
    }

    func tokenize() -> [DateToken] {
        var tokens: [DateToken] = []
        tokens.reserveCapacity(scalars.count / 3)
        var i = 0
        let n = scalars.count
        var space = false
        var sentence = 0
        var clause = 0
        var newSentencePending = false
        var quoted = false
        while i < n {
            let s = scalars[i]
            let v = s.value
            if v == 10 || v == 13 || v == 0x2028 || v == 0x2029 {
                space = true
                newSentencePending = true
                i += 1
                continue
            }
            if v == 32 || v == 9 || (v >= 128 && !Self.isHangul(v) && s.properties.isWhitespace) {
                space = true
                i += 1
                continue
            }
            if newSentencePending, !tokens.isEmpty {
                sentence += 1
                clause += 1
                newSentencePending = false
            }
            newSentencePending = false
            var token = DateToken(kind: .punct, start: i, end: i + 1)
            token.spaceBefore = space
            space = false
            if v >= 48 && v <= 57 {
                var j = i
                var value = 0
                while j < n, scalars[j].value >= 48, scalars[j].value <= 57 {
                    if value < 1_000_000 { value = value * 10 + Int(scalars[j].value - 48) }
                    j += 1
                }
                token.kind = .number
                token.end = j
                token.number = value
            } else if Self.isHangul(v) {
                var j = i + 1
                while j < n, Self.isHangul(scalars[j].value) { j += 1 }
                token.kind = .hangul
                token.end = j
                classifyKorean(&token)
            } else if Self.isLatin(v) {
                var j = i + 1
                while j < n, Self.isLatin(scalars[j].value) { j += 1 }
                token.kind = .latin
                token.end = j
                token.capitalized = v >= 65 && v <= 90 || (v >= 0xC0 && v <= 0xDE)
                token.word = DateLexicon.english.lookup(scalars[i..<j])
            } else if v >= 128, s.properties.isAlphabetic {
                var j = i + 1
                while j < n, scalars[j].properties.isAlphabetic, !Self.isHangul(scalars[j].value),
                    !Self.isLatin(scalars[j].value), !(scalars[j].value >= 48 && scalars[j].value <= 57)
                {
                    j += 1
                }
                token.kind = .otherLetters
                token.end = j
            }
            token.sentence = sentence
            token.clause = clause
            if token.kind == .punct {
                switch v {
                case 0x201C, 0x300C, 0x300E: quoted = true  // “ 「 『
                case 0x201D, 0x300D, 0x300F: quoted = false  // ” 」 』
                case 0x22: quoted.toggle()
                default: break
                }
            }
            token.quoted = quoted
            tokens.append(token)
            i = token.end
            if token.kind == .punct {
                if endsSentence(at: tokens.count - 1, tokens) {
                    newSentencePending = true
                } else if v == 44 || v == 59 || v == 0xFF0C || v == 0x3001 {  // , ; ， 、
                    clause += 1
                }
            } else if token.kind == .hangul, endsKoreanClause(token) {
                clause += 1
            }
        }
        splitEnglishCoordination(&tokens)
        return tokens
    }

    /// 'signed … on Nov. 25 and will open … in March': 'and' or 'but' before a verb starts a clause
    /// of its own, so each date keeps its own verb's tense.
    private func splitEnglishCoordination(_ tokens: inout [DateToken]) {
        var shift = 0
        for i in tokens.indices {
            tokens[i].clause += shift
            guard tokens[i].kind == .latin, i + 1 < tokens.count, tokens[i + 1].kind == .latin,
                DateLexicon.englishCoordinators.lookup(scalars[tokens[i].start..<tokens[i].end]) != nil
            else { continue }
            let next = scalars[tokens[i + 1].start..<tokens[i + 1].end]
            let isVerb = DateLexicon.englishClauseStarters.lookup(next) != nil || DateLexicon.englishPast.lookup(next) != nil
                || (next.count >= 4 && next.last == "d" && next[next.endIndex - 2] == "e" && DateLexicon.englishNotPast.lookup(next) == nil)
            if isVerb { shift += 1 }
        }
    }

    /// A full stop, question or exclamation mark followed by a space, a line break, a quote or the end,
    /// not inside a number ('2024. 11. 26.') nor after an abbreviation ('Nov.', 'Mr.').
    private func endsSentence(at index: Int, _ tokens: [DateToken]) -> Bool {
        let token = tokens[index]
        let v = scalars[token.start].value
        switch v {
        case 0x3F, 0x21, 0x3002, 0xFF1F, 0xFF01: return true
        case 0x2E: break
        default: return false
        }
        let next = token.end < scalars.count ? scalars[token.end] : " "
        guard next.properties.isWhitespace || next == "\"" || next == "”" || next == "’" || next == "'" else {
            return false
        }
        guard index > 0 else { return true }
        let previous = tokens[index - 1]
        if previous.end == token.start {
            if previous.kind == .number {
                // '2024. 11. 26.': a number follows on the same line.
                var j = token.end
                while j < scalars.count, scalars[j] == " " { j += 1 }
                if j < scalars.count, scalars[j].value >= 48, scalars[j].value <= 57 { return false }
            }
            if previous.kind == .latin {
                if previous.length == 1, scalars[previous.start].properties.isUppercase { return false }
                if DateLexicon.abbreviations.lookup(scalars[previous.start..<previous.end]) != nil {
                    // 'Nov. 26' goes on; 'in Nov.' at the end of a sentence is rare enough.
                    return false
                }
            }
        }
        return true
    }

    /// Looks the Hangul word up: a date word, possibly followed by a particle.
    private func classifyKorean(_ token: inout DateToken) {
        let start = token.start
        let end = token.end
        guard DateLexicon.koreanInitials.contains(scalars[start].value) else { return }
        let maxStem = min(end - start, DateLexicon.korean.maxLength)
        guard maxStem > 0 else { return }
        for length in stride(from: maxStem, through: 1, by: -1) {
            guard let entry = DateLexicon.korean.lookup(scalars[start..<(start + length)]) else { continue }
            let stemEnd = start + length
            if stemEnd == end {
                token.word = entry.word
                token.stemEnd = end
                return
            }
            if entry.exactOnly { continue }
            if let coordinates = DateLexicon.particles.lookup(scalars[stemEnd..<end]) {
                token.word = entry.word
                token.stemEnd = stemEnd
                token.coordinates = coordinates
                return
            }
        }
    }

    /// A Hangul word ending a clause inside a sentence ('체결했으며', '열었고').
    private func endsKoreanClause(_ token: DateToken) -> Bool {
        for ending in DateLexicon.clauseEndings where ending.count < token.length {
            if scalars[(token.end - ending.count)..<token.end].elementsEqual(ending) { return true }
        }
        return false
    }
}
