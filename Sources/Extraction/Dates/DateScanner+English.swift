/// The English rules: month names with days and years, 'last month', 'two years ago', 'in 2023',
/// weekdays, 'that day', and lists of months sharing a year ('in June and October last year').
extension DateScanner {
    /// A Latin word: what date it begins, possibly several (a list of months).
    func englishWord(_ i: Int) -> [DateDraft] {
        guard let w = tokens[i].word else { return [] }
        switch w {
        case .month(let month, let abbreviated):
            guard tokens[i].capitalized else { return [] }
            return monthName(i, month: month, abbreviated: abbreviated)
        case .weekday(let weekday):
            guard tokens[i].capitalized else { return [] }
            return [DateDraft(first: i, last: i + 1, spec: .weekday(weekday, weekOffset: nil, direction: .bare))]
        case .dayOffset(let k):
            return [DateDraft(first: i, last: i + 1, spec: .dayOffset(k))]
        case .last, .this, .next:
            guard word(i - 1) != .the else { return [] }
            let k = w == .last ? -1 : w == .next ? 1 : 0
            return relative(i, offset: k).map { [$0] } ?? []
        case .earlier, .later:
            guard word(i + 1) == .this, let draft = relative(i + 1, offset: 0) else { return [] }
            return [DateDraft(first: i, last: draft.last, spec: draft.spec)]
        case .numeral(let n):
            return ago(i, count: n).map { [$0] } ?? []
        case .that:
            if word(i + 1) == .dayNounEn, tokens[i + 1].length == 3 { return [DateDraft(first: i, last: i + 2, spec: .anaphoric)] }
            if word(i + 1) == .same, word(i + 2) == .dayNounEn { return [DateDraft(first: i, last: i + 3, spec: .anaphoric)] }
            return []
        case .the:
            if word(i + 1) == .same, word(i + 2) == .dayNounEn, tokens[i + 2].length == 3 {
                return [DateDraft(first: i, last: i + 3, spec: .anaphoric)]
            }
            return []
        case .yearLead:
            // 'in 2023', 'since 2019', 'mid-2024': the year alone is the mention.
            var j = i + 1
            if isPunct(j, "-"), !tokens[j].spaceBefore { j += 1 }
            guard let year = number(j, digits: 4...4, in: 1900...2100), !followedByNumberPart(j) else { return [] }
            return [DateDraft(first: j, last: j + 1, spec: .absolute(EDTFDate(year: year)))]
        default:
            return []
        }
    }

    /// A number starting an English date: '26 November 2024', '26th of Nov.', '2 years ago'.
    func englishNumber(_ i: Int) -> DateDraft? {
        let n = tokens[i].number
        if tokens[i].length <= 3, let draft = ago(i, count: n) { return draft }
        guard tokens[i].length <= 2, (1...31).contains(n) else { return nil }
        var j = i + 1
        if word(j) == .ordinalSuffix, !tokens[j].spaceBefore { j += 1 }
        if word(j) == .of { j += 1 }
        guard case .month(let month, _)? = word(j), tokens[j].capitalized, tokens[j].spaceBefore else { return nil }
        j += 1
        if isPunct(j, "."), !tokens[j].spaceBefore { j += 1 }
        var k = j
        if isPunct(k, ",") { k += 1 }
        if let year = number(k, digits: 4...4, in: 1000...2999), !followedByNumberPart(k) {
            guard let date = EDTFDate(year: year, month: month, day: n) else {
                return DateDraft(first: i, last: k + 1, spec: .absolute(EDTFDate(year: year)), isDate: false)
            }
            return DateDraft(first: i, last: k + 1, spec: .absolute(date))
        }
        if let (offset, end) = yearPhrase(j) {
            return DateDraft(first: i, last: end, spec: .yearOffset(offset, month: month, day: n))
        }
        let end = isPunct(j - 1, ".") ? j - 1 : j
        return DateDraft(first: i, last: end, spec: .monthDay(month: month, day: n, direction: .bare))
    }

    /// 'Nov. 26, 2024', 'Nov. 26', 'November 2024', 'June 5 last year', 'in June and October last year'.
    private func monthName(_ i: Int, month: Int, abbreviated: Bool) -> [DateDraft] {
        var j = i + 1
        if abbreviated, isPunct(j, "."), !tokens[j].spaceBefore { j += 1 }
        if let day = number(j, digits: 1...2, in: 1...31), tokens[j].spaceBefore {
            var end = j + 1
            if word(end) == .ordinalSuffix, !tokens[end].spaceBefore { end += 1 }
            var k = end
            if isPunct(k, ",") { k += 1 }
            if let year = number(k, digits: 4...4, in: 1000...2999), !followedByNumberPart(k) {
                guard let date = EDTFDate(year: year, month: month, day: day) else {
                    return [DateDraft(first: i, last: k + 1, spec: .absolute(EDTFDate(year: year)), isDate: false)]
                }
                return [DateDraft(first: i, last: k + 1, spec: .absolute(date))]
            }
            if let (offset, phraseEnd) = yearPhrase(end) {
                return [DateDraft(first: i, last: phraseEnd, spec: .yearOffset(offset, month: month, day: day))]
            }
            return [DateDraft(first: i, last: end, spec: .monthDay(month: month, day: day, direction: .bare))]
        }
        if let (spec, end) = monthYear(j, month: month) { return [DateDraft(first: i, last: end, spec: spec)] }
        // A month alone, or a list of months sharing a year ('June and October last year'). Without a year
        // after it, a month stands alone only after a lead word ('in April', 'since May'); never abbreviated.
        guard !abbreviated else { return [] }
        var months = [(token: i, month: month)]
        var k = i + 1
        while true {
            var m = k
            if isPunct(m, ",") { m += 1 }
            if word(m) == .and || word(m) == .or { m += 1 }
            guard m > k, case .month(let next, false)? = word(m), tokens[m].capitalized else { break }
            months.append((m, next))
            k = m + 1
        }
        let after = months[months.count - 1].token + 1
        var drafts: [DateDraft] = []
        if let (offset, end) = yearPhrase(after) {
            for (index, item) in months.enumerated() {
                let last = index == months.count - 1 ? end : item.token + 1
                drafts.append(DateDraft(first: item.token, last: last, spec: .yearOffset(offset, month: item.month, day: nil)))
            }
        } else if let (spec, end) = monthYear(after, month: months[months.count - 1].month),
            case .absolute(let date) = spec
        {
            for (index, item) in months.enumerated() {
                let last = index == months.count - 1 ? end : item.token + 1
                guard let value = EDTFDate(year: date.year, month: item.month) else { continue }
                drafts.append(DateDraft(first: item.token, last: last, spec: .absolute(value)))
            }
        } else {
            guard let lead = word(i - 1), lead == .yearLead || lead == .of else { return [] }
            for item in months {
                drafts.append(DateDraft(first: item.token, last: item.token + 1, spec: .monthDay(month: item.month, day: nil, direction: .bare)))
            }
        }
        return drafts
    }

    /// '2024' or 'of 2024' after a month at token `j`.
    private func monthYear(_ j: Int, month: Int) -> (DateSpec, Int)? {
        var k = j
        if word(k) == .of || isPunct(k, ",") { k += 1 }
        guard let year = number(k, digits: 4...4, in: 1000...2999), !followedByNumberPart(k),
            let date = EDTFDate(year: year, month: month)
        else { return nil }
        return (.absolute(date), k + 1)
    }

    /// 'last year', 'this year', 'next year', 'of last year' at token `j`: the offset and the token after.
    private func yearPhrase(_ j: Int) -> (Int, Int)? {
        var k = j
        if word(k) == .of { k += 1 }
        guard let w = word(k), word(k + 1) == .yearNoun, tokens[k + 1].length == 4 else { return nil }
        switch w {
        case .last: return (-1, k + 2)
        case .this: return (0, k + 2)
        case .next: return (1, k + 2)
        default: return nil
        }
    }

    /// 'last year', 'this month', 'next week', 'last Tuesday', 'last April', from the modifier at `i`.
    private func relative(_ i: Int, offset k: Int) -> DateDraft? {
        guard let next = token(i + 1), next.kind == .latin, let w = next.word else { return nil }
        let singular = next.length <= 5 && scalars[next.end - 1] != "s"
        switch w {
        case .yearNoun where singular: return DateDraft(first: i, last: i + 2, spec: .yearOffset(k, month: nil, day: nil))
        case .monthNounEn where singular: return DateDraft(first: i, last: i + 2, spec: .monthOffset(k, day: nil))
        case .weekNounEn where singular: return DateDraft(first: i, last: i + 2, spec: .week(k))
        case .month(let month, false) where next.capitalized:
            let spec: DateSpec = k == 0
                ? .yearOffset(0, month: month, day: nil)
                : .monthDay(month: month, day: nil, direction: k < 0 ? .past : .future)
            return DateDraft(first: i, last: i + 2, spec: spec)
        case .weekday(let weekday) where next.capitalized:
            let direction: DateSpec.Direction = k < 0 ? .past : k > 0 ? .future : .bare
            return DateDraft(first: i, last: i + 2, spec: .weekday(weekday, weekOffset: nil, direction: direction))
        default:
            return nil
        }
    }

    /// 'two years ago', '2 years ago', 'a month ago', '3 days ago' from the count at `i`.
    private func ago(_ i: Int, count: Int) -> DateDraft? {
        guard let unit = word(i + 1), word(i + 2) == .ago else { return nil }
        switch unit {
        case .yearNoun: return DateDraft(first: i, last: i + 3, spec: .ago(count, .year))
        case .monthNounEn: return DateDraft(first: i, last: i + 3, spec: .ago(count, .month))
        case .dayNounEn: return DateDraft(first: i, last: i + 3, spec: .ago(count, .day))
        default: return nil
        }
    }

    /// The number at `j` goes on as a longer number ('2024,000', '2024.5', '2024-25').
    private func followedByNumberPart(_ j: Int) -> Bool {
        guard let sep = token(j + 1), sep.kind == .punct, !sep.spaceBefore,
            let next = token(j + 2), next.kind == .number, !next.spaceBefore
        else { return false }
        return true
    }
}
