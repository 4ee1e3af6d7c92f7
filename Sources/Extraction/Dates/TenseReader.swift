/// Reads what a clause says about time from its verbs and auxiliaries (the marker words are data in
/// `DateLexicon`): future when it speaks of plans, schedules or 'will'; past when a verb is past; else unspecified.
struct TenseReader {
    let scalars: [Unicode.Scalar]
    let tokens: [DateToken]
    private var cache: [Int: DateMention.Tense] = [:]  // by clause * 2 + (quoted ? 1 : 0)

    init(scalars: [Unicode.Scalar], tokens: [DateToken]) {
        self.scalars = scalars
        self.tokens = tokens
    }

    /// The tense for a date at token `index`: its clause's, else the nearest clause of the same sentence
    /// that says something (the predicate usually follows in Korean, and often in English).
    /// Quoted speech and the narration around it are read apart.
    mutating func tense(around index: Int) -> DateMention.Tense {
        let quoted = tokens[index].quoted
        let sentence = tokens[index].sentence
        let clause = tokens[index].clause
        let own = tense(ofClause: clause, from: index, quoted: quoted)
        if own != .unspecified { return own }
        var i = index
        var visited = clause
        while i < tokens.count, tokens[i].sentence == sentence {
            if tokens[i].clause != visited {
                visited = tokens[i].clause
                let t = tense(ofClause: visited, from: i, quoted: quoted)
                if t != .unspecified { return t }
            }
            i += 1
        }
        i = index
        visited = clause
        while i >= 0, tokens[i].sentence == sentence {
            if tokens[i].clause != visited {
                visited = tokens[i].clause
                let t = tense(ofClause: visited, from: i, quoted: quoted)
                if t != .unspecified { return t }
            }
            i -= 1
        }
        return .unspecified
    }

    private mutating func tense(ofClause clause: Int, from index: Int, quoted: Bool) -> DateMention.Tense {
        let key = clause * 2 + (quoted ? 1 : 0)
        if let known = cache[key] { return known }
        var first = index
        while first > 0, tokens[first - 1].clause == clause { first -= 1 }
        var future = false
        var past = false
        var i = first
        while i < tokens.count, tokens[i].clause == clause, !future {
            defer { i += 1 }
            guard tokens[i].quoted == quoted else { continue }
            switch tokens[i].kind {
            case .hangul: readKorean(i, future: &future, past: &past)
            case .latin: readEnglish(i, future: &future, past: &past)
            default: break
            }
        }
        let tense: DateMention.Tense = future ? .future : past ? .past : .unspecified
        cache[key] = tense
        return tense
    }

    // MARK: Korean

    private static let syllableBase: UInt32 = 0xAC00

    /// The final consonant index of a Hangul syllable (0 = none, 4 = ㄴ, 8 = ㄹ, 20 = ㅆ), or nil.
    @inline(__always) private func final(_ s: Unicode.Scalar) -> UInt32? {
        let v = s.value
        guard v >= Self.syllableBase, v <= 0xD7A3 else { return nil }
        return (v - Self.syllableBase) % 28
    }

    private func readKorean(_ i: Int, future: inout Bool, past: inout Bool) {
        let t = tokens[i]
        let word = scalars[t.start..<t.end]
        for stem in DateLexicon.futureStems where stem.count <= word.count {
            if contains(word, stem) { future = true; return }
        }
        if endsInPlainPresent(word) { future = true; return }
        // An adnominal '-ㄹ' before '것', '계획', '예정' ('열 것이다', '할 계획').
        if let last = word.last, final(last) == 8, t.length > 0, let next = tokens.dropFirst(i + 1).first,
            next.kind == .hangul, next.spaceBefore
        {
            let nextWord = scalars[next.start..<next.end]
            for length in 1...min(2, nextWord.count) where DateLexicon.futureAfterRieul.lookup(nextWord.prefix(length)) != nil {
                future = true
                return
            }
        }
        if !past {
            for s in word where final(s) == 20 && !DateLexicon.koreanNonPastSsangSiot.contains(Character(s)) {
                past = true
                break
            }
        }
    }

    /// `DateLexicon.koreanFutureEndings` as code points.
    static let futureEndings: [[Unicode.Scalar]] = DateLexicon.koreanFutureEndings.map { Array($0.unicodeScalars) }

    /// '연다', '연다고', '한다며', '만난다': the plain present of an action, which news writes for what is planned.
    private func endsInPlainPresent(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        guard word.count >= 2 else { return false }
        for e in Self.futureEndings {
            guard word.count >= e.count else { continue }
            let tail = word.suffix(e.count)
            if e[0] == "ㄴ" {
                guard let f = final(tail.first!), f == 4, tail.dropFirst().elementsEqual(e.dropFirst()) else { continue }
                // '한다' alone is an auxiliary ('해야 한다', '라고 한다'), and '이다' endings never match here.
                if word.count == 2, word.first == "한" { continue }
                return true
            } else if tail.elementsEqual(e), word.count > e.count {
                return true
            }
        }
        return false
    }

    private func contains(_ word: ArraySlice<Unicode.Scalar>, _ stem: [Unicode.Scalar]) -> Bool {
        var start = word.startIndex
        while start + stem.count <= word.endIndex {
            if word[start..<(start + stem.count)].elementsEqual(stem) { return true }
            start += 1
        }
        return false
    }

    // MARK: English

    private func readEnglish(_ i: Int, future: inout Bool, past: inout Bool) {
        let t = tokens[i]
        let word = scalars[t.start..<t.end]
        if let continuations = DateLexicon.englishFuture.lookup(word) {
            for rest in continuations where follows(i, rest) {
                future = true
                return
            }
        }
        if past { return }
        if DateLexicon.englishPast.lookup(word) != nil {
            past = true
        } else if word.count >= 4, word.last == "d", word[word.endIndex - 2] == "e",
            DateLexicon.englishNotPast.lookup(word) == nil
        {
            past = true
        }
    }

    /// The words after token `i` are `rest`, in order.
    private func follows(_ i: Int, _ rest: [String]) -> Bool {
        for (offset, expected) in rest.enumerated() {
            guard i + 1 + offset < tokens.count else { return false }
            let t = tokens[i + 1 + offset]
            guard t.kind == .latin,
                String(String.UnicodeScalarView(scalars[t.start..<t.end])).lowercased() == expected
            else { return false }
        }
        return true
    }
}
