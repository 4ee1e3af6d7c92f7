/// Reads what a clause says about time from its verbs and auxiliaries (the marker words are data in
/// `DateLexicon`): future when it speaks of plans, schedules or 'will'; past when a verb is past; else unspecified.
struct TenseReader {
    let scalars: [Unicode.Scalar]
    let tokens: [DateToken]
    private var cache: [Int: ClauseReading] = [:]  // by clause * 2 + (quoted ? 1 : 0)

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
        let reading = reading(ofClause: clause, from: index, quoted: quoted)
        if let korean = reading.korean { return korean }
        guard !reading.english.isEmpty else { return .unspecified }
        // English: the verb nearest the date governs it ('signed on Nov. 25 and will open in March',
        // 'On May 6, X unveiled plans to open …'); from another clause, the verb nearest that clause's edge.
        let first = reading.english.first!.token
        if index < first { return reading.english.first!.tense }
        if index > reading.english.last!.token, tokens[index].clause != clause { return reading.english.last!.tense }
        var best = reading.english[0]
        for marker in reading.english where abs(marker.token - index) < abs(best.token - index) { best = marker }
        return best.tense
    }

    /// What a clause's verbs say: a verdict from its Korean words when they say something, and each
    /// English marker with its token.
    private struct ClauseReading {
        var korean: DateMention.Tense?
        var english: [(token: Int, tense: DateMention.Tense)] = []
    }

    private mutating func reading(ofClause clause: Int, from index: Int, quoted: Bool) -> ClauseReading {
        let key = clause * 2 + (quoted ? 1 : 0)
        if let known = cache[key] { return known }
        var first = index
        while first > 0, tokens[first - 1].clause == clause { first -= 1 }
        var future = false
        var past = false
        var reading = ClauseReading()
        var i = first
        while i < tokens.count, tokens[i].clause == clause {
            defer { i += 1 }
            guard tokens[i].quoted == quoted else { continue }
            switch tokens[i].kind {
            case .hangul: if !future { readKorean(i, future: &future, past: &past) }
            case .latin: if let tense = readEnglish(i) { reading.english.append((i, tense)) }
            default: break
            }
        }
        // 'will be signed', 'is to be opened': a participle in a future verb group is future.
        for m in reading.english.indices.dropFirst()
        where reading.english[m].tense == .past && reading.english[m - 1].tense == .future
            && reading.english[m].token - reading.english[m - 1].token <= 3
        {
            reading.english[m].tense = .future
        }
        if future || past { reading.korean = future ? .future : .past }
        cache[key] = reading
        return reading
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
            for s in word where final(s) == 20 && !DateLexicon.koreanNonPastSsangSiot.contains(s) {
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

    /// The tense an English word marks, if any: 'will', 'plans to' (future), 'said', '-ed' (past).
    private func readEnglish(_ i: Int) -> DateMention.Tense? {
        let t = tokens[i]
        let word = scalars[t.start..<t.end]
        if let continuations = DateLexicon.englishFuture.lookup(word) {
            for rest in continuations where follows(i, rest) { return .future }
        }
        if DateLexicon.englishPast.lookup(word) != nil {
            return .past
        } else if word.count >= 4, word.last == "d", word[word.endIndex - 2] == "e",
            DateLexicon.englishNotPast.lookup(word) == nil
        {
            return .past
        }
        return nil
    }

    /// The words after token `i` are `rest`, in order.
    private func follows(_ i: Int, _ rest: [String]) -> Bool {
        for (offset, expected) in rest.enumerated() {
            guard i + 1 + offset < tokens.count else { return false }
            let t = tokens[i + 1 + offset]
            guard t.kind == .latin,
                ScalarString.make(scalars[t.start..<t.end]).lowercased() == expected
            else { return false }
        }
        return true
    }
}
