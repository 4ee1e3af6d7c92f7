/// Korean event words. Data only: the rules read these tables.
enum KoreanEventLexicon {
    /// Nouns naming an agreement; a word containing one counts ('업무협약', '양해각서(MOU)', '협약서').
    static let agreementNouns = ["MOU", "MOA", "업무협약", "협약", "양해각서", "파트너십", "협정", "계약", "제휴"]
    /// Verb forms that sign one, as word prefixes; the past ones only.
    static let signVerbs = [
        "체결했", "체결하고", "체결하며", "체결해", "체결한", "맺었", "맺고", "맺은", "맺으며", "맺어", "서명했",
        "서명하고", "서명하며", "서명한", "교환했", "교환하고", "교환하며", "체결됐", "체결되었",
    ]
    /// Words that put signatories beside an agreement ('협약식에는 … 참석했다').
    static let signatoryCues = ["참석", "서명", "배석"]

    /// Nouns naming an office; a word ending with one counts ('유럽 사무소', 'R&D센터').
    static let officeNouns = [
        "지사", "사무소", "법인", "오피스", "연구소", "거점", "센터", "스튜디오", "분소", "지점", "본부", "사무실",
        "무역관", "개발센터", "연구센터", "캠퍼스", "랩",
    ]
    /// Words ending like an office noun that are not one.
    static let officeStopwords: WordSet = ["본사", "합작법인", "데이터센터", "본점", "고객센터", "콜센터", "대표", "해외법인들"]

    /// Verb forms that open an office, as word prefixes (whole words for the one-syllable ones).
    static let openVerbs = [
        "열었", "열고", "열어", "열며", "개소했", "개소하며", "개소해", "개소하고", "개소한", "설립했", "설립하며",
        "설립해", "설립하고", "설립한", "세웠", "세우고", "세운", "세워", "출범했", "출범시켰", "출범시키며",
        "출범시킨", "출범시켜", "출범하며", "출범한", "개설했", "개설하며", "개설한", "개설해", "마련했",
        "마련하며", "마련하고", "오픈했", "오픈하며", "냈", "내고", "꾸렸",
    ]
    static let openVerbWords: WordSet = ["연", "열", "낸", "낼"]
    /// Verb forms of a plan to open.
    static let futureOpenVerbs = [
        "연다", "열기로", "설립할", "설립한다", "설립하기로", "세울", "세운다", "세우기로", "개소할", "개소한다",
        "개소하기로", "출범할", "출범한다", "출범시킬", "낸다", "내기로", "개설할", "개설한다", "개설하기로", "오픈할",
        "오픈한다", "마련할", "마련한다",
        // Intent: '열겠다고 밝혔다'.
        "열겠", "세우겠", "설립하겠", "개소하겠", "출범하겠", "출범시키겠", "내겠", "개설하겠", "오픈하겠", "마련하겠",
    ]
    static let futureOpenWords: WordSet = ["열", "낼"]
    /// Nouns of opening that date an office named in the sentence before ('지난 4월 설립 당시').
    static let openingNouns: WordSet = ["설립", "개소", "출범", "개설", "오픈", "진출"]
    static let backReferenceWords: WordSet = ["당시", "때", "이후"]

    /// Visits: a word starting with one of these, with the country visited.
    static let countryVisits: [(prefix: String, country: String)] = [
        ("방한", "KR"), ("방일", "JP"), ("방중", "CN"), ("방미", "US"), ("방러", "RU"), ("방북", "KP"),
        ("방베", "VN"), ("방인", "IN"), ("내한", "KR"),
    ]
    /// What follows a visit word's stem ('방한', '방문') when it modifies the visitor: '방한한 X', '방문한 X'.
    static let visitAdnominalEndings: WordSet = ["한", "했던", "중인", "중이던", "중이었던"]
    /// The word after a visit noun that makes it modify the visitor: '방한 중인 X', '한국 방문 중인 X'.
    static let visitAdnominalNext: WordSet = ["중인", "중이던", "중이었던"]
    /// Stems of the visit verbs, for reading their forms ('방문한', '방문 중인').
    static let visitStems = ["방문"]
    /// The country visits' words and the visit stems, for reading a visit word's form.
    static let visitPrefixes = countryVisits.map(\.prefix) + visitStems
    /// Visit verb forms that modify the visitor as written ('서울을 찾은 X').
    static let visitAdnominalWords: WordSet = ["찾은"]
    /// Visit verbs that take the place (or organization) visited as their object.
    static let visitVerbs = ["방문했", "방문해", "방문하고", "방문한", "방문하며", "방문하여", "찾았", "찾아", "찾고", "찾은"]
    /// Meeting verbs: the organizations and people met join the visit.
    static let meetVerbs = ["만나", "만났", "만난", "만나고", "면담", "회동", "접견"]

    /// Reporting verbs ('…라고 밝혔다').
    static let reportVerbs = ["밝혔", "말했", "전했", "공개했", "발표했", "덧붙였", "설명했", "공시했", "알렸", "공지했"]

    /// A plan, not a fact: after the trigger in its clause.
    static let futureCues = ["예정", "계획", "방침", "기로", "목표", "연다고", "한다고", "할 것"]
    /// Negation, speculation and conditions: anywhere in the trigger's clause. Nothing is found.
    static let negationCues = [
        "검토", "저울질", "타진", "관측", "가능성", "사실무근", "결정된 바 없", "정해지지", "정해진 것은 없", "정해진 건",
        "정해진 것", "확정된 것은 없", "확정되지", "취소", "부인", "루머", "소문", "않았", "않을", "않기로", "않는다",
        "수도 있", "수 있", "논의 중", "협의 중", "보인다", "보고 있다", "유력", "추측", "할 경우", "될 경우", "설이",
        "검토 중", "무산", "철회", "연기",
    ]
    /// Words after a trigger verb that make it a condition ('열 경우').
    static let conditionWords: WordSet = ["경우", "경우에는", "경우엔", "수", "수도", "때"]

    /// Words standing for the organization of the sentence before: '회사는', '회사 측은'.
    static let companyPronouns: WordSet = ["회사", "회사 측", "이 회사", "동사", "그룹", "사측"]
    /// Words standing for the two parties named before: '양사는'.
    static let pairPronouns: WordSet = ["양사", "양측", "양 기관", "두 회사", "두 기관", "양 사"]

    /// Phrases pointing back at the event before: its date carries over.
    static let carryCues = ["이 자리에서", "이날", "같은 날", "당일", "협약식에서", "행사에서", "개소식에서", "출범식에서"]
    /// Phrases pointing back at the event before: its place carries over too.
    static let placeCarryCues = ["이 자리에서", "협약식에서", "행사에서", "개소식에서", "출범식에서", "현장에서"]

    /// Endings of a public body's name ('자치농촌주택부', '조달청', '국영전력공사'): a word so ending is an
    /// organization when it is a party to an agreement.
    static let institutionEndings = ["부", "청", "처", "공사", "공단", "위원회", "기구", "진흥원", "진흥공사", "투자청", "국부펀드"]
    /// Words ending so that are no body: parts, wholes, people.
    static let institutionStopwords: WordSet = [
        "대부분", "지도부", "전반부", "후반부", "상층부", "하층부", "중심부", "수뇌부", "집행부", "일부분", "지방정부",
    ]

    /// Words with '에' that are never a place's name ('법인 안에', '현지에').
    static let placeNonNames: WordSet = [
        "현지", "국내", "해외", "지역", "일대", "인근", "시장", "업계", "내부", "외부", "본사", "사무실", "곳곳", "각국",
        "중심", "최초", "처음", "이곳", "그곳", "올해", "내년", "연내", "상반기", "하반기", "시내", "도심", "전역",
    ]

    /// Particles marking the acting organization ('오픈AI는', '회사 측은').
    static let actorParticles: WordSet = ["은", "는", "이", "가", "도", "에서는", "측은"]
    /// Particles marking the organization a sentence is about.
    static let topicParticles: WordSet = ["은", "는", "이", "가", "도", "에서는"]
    /// Subject and topic particles of an agreement's first party.
    static let subjectParticles: WordSet = ["은", "는", "이", "가"]
    /// Words joining the names of a list ('JP모건 및 엔씨소프트와').
    static let coordinators: WordSet = ["및", "그리고", "또는", "또"]
    /// Particles marking the other party of an agreement ('한국산업은행과').
    static let withParticles: WordSet = ["와", "과", "와의", "과의", "와도", "과도"]
    /// Locative particles placing an event ('로테르담에서').
    static let eventLocatives: WordSet = ["에서", "에", "에서는", "에도"]
    /// Locative particles placing an office ('런던에 지사를').
    static let officeLocatives: WordSet = ["에", "에서", "에도", "에서도", "에는"]

    // Fast filters, derived from the lists above.
    static let officeLast: ScalarSet = ScalarSet(officeNouns.compactMap { $0.unicodeScalars.last })
    static let institutionLast: ScalarSet = ScalarSet(institutionEndings.compactMap { $0.unicodeScalars.last })
    static let reportFirst: ScalarSet = ScalarSet(reportVerbs.compactMap { $0.unicodeScalars.first })
    static let meetFirst: ScalarSet = ScalarSet(meetVerbs.compactMap { $0.unicodeScalars.first })
    static let visitFirst: ScalarSet = ScalarSet((countryVisits.map(\.prefix) + visitVerbs).compactMap { $0.unicodeScalars.first })
    static let clauseLast: ScalarSet = ScalarSet(RuleRunner.clauseEndings.compactMap { $0.unicodeScalars.last })

    /// '본사를 둔': headquarters.
    static let headquartersNouns: WordSet = ["본사", "본부"]
    static let headquartersVerbs = ["둔", "두고", "두었", "둬", "둔다", "있는"]
}
