import Extraction

/// A date as an article writes it, with the value a reader resolves it to against the publication day.
struct DatePhrase: Sendable {
    var text: String
    var value: EDTFDate?
}

/// How far back an event lies, which decides the forms its date may take.
enum DateRange {
    /// The news itself: the publication day or a few days before, at day precision.
    case recent
    /// Background: earlier months or years, at month or year precision, or an absolute date.
    case background
}

/// Writes dates the ways news writes them, absolute and relative, in Korean and English.
enum DatePhrases {
    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
    static let englishMonthAbbreviations = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
    static let englishWeekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// A date in `range` before (or on) `published`, written in `language`.
    static func make(_ range: DateRange, published: Day, language: Language, rng: inout SplitMix64) -> DatePhrase {
        switch (range, language) {
        case (.recent, .ko): koreanRecent(published, &rng)
        case (.recent, .en): englishRecent(published, &rng)
        case (.background, _): background(published, language, &rng)
        }
    }

    /// Two background months, the first strictly earlier: for 'in PL1 at D1, then in PL2 at D2'.
    static func sequence(published: Day, language: Language, rng: inout SplitMix64) -> (DatePhrase, DatePhrase) {
        let this = Month(year: published.year, month: published.month)
        let second = this.adding(months: -rng.within(1...8))
        let first = second.adding(months: -rng.within(2...10))
        return (month(first, published: published, language: language), month(second, published: published, language: language))
    }

    // MARK: - Korean

    private static func koreanRecent(_ published: Day, _ rng: inout SplitMix64) -> DatePhrase {
        let back = rng.chance(55) ? 0 : rng.within(1...4)
        let day = published.adding(days: -back)
        switch rng.below(10) {
        case 0...5 where day.month == published.month:
            return DatePhrase(text: "\(day.day)일", value: day.exact)
        case 6 where day.month == published.month && back > 0:
            return DatePhrase(text: "지난 \(day.day)일", value: day.exact)
        case 7:
            return DatePhrase(text: "\(day.year)년 \(day.month)월 \(day.day)일", value: day.exact)
        case 8 where day.month == published.month:
            let weekday = ["월", "화", "수", "목", "금", "토", "일"][day.weekday - 1]
            return DatePhrase(text: "\(day.day)일(\(weekday))", value: day.exact)
        default:
            if day.month == published.month { return DatePhrase(text: "\(day.day)일", value: day.exact) }
            return DatePhrase(text: "지난달 \(day.day)일", value: day.exact)
        }
    }

    // MARK: - English

    private static func englishRecent(_ published: Day, _ rng: inout SplitMix64) -> DatePhrase {
        switch rng.below(10) {
        case 0...3:
            let day = published.adding(days: -rng.within(1...6))
            return DatePhrase(text: "on \(englishWeekdays[day.weekday - 1])", value: day.exact)
        case 4...6:
            let day = published.adding(days: -rng.within(0...3))
            let month = rng.chance(50) ? englishMonths[day.month - 1] : englishMonthAbbreviations[day.month - 1]
            if day.year == published.year { return DatePhrase(text: "on \(month) \(day.day)", value: day.exact) }
            return DatePhrase(text: "on \(month) \(day.day), \(day.year)", value: day.exact)
        case 7:
            let day = published.adding(days: -1)
            return DatePhrase(text: "yesterday", value: day.exact)
        default:
            let day = published.adding(days: -rng.within(0...5))
            return DatePhrase(text: "on \(englishMonths[day.month - 1]) \(day.day), \(day.year)", value: day.exact)
        }
    }

    // MARK: - Both languages

    /// An earlier month or year: the same draws give the same value in both languages, only the words differ.
    private static func background(_ published: Day, _ language: Language, _ rng: inout SplitMix64) -> DatePhrase {
        let this = Month(year: published.year, month: published.month)
        let ko = language == .ko
        switch rng.below(10) {
        case 0, 1:
            return DatePhrase(text: ko ? "지난달" : "last month", value: this.adding(months: -1).exact)
        case 2, 3:
            let month = rng.within(1...12)
            let text = ko ? "지난해 \(month)월" : "in \(englishMonths[month - 1]) last year"
            return DatePhrase(text: text, value: Month(year: published.year - 1, month: month).exact)
        case 4 where published.month > 2:
            let month = rng.within(1...(published.month - 1))
            let text = ko ? (rng.chance(50) ? "지난 \(month)월" : "올해 \(month)월") : "in \(englishMonths[month - 1])"
            return DatePhrase(text: text, value: Month(year: published.year, month: month).exact)
        case 5:
            return DatePhrase(text: ko ? "지난해" : "last year", value: EDTFDate(year: published.year - 1))
        case 6:
            let year = published.year - rng.within(2...4)
            return DatePhrase(text: ko ? "\(year)년" : "in \(year)", value: EDTFDate(year: year))
        default:
            return month(this.adding(months: -rng.within(2...20)), published: published, language: language)
        }
    }

    /// A month written absolutely when it is not of the publication year, relatively otherwise.
    private static func month(_ month: Month, published: Day, language: Language) -> DatePhrase {
        let value = month.exact
        switch language {
        case .ko:
            if month.year == published.year { return DatePhrase(text: "지난 \(month.month)월", value: value) }
            if month.year == published.year - 1 { return DatePhrase(text: "지난해 \(month.month)월", value: value) }
            return DatePhrase(text: "\(month.year)년 \(month.month)월", value: value)
        case .en:
            if month.year == published.year { return DatePhrase(text: "in \(englishMonths[month.month - 1])", value: value) }
            return DatePhrase(text: "in \(englishMonths[month.month - 1]) \(month.year)", value: value)
        }
    }
}
