/// What a date expression says, before it is placed on the calendar against the publication date.
enum DateSpec: Hashable, Sendable {
    /// Which way from the publication date a partial date lies.
    enum Direction: Hashable, Sendable {
        /// No word says: the clause's tense decides ('4월', 'in April', '26일').
        case bare
        /// '지난 4월', 'last April': before the publication date.
        case past
        /// '오는 4월', 'next April': after it.
        case future
    }

    enum Unit: Hashable, Sendable { case year, month, day }

    /// A date written in full: '2024년 11월 26일', 'Nov. 26, 2024', '2024-11', 'in 2023'.
    case absolute(EDTFDate)
    /// A month, with or without a day, whose year comes from the publication date ('11월 26일', 'Nov. 26', 'in April').
    case monthDay(month: Int, day: Int?, direction: Direction)
    /// A day of a month that comes from the publication date ('26일', '지난 25일', '오는 28일').
    case dayOfMonth(day: Int, direction: Direction)
    /// A year counted from the publication year, with an optional month and day ('지난해 6월', 'June last year').
    case yearOffset(Int, month: Int?, day: Int?)
    /// A month counted from the publication month, with an optional day ('지난달 15일', 'next month').
    case monthOffset(Int, day: Int?)
    /// A day counted from the publication date ('어제', 'tomorrow').
    case dayOffset(Int)
    /// 'N years/months/days ago', at the precision of the unit ('3년 전' → a year).
    case ago(Int, Unit)
    /// A weekday: in a given week counted from the publication week ('지난주 화요일'), or else by direction.
    case weekday(Int, weekOffset: Int?, direction: Direction)
    /// A whole week counted from the publication week ('last week', '지난 주'): the month or year that holds it.
    case week(Int)
    /// 'that day', '이날': the date last mentioned before.
    case anaphoric

    var kind: DateMention.Kind {
        switch self {
        case .absolute: .absolute
        case .anaphoric: .anaphoric
        default: .relative
        }
    }

    /// The tense the expression carries by itself, for clauses that say nothing.
    var impliedTense: DateMention.Tense {
        switch self {
        case .absolute, .anaphoric: .unspecified
        case .monthDay(_, _, let direction), .dayOfMonth(_, let direction), .weekday(_, nil, let direction):
            direction == .past ? .past : direction == .future ? .future : .unspecified
        case .yearOffset(let k, _, _), .monthOffset(let k, _), .dayOffset(let k), .week(let k),
            .weekday(_, .some(let k), _):
            k < 0 ? .past : k > 0 ? .future : .unspecified
        case .ago: .past
        }
    }

    /// Places the expression on the calendar. `published` is a day; `tense` is the clause's.
    func resolve(published: CivilDay?, tense: DateMention.Tense) -> EDTFDate? {
        if case .absolute(let date) = self { return date }
        guard let published else { return nil }
        let pubMonth = CivilMonth(year: published.year, month: published.month)
        switch self {
        case .absolute, .anaphoric:
            return nil
        case .monthDay(let month, nil, let direction):
            // Bare and past-tense months are the most recent such month up to and including the publication
            // month; future ones the next from it. '지난 4월' is strictly before the publication month (a
            // reporter writes '이달' for the current month), so '지난 4월' written in April is last year's,
            // and '오는 4월' written in April is next year's.
            let forward = direction == .future || (direction == .bare && tense == .future)
            var year = published.year
            if forward {
                if month < published.month || (direction == .future && month == published.month) { year += 1 }
            } else {
                if month > published.month || (direction == .past && month == published.month) { year -= 1 }
            }
            return EDTFDate(year: year, month: month)
        case .monthDay(let month, .some(let day), let direction):
            // The most recent such day on or before publication, or the first on or after it in the future.
            let forward = direction == .future || (direction == .bare && tense == .future)
            for step in 0..<9 {
                let year = published.year + (forward ? step : -step)
                guard EDTFDate(year: year, month: month, day: day) != nil else { continue }
                let candidate = CivilDay(year: year, month: month, day: day)
                if forward ? candidate >= published : candidate <= published { return candidate.edtf }
            }
            return nil
        case .dayOfMonth(let day, let direction):
            // '지난 25일': the most recent 25th on or before publication; '오는 28일': the first on or after;
            // a bare '26일' is the publication month's, moved back a month in a past clause when that day is
            // still to come, and forward in a future clause when it has gone.
            let forward: Bool
            switch direction {
            case .past: forward = false
            case .future: forward = true
            case .bare:
                if tense == .unspecified, let date = EDTFDate(year: published.year, month: published.month, day: day) {
                    return date
                }
                forward = tense == .future
            }
            for step in 0..<13 {
                let m = pubMonth.adding(months: forward ? step : -step)
                guard EDTFDate(year: m.year, month: m.month, day: day) != nil else { continue }
                let candidate = CivilDay(year: m.year, month: m.month, day: day)
                if forward ? candidate >= published : candidate <= published { return candidate.edtf }
            }
            return nil
        case .yearOffset(let k, let month, let day):
            let year = published.year + k
            guard let month else { return EDTFDate(year: year) }
            guard let day else { return EDTFDate(year: year, month: month) }
            return EDTFDate(year: year, month: month, day: day)
        case .monthOffset(let k, let day):
            let m = pubMonth.adding(months: k)
            guard let day else { return m.edtf }
            return EDTFDate(year: m.year, month: m.month, day: day)
        case .dayOffset(let k):
            return published.adding(days: k).edtf
        case .ago(let n, .year):
            return EDTFDate(year: published.year - n)
        case .ago(let n, .month):
            return pubMonth.adding(months: -n).edtf
        case .ago(let n, .day):
            return published.adding(days: -n).edtf
        case .weekday(let weekday, .some(let k), _):
            let monday = published.adding(days: 1 - published.weekday + 7 * k)
            return monday.adding(days: weekday - 1).edtf
        case .weekday(let weekday, nil, let direction):
            // AP style names the weekday for dates within a week either side, the publication day included:
            // the latest such weekday on or before publication, or in a future clause the first on or after.
            // 'last Tuesday' and 'next Tuesday' exclude the publication day.
            let delta = weekday - published.weekday
            switch direction {
            case .past: return published.adding(days: delta < 0 ? delta : delta - 7).edtf
            case .future: return published.adding(days: delta > 0 ? delta : delta + 7).edtf
            case .bare:
                if tense == .future { return published.adding(days: delta >= 0 ? delta : delta + 7).edtf }
                return published.adding(days: delta <= 0 ? delta : delta - 7).edtf
            }
        case .week(let k):
            // A week has no EDTF level-0 form: give the month holding all seven days, else the year, else nothing.
            let monday = published.adding(days: 1 - published.weekday + 7 * k)
            let sunday = monday.adding(days: 6)
            if monday.year == sunday.year, monday.month == sunday.month {
                return EDTFDate(year: monday.year, month: monday.month)
            }
            return monday.year == sunday.year ? EDTFDate(year: monday.year) : nil
        }
    }
}
