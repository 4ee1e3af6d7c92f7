/// What a word means to the date resolver. The words themselves live in the data tables
/// `DateLexicon.korean` and `DateLexicon.english`; the rules only see these meanings.
enum DateWord: Hashable, Sendable {
    // Korean units written straight after a number: 년 월 일 개월; and words used in pairs.
    case unitYear, unitMonth, unitDay, unitMonthCount
    /// 달 (month, in '이번 달', '두 달 전'), 주 (week, in '지난 주'), 날 (day, in '같은 날').
    case monthNoun, weekNoun, dayNoun
    /// 전 ('3년 전': ago).
    case before
    /// 지난 (the last ...), 오는 (the coming ...), 이번 (this), 다음 (next), 같은 (same).
    case pastModifier, futureModifier, thisModifier, nextModifier, sameModifier
    /// 올 (this year, only before a month or a year period).
    case thisYearShort
    /// Years, months, weeks and days counted from the publication date: 지난해 = -1, 내달 = +1, 어제 = -1.
    case yearOffset(Int), monthOffset(Int), weekOffset(Int), dayOffset(Int)
    /// 이날, 당일: the day last mentioned.
    case anaphor
    /// 연초, 연말, 연내: a part of the current year, read at year precision.
    case yearPart
    /// 초, 말, 상반기, 하반기: a part of the period named by the word before ('올 초', '지난해 말'); nothing alone.
    case periodPart
    /// ISO weekday, 1 = Monday.
    case weekday(Int)
    /// Korean native numerals before 달 ('두 달 전'), English number words ('two years ago').
    case numeral(Int)

    // English.
    /// A month name; `abbreviated` for 'Nov' and the like, never read alone as a month.
    case month(Int, abbreviated: Bool)
    case last, this, next, earlier, later, ago, that, same, the, of, and, or
    case yearNoun, monthNounEn, weekNounEn, dayNounEn
    /// Words after which a bare four-digit number is a year: in, since, by, from, early, late, mid ...
    case yearLead
    /// Words after which a bare month name is a month: in, since, by, during ...
    case monthLead
    /// st, nd, rd, th after a day number.
    case ordinalSuffix
}
