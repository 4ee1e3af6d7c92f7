/// Korean date words, as data. Keys are written forms; a Hangul word may carry a particle from
/// `koreanParticles` after it ('지난해에는', '26일부터'), except the words in `koreanExactOnly`.
extension DateLexicon {
    static let koreanWords: [String: DateWord] = [
        "년": .unitYear, "월": .unitMonth, "일": .unitDay, "개월": .unitMonthCount,
        "달": .monthNoun, "주": .weekNoun, "날": .dayNoun, "전": .before,
        "지난": .pastModifier, "오는": .futureModifier, "이번": .thisModifier, "다음": .nextModifier,
        "같은": .sameModifier, "올": .thisYearShort,
        "재작년": .yearOffset(-2), "지지난해": .yearOffset(-2), "지난해": .yearOffset(-1), "작년": .yearOffset(-1),
        "올해": .yearOffset(0), "금년": .yearOffset(0), "내년": .yearOffset(1), "내후년": .yearOffset(2),
        "지난달": .monthOffset(-1), "이달": .monthOffset(0), "이번달": .monthOffset(0), "금월": .monthOffset(0),
        "다음달": .monthOffset(1), "내달": .monthOffset(1),
        "지난주": .weekOffset(-1), "이번주": .weekOffset(0), "금주": .weekOffset(0), "다음주": .weekOffset(1),
        "내주": .weekOffset(1),
        "그저께": .dayOffset(-2), "그제": .dayOffset(-2), "어제": .dayOffset(-1), "오늘": .dayOffset(0),
        "내일": .dayOffset(1), "모레": .dayOffset(2),
        "이날": .anaphor, "당일": .anaphor,
        "연초": .yearPart, "연말": .yearPart, "연내": .yearPart,
        "초": .periodPart, "말": .periodPart, "상반기": .periodPart, "하반기": .periodPart,
        "월요일": .weekday(1), "화요일": .weekday(2), "수요일": .weekday(3), "목요일": .weekday(4),
        "금요일": .weekday(5), "토요일": .weekday(6), "일요일": .weekday(7),
        "한": .numeral(1), "두": .numeral(2), "세": .numeral(3), "석": .numeral(3), "네": .numeral(4),
        "넉": .numeral(4), "다섯": .numeral(5), "여섯": .numeral(6),
    ]

    /// Words read only when written alone, with nothing attached ('올' but not '올라', '이번' but not '이번에').
    static let koreanExactOnly: Set<String> = [
        "지난", "오는", "이번", "다음", "같은", "올", "한", "두", "세", "석", "네", "넉", "다섯", "여섯", "달", "주", "날",
    ]

    /// What may follow a date word inside the same written word: case particles, '부터', '까지', and
    /// the approximators '경', '쯤', '께', '초', '말', '중순' which do not change the precision.
    /// Anything else ('26일간', '4월호', '3년째', '오늘날') makes it no date.
    static let koreanParticles: Set<String> = [
        "은", "는", "이", "가", "을", "를", "의", "에", "에는", "엔", "에도", "에서", "에야", "에만", "도", "만",
        "과", "와", "이나", "나", "로", "으로", "부터", "부터는", "까지", "까지는", "까지의", "부터의", "인", "이었다",
        "이다", "께", "께는", "경", "경에", "쯤", "쯤에", "초", "초에", "중", "중에", "말", "말에", "말께", "말경",
        "중순", "초순", "하순", "중순께", "초순께", "하순께", "이후", "이후로", "이후에", "이전", "이전에", "전후",
        "에나",
    ]

    /// Parts of a year that '지난' puts in the year before ('지난 연말': the end of last year).
    static let koreanLastYearParts: Set<String> = ["연말"]

    /// Particles that join two coordinated dates ('지난해 6월과 올 1월'), and words between them.
    static let koreanCoordinatingParticles: Set<String> = ["과", "와", "이나", "나"]
    static let koreanCoordinators: Set<String> = ["및", "또는", "혹은"]

    /// Korean words or word endings that put a clause in the future: plans, schedules, decisions to act.
    /// Matched inside a written word ('개최할 예정이다', '열기로 했다').
    static let koreanFutureStems: [String] = ["예정", "계획", "방침", "목표로", "기로", "겠", "향후", "앞으로"]
    /// Word endings that are future in news style: the plain present of an action ('연다고 밝혔다').
    static let koreanFutureEndings: [String] = ["ㄴ다", "ㄴ다고", "는다", "는다고", "ㄴ다며", "는다며"]
    /// Words after an adnominal '-ㄹ' that make a future ('열 것', '할 계획').
    static let koreanFutureAfterRieul: [String] = ["것", "계획", "예정", "방침", "전망", "방안"]
    /// Syllables with a final ㅆ that do not mark the past: 있 (there is), 겠 (will).
    static let koreanNonPastSsangSiot: ScalarSet = ["있", "겠"]
    /// Word endings that close a clause inside a sentence ('체결했으며', '열었고', '했지만').
    static let koreanClauseEndings: [String] = ["으며", "며", "지만", "는데", "었고", "았고", "였고", "했고", "됐고"]
}

extension DateLexicon {
    /// Labels a Korean page prints before its own publication date ('입력 2024.11.26'), and before a later
    /// update ('수정 2024.11.27'), which is used only when no publication label is found.
    static let koreanPublishedLabels: [String] = ["입력", "기사입력", "등록", "발행", "게재", "송고", "작성", "승인", "입력일", "등록일", "발행일"]
    static let koreanUpdatedLabels: [String] = ["수정", "최종수정", "업데이트", "수정일", "최종수정일"]
    /// Words that may stand between such a label and its date ('기사 입력', '입력 일시').
    static let koreanLabelFillers: [String] = ["기사", "최종", "일자", "일시", "시간"]
}
