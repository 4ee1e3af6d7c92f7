/// A date expression found in the tokens, not yet placed on the calendar.
struct DateDraft: Sendable {
    /// Token range, end exclusive.
    var first: Int
    var last: Int
    var spec: DateSpec
    /// False for text that looks like a date but is none ('2023년 2월 30일'): skipped whole, not reported.
    var isDate = true
}

/// Finds date expressions in tokens, left to right, never overlapping. The rules are general shapes
/// (a number and a unit, a modifier and a month); the words are in `DateLexicon`.
struct DateScanner {
    let scalars: [Unicode.Scalar]
    let tokens: [DateToken]
    /// The publication year, to complete two-digit years; nil when unknown.
    let publishedYear: Int?

    func scan() -> [DateDraft] {
        var drafts: [DateDraft] = []
        var i = 0
        while i < tokens.count {
            let found: [DateDraft]
            switch tokens[i].kind {
            case .number: found = numeric(i).map { [$0] } ?? koreanNumber(i).map { [$0] } ?? englishNumber(i).map { [$0] } ?? []
            case .hangul: found = koreanWord(i).map { [$0] } ?? []
            case .latin: found = englishWord(i)
            case .otherLetters, .punct: found = []
            }
            if let lastDraft = found.last {
                drafts.append(contentsOf: found.filter(\.isDate))
                i = lastDraft.last
            } else {
                i += 1
            }
        }
        inheritCoordinatedYears(&drafts)
        return drafts
    }

    // MARK: Token helpers

    func token(_ i: Int) -> DateToken? { i >= 0 && i < tokens.count ? tokens[i] : nil }

    func word(_ i: Int) -> DateWord? { token(i)?.word }

    /// Token `i` is a Hangul word with meaning `expected`, written straight after the token before it.
    func attachedUnit(_ i: Int, _ expected: DateWord) -> Bool {
        guard let t = token(i), t.kind == .hangul, !t.spaceBefore else { return false }
        return t.word == expected
    }

    /// The Hangul word `i` has no particle after its date word.
    func bare(_ i: Int) -> Bool { tokens[i].stemEnd == tokens[i].end }

    func isPunct(_ i: Int, _ scalar: Unicode.Scalar) -> Bool {
        guard let t = token(i), t.kind == .punct else { return false }
        return scalars[t.start] == scalar
    }

    func number(_ i: Int, digits: ClosedRange<Int>, in range: ClosedRange<Int>) -> Int? {
        guard let t = token(i), t.kind == .number, digits.contains(t.length), range.contains(t.number) else { return nil }
        return t.number
    }

    func twoDigitYear(_ yy: Int) -> Int {
        guard let publishedYear else { return yy < 70 ? 2000 + yy : 1900 + yy }
        let century = publishedYear / 100 * 100
        return century + yy > publishedYear + 20 ? century - 100 + yy : century + yy
    }

    // MARK: Numeric dates: 2024-11-26, 2024.11.26, 2024. 11. 26., 24.11.26, 2024/11/26, 11/26/2024, 2024-11

    private func numeric(_ i: Int) -> DateDraft? {
        let first = tokens[i]
        guard let sepToken = token(i + 1), sepToken.kind == .punct, !sepToken.spaceBefore else { return nil }
        let sep = scalars[sepToken.start]
        guard sep == "-" || sep == "." || sep == "/" else { return nil }
        // Not the tail of a longer dotted number ('1.2024.11.26', '192.168.0.1').
        if i >= 2, tokens[i - 1].kind == .punct, !first.spaceBefore, tokens[i - 2].kind == .number { return nil }
        let spaced = sep == "."
        func part(_ j: Int, digits: ClosedRange<Int>, range: ClosedRange<Int>) -> Int? {
            guard let t = token(j), !t.spaceBefore || spaced else { return nil }
            return number(j, digits: digits, in: range)
        }
        func separator(_ j: Int) -> Bool {
            guard let t = token(j), t.kind == .punct, !t.spaceBefore else { return false }
            return scalars[t.start] == sep
        }
        func continues(_ j: Int) -> Bool {
            // Another separator and digit follow: a longer number, not a date.
            guard separator(j), let t = token(j + 1), t.kind == .number, !t.spaceBefore else { return false }
            return true
        }
        if first.length == 4, (1900...2100).contains(first.number) {
            guard let month = part(i + 2, digits: 1...2, range: 1...12) else { return nil }
            if separator(i + 3), let day = part(i + 4, digits: 1...2, range: 1...31) {
                guard !continues(i + 5), let date = EDTFDate(year: first.number, month: month, day: day) else { return nil }
                return DateDraft(first: i, last: i + 5, spec: .absolute(date))
            }
            // Year and month: '2024-11', '2024.11' (two-digit month after a dot, so '2024.5' stays a number).
            guard sep != "/", !continues(i + 3), sep == "-" || tokens[i + 2].length == 2,
                !(token(i + 3)?.kind == .number), let date = EDTFDate(year: first.number, month: month)
            else { return nil }
            return DateDraft(first: i, last: i + 3, spec: .absolute(date))
        }
        if first.length == 2, sep == ".", !tokens[i + 2].spaceBefore,
            let month = part(i + 2, digits: 2...2, range: 1...12), separator(i + 3),
            let day = part(i + 4, digits: 2...2, range: 1...31), !tokens[i + 4].spaceBefore, !continues(i + 5)
        {
            guard let date = EDTFDate(year: twoDigitYear(first.number), month: month, day: day) else { return nil }
            return DateDraft(first: i, last: i + 5, spec: .absolute(date))
        }
        if sep == "/", (1...2).contains(first.length), (1...12).contains(first.number),
            let day = part(i + 2, digits: 1...2, range: 1...31), separator(i + 3),
            let year = part(i + 4, digits: 4...4, range: 1900...2100), !continues(i + 5)
        {
            guard let date = EDTFDate(year: year, month: first.number, day: day) else { return nil }
            return DateDraft(first: i, last: i + 5, spec: .absolute(date))
        }
        return nil
    }

    // MARK: Korean

    /// A number with a unit: 2024년 11월 26일, 23년 6월, 11월 26일, 4월, 26일, 3년 전, 2개월 전, 3일 전.
    private func koreanNumber(_ i: Int) -> DateDraft? {
        guard let unitToken = token(i + 1), unitToken.kind == .hangul, !unitToken.spaceBefore,
            let unit = unitToken.word
        else { return nil }
        let n = tokens[i].number
        let digits = tokens[i].length
        let agoFollows = bare(i + 1) && word(i + 2) == .before && tokens[i + 2].spaceBefore
        switch unit {
        case .unitYear:
            if agoFollows, digits <= 3 { return DateDraft(first: i, last: i + 3, spec: .ago(n, .year)) }
            let year: Int
            if digits == 4, (1000...2999).contains(n) {
                year = n
            } else if digits == 2, bare(i + 1), monthAndDay(after: i + 2) != nil {
                year = twoDigitYear(n)
            } else {
                return nil
            }
            guard endsWord(i + 1) else { return nil }
            guard bare(i + 1), let (month, day, end) = monthAndDay(after: i + 2) else {
                return DateDraft(first: i, last: i + 2, spec: .absolute(EDTFDate(year: year)))
            }
            let date = day.map { EDTFDate(year: year, month: month, day: $0) } ?? EDTFDate(year: year, month: month)
            guard let date else {
                return DateDraft(first: i, last: end, spec: .absolute(EDTFDate(year: year)), isDate: false)
            }
            return DateDraft(first: i, last: end, spec: .absolute(date))
        case .unitMonth:
            guard let (month, day, end) = monthAndDay(after: i) else { return nil }
            return validated(DateDraft(first: i, last: end, spec: .monthDay(month: month, day: day, direction: .bare)))
        case .unitDay:
            if agoFollows, digits <= 3 { return DateDraft(first: i, last: i + 3, spec: .ago(n, .day)) }
            guard digits <= 2, (1...31).contains(n), endsWord(i + 1) else { return nil }
            return DateDraft(first: i, last: i + 2, spec: .dayOfMonth(day: n, direction: .bare))
        case .unitMonthCount, .monthNoun:
            guard agoFollows, digits <= 3 else { return nil }
            return DateDraft(first: i, last: i + 3, spec: .ago(n, .month))
        default:
            return nil
        }
    }

    /// '11월' or '11월 26일' starting at token `i`: the month, the day, and the token after.
    private func monthAndDay(after i: Int) -> (month: Int, day: Int?, end: Int)? {
        guard let month = number(i, digits: 1...2, in: 1...12), attachedUnit(i + 1, .unitMonth) else { return nil }
        if bare(i + 1), let day = number(i + 2, digits: 1...2, in: 1...31), attachedUnit(i + 3, .unitDay),
            !(word(i + 4) == .before && bare(i + 3))
        {
            return endsWord(i + 3) ? (month, day, i + 4) : nil
        }
        return endsWord(i + 1) ? (month, nil, i + 2) : nil
    }

    /// A month and day that no year has ('2월 30일', '4월 31일') make no date.
    private func validated(_ draft: DateDraft) -> DateDraft {
        var draft = draft
        switch draft.spec {
        case .monthDay(let month, .some(let day), _), .yearOffset(_, .some(let month), .some(let day)):
            if day > EDTFDate.daysIn(month: month, year: 2000) { draft.isDate = false }
        default: break
        }
        return draft
    }

    /// The unit word at `i` ends a written word: no letter or digit is glued after it ('1일IT템' is a name).
    func endsWord(_ i: Int) -> Bool {
        guard let next = token(i + 1), !next.spaceBefore else { return true }
        return next.kind == .punct
    }

    /// A Hangul date word and what it governs: 지난해 6월, 올 1월, 지난 4월, 오는 28일, 지난달 15일, 이번 달,
    /// 지난주 화요일, 어제, 이날, 연말, 두 달 전.
    private func koreanWord(_ i: Int) -> DateDraft? {
        guard let w = tokens[i].word else { return nil }
        switch w {
        case .pastModifier, .futureModifier:
            let direction: DateSpec.Direction = w == .pastModifier ? .past : .future
            if let (month, day, end) = monthAndDay(after: i + 1) {
                return validated(DateDraft(first: i, last: end, spec: .monthDay(month: month, day: day, direction: direction)))
            }
            if let day = number(i + 1, digits: 1...2, in: 1...31), attachedUnit(i + 2, .unitDay), endsWord(i + 2) {
                return DateDraft(first: i, last: i + 3, spec: .dayOfMonth(day: day, direction: direction))
            }
            if word(i + 1) == .weekNoun {
                return week(from: i, offset: direction == .past ? -1 : 1, weekToken: i + 1)
            }
            if word(i + 1) == .monthNoun, direction == .past {
                return monthWithDay(from: i, offset: -1, monthToken: i + 1)
            }
            // '지난 연말': the end of the year before.
            if direction == .past, word(i + 1) == .yearPart, let next = token(i + 1),
               DateLexicon.koreanLastYearParts.contains(ScalarString.make(scalars[next.start..<next.stemEnd]))
            {
                return DateDraft(first: i, last: i + 2, spec: .yearOffset(-1, month: nil, day: nil))
            }
            return nil
        case .yearOffset(let k):
            if bare(i), let (month, day, end) = monthAndDay(after: i + 1) {
                return validated(DateDraft(first: i, last: end, spec: .yearOffset(k, month: month, day: day)))
            }
            // '지난해 말', '지난해 연말', '올해 상반기': the part stays in the year named.
            let part = bare(i) && (word(i + 1) == .periodPart || word(i + 1) == .yearPart)
            return DateDraft(first: i, last: part ? i + 2 : i + 1, spec: .yearOffset(k, month: nil, day: nil))
        case .thisYearShort:
            if let (month, day, end) = monthAndDay(after: i + 1) {
                return validated(DateDraft(first: i, last: end, spec: .yearOffset(0, month: month, day: day)))
            }
            if word(i + 1) == .yearPart || word(i + 1) == .periodPart {
                return DateDraft(first: i, last: i + 2, spec: .yearOffset(0, month: nil, day: nil))
            }
            return nil
        case .monthOffset(let k):
            return monthWithDay(from: i, offset: k, monthToken: i)
        case .thisModifier, .nextModifier:
            let k = w == .thisModifier ? 0 : 1
            if word(i + 1) == .monthNoun { return monthWithDay(from: i, offset: k, monthToken: i + 1) }
            if word(i + 1) == .weekNoun { return week(from: i, offset: k, weekToken: i + 1) }
            return nil
        case .weekOffset(let k):
            return week(from: i, offset: k, weekToken: i)
        case .dayOffset(let k):
            return DateDraft(first: i, last: i + 1, spec: .dayOffset(k))
        case .anaphor:
            return DateDraft(first: i, last: i + 1, spec: .anaphoric)
        case .sameModifier:
            guard word(i + 1) == .dayNoun else { return nil }
            return DateDraft(first: i, last: i + 2, spec: .anaphoric)
        case .yearPart:
            return DateDraft(first: i, last: i + 1, spec: .yearOffset(0, month: nil, day: nil))
        case .weekday(let weekday):
            return DateDraft(first: i, last: i + 1, spec: .weekday(weekday, weekOffset: nil, direction: .bare))
        case .numeral(let n):
            guard word(i + 1) == .monthNoun, bare(i + 1), word(i + 2) == .before else { return nil }
            return DateDraft(first: i, last: i + 3, spec: .ago(n, .month))
        default:
            return nil
        }
    }

    /// A month counted from the publication month, ending at token `m`, with the day that may follow.
    private func monthWithDay(from i: Int, offset: Int, monthToken m: Int) -> DateDraft {
        if bare(m), let day = number(m + 1, digits: 1...2, in: 1...31), attachedUnit(m + 2, .unitDay) {
            return DateDraft(first: i, last: m + 3, spec: .monthOffset(offset, day: day))
        }
        return DateDraft(first: i, last: m + 1, spec: .monthOffset(offset, day: nil))
    }

    /// A week counted from the publication week, ending at token `w`, with the weekday that may follow.
    private func week(from i: Int, offset: Int, weekToken w: Int) -> DateDraft {
        if bare(w), case .weekday(let weekday)? = word(w + 1), tokens[w + 1].kind == .hangul {
            return DateDraft(first: i, last: w + 2, spec: .weekday(weekday, weekOffset: offset, direction: .bare))
        }
        return DateDraft(first: i, last: w + 1, spec: .week(offset))
    }

    /// '지난해 6월과 10월': a bare month joined to a month with a year takes that year.
    private func inheritCoordinatedYears(_ drafts: inout [DateDraft]) {
        guard drafts.count > 1 else { return }
        for index in 1..<drafts.count {
            guard case .monthDay(let month, let day, .bare) = drafts[index].spec, tokens[drafts[index].first].kind == .number
            else { continue }
            let previous = drafts[index - 1]
            guard joined(previous.last - 1, drafts[index].first) else { continue }
            switch previous.spec {
            case .yearOffset(let k, .some, _):
                drafts[index].spec = .yearOffset(k, month: month, day: day)
            case .absolute(let date) where date.month != nil:
                if let inherited = day.map({ EDTFDate(year: date.year, month: month, day: $0) }) ?? EDTFDate(year: date.year, month: month) {
                    drafts[index].spec = .absolute(inherited)
                }
            case .monthDay(_, _, let direction) where direction != .bare:
                drafts[index].spec = .monthDay(month: month, day: day, direction: direction)
            default:
                continue
            }
        }
    }

    /// Tokens `a` and `b` are coordinated dates: '6월과 10월', '6월, 10월', '6월 및 10월'.
    private func joined(_ a: Int, _ b: Int) -> Bool {
        if b == a + 1 { return tokens[a].coordinates }
        guard b == a + 2 else { return false }
        let between = tokens[a + 1]
        if between.kind == .punct {
            let s = scalars[between.start]
            return s == "," || s == "·" || s == "、" || s == "ㆍ"
        }
        return between.kind == .hangul && DateLexicon.coordinators.lookup(scalars[between.start..<between.end]) != nil
    }
}
