/// English date words, as data. Keys are lowercase; month and weekday names must be capitalized in the text.
extension DateLexicon {
    static let englishWords: [String: DateWord] = {
        var words: [String: DateWord] = [
            "yesterday": .dayOffset(-1), "today": .dayOffset(0), "tonight": .dayOffset(0), "tomorrow": .dayOffset(1),
            "last": .last, "this": .this, "next": .next, "earlier": .earlier, "later": .later, "ago": .ago,
            "that": .that, "same": .same, "the": .the, "of": .of, "and": .and, "or": .or,
            "year": .yearNoun, "years": .yearNoun, "month": .monthNounEn, "months": .monthNounEn,
            "week": .weekNounEn, "weeks": .weekNounEn, "day": .dayNounEn, "days": .dayNounEn,
            "st": .ordinalSuffix, "nd": .ordinalSuffix, "rd": .ordinalSuffix, "th": .ordinalSuffix,
            "a": .numeral(1), "an": .numeral(1), "one": .numeral(1), "two": .numeral(2), "three": .numeral(3),
            "four": .numeral(4), "five": .numeral(5), "six": .numeral(6), "seven": .numeral(7), "eight": .numeral(8),
            "nine": .numeral(9), "ten": .numeral(10), "eleven": .numeral(11), "twelve": .numeral(12),
            "monday": .weekday(1), "tuesday": .weekday(2), "wednesday": .weekday(3), "thursday": .weekday(4),
            "friday": .weekday(5), "saturday": .weekday(6), "sunday": .weekday(7),
        ]
        let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                      "october", "november", "december"]
        for (index, name) in months.enumerated() { words[name] = .month(index + 1, abbreviated: false) }
        let abbreviations = ["jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                             "sept": 9, "oct": 10, "nov": 11, "dec": 12]
        for (name, month) in abbreviations { words[name] = .month(month, abbreviated: true) }
        for lead in englishYearLeads { words[lead] = .yearLead }
        return words
    }()

    /// Words after which a bare four-digit number is a year ('in 2023', 'since 2019', 'mid-2024').
    /// The same words (and `englishMonthOnlyLeads`) let a bare month name be a month ('in April').
    static let englishYearLeads: [String] = [
        "in", "since", "by", "from", "early", "late", "mid", "until", "till", "through", "during", "before",
        "after", "between", "around",
    ]

    /// Month names that are also common words; read alone only after a lead word ('in May', not 'may').
    /// All bare month names need a lead word; this list is for the capitalization check of sentence starts.
    static let englishAmbiguousMonths: Set<Int> = [3, 5]

    /// Words that put a clause in the future. Two-word entries need both words in order.
    static let englishFutureMarkers: [[String]] = [
        ["will"], ["ll"], ["shall"], ["plans"], ["plan", "to"], ["planned"], ["planning"], ["scheduled"],
        ["upcoming"], ["intends"], ["intend"], ["aims"], ["aim", "to"], ["expects"], ["expected", "to"],
        ["set", "to"], ["is", "to"], ["are", "to"], ["due", "to", "open"], ["is", "due"], ["are", "due"],
        ["going", "to"], ["tomorrow"], ["next"], ["forthcoming"], ["later", "this"], ["would"],
    ]

    /// Words joining two clauses when a verb follows them ('… and will open …').
    static let englishCoordinatorWords: [String] = ["and", "but"]
    /// Words that, after a coordinator, start a clause of their own: auxiliaries and planning verbs
    /// (past forms count too, from `englishPastMarkers` and the '-ed' rule).
    static let englishClauseStarterWords: [String] = [
        "will", "would", "shall", "plans", "intends", "aims", "expects", "is", "are", "has", "have", "then", "later",
        "also", "opens", "signs", "visits", "launches",
    ]

    /// Words that put a clause in the past besides regular '-ed' forms.
    static let englishPastMarkers: Set<String> = [
        "said", "was", "were", "had", "did", "met", "made", "took", "went", "came", "began", "held", "told", "won",
        "left", "sent", "spent", "built", "bought", "brought", "signed", "opened", "announced", "ago", "yesterday",
        "last", "earlier", "saw", "gave", "became", "hit", "cut", "struck", "sold", "paid", "led", "wrote",
        "spoke", "chose", "grew", "rose", "fell", "drew", "flew", "ran", "lost", "found",
    ]

    /// '-ed' words that are not past tense in news text.
    static let englishNotPastEd: Set<String> = [
        "need", "needed", "based", "limited", "united", "related", "listed", "advanced", "red", "bed", "seed",
        "speed", "feed", "shed", "indeed", "proceed", "exceed", "succeed", "scheduled", "planned", "expected",
        "proposed", "intended", "anticipated", "unexpected", "unlimited", "detailed", "sized", "owned",
        "headquartered", "embed", "breed", "greed", "weed",
    ]

    /// Abbreviations whose full stop does not end a sentence.
    static let englishAbbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "inc", "co", "corp", "ltd", "jr", "sr", "vs", "no", "gov", "sen", "rep",
        "gen", "u.s", "e.g", "i.e", "etc", "prof", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    ]
}

extension DateLexicon {
    /// Labels an English page prints before its own publication date ('Published Nov. 26, 2024'), and
    /// before a later update ('Updated: 26 November 2024'), used only when no publication label is found.
    static let englishPublishedLabels: [String] = ["published", "posted", "released", "dated", "date", "issued"]
    static let englishUpdatedLabels: [String] = ["updated", "modified", "revised", "edited"]
    /// Words that may stand between such a label and its date ('Published on', 'Last updated at').
    static let englishLabelFillers: [String] = ["on", "at", "first", "last", "date", "time"]
}
