/// The words that reveal a name the gazetteer does not know: titles, organization suffixes,
/// descriptors ('게임사', 'maker') and cue words ('경영진', 'executives of'). Data only.
enum NameLexicon {
    // MARK: Titles

    /// Korean titles written after a name ('강석훈 회장'), with the canonical English role.
    static let koreanTitles: [String: String] = [
        "회장": "Chairman", "부회장": "Vice Chairman", "명예회장": "Honorary Chairman",
        "사장": "President", "부사장": "Vice President", "대표": "CEO", "대표이사": "CEO", "각자대표": "CEO",
        "공동대표": "Co-CEO", "최고경영자": "CEO", "최고전략책임자": "Chief Strategy Officer",
        "최고운영책임자": "Chief Operating Officer", "최고재무책임자": "Chief Financial Officer",
        "최고기술책임자": "Chief Technology Officer", "최고의학책임자": "Chief Medical Officer",
        "최고마케팅책임자": "Chief Marketing Officer", "최고정보책임자": "Chief Information Officer",
        "최고투자책임자": "Chief Investment Officer", "최고제품책임자": "Chief Product Officer",
        "최고과학책임자": "Chief Scientific Officer", "최고사업책임자": "Chief Business Officer",
        "공동창업자": "Co-founder", "창업자": "Founder", "창업주": "Founder", "설립자": "Founder",
        "총재": "Governor", "부총재": "Deputy Governor", "장관": "Minister", "차관": "Vice Minister",
        "행장": "President", "은행장": "President", "부행장": "Deputy President", "이사장": "Chairman",
        "원장": "President", "청장": "Commissioner", "의장": "Chairman", "이사회 의장": "Chairman",
        "위원장": "Chairman", "총리": "Prime Minister", "대통령": "President", "법인장": "Head",
        "지사장": "Country Manager", "본부장": "Head", "전무": "Executive Vice President",
        "상무": "Senior Vice President", "센터장": "Head", "연구소장": "Head", "소장": "Head",
        "CEO": "CEO", "CSO": "Chief Strategy Officer", "COO": "Chief Operating Officer",
        "CFO": "Chief Financial Officer", "CTO": "Chief Technology Officer", "CMO": "Chief Medical Officer",
        "CIO": "Chief Information Officer", "CPO": "Chief Product Officer",
    ]

    /// English titles, lowercased, longest first when matched; with the canonical role.
    static let englishTitles: [String: String] = [
        "ceo": "CEO", "chief executive": "CEO", "chief executive officer": "CEO",
        "president and chief executive officer": "CEO", "president and ceo": "CEO",
        "chairman": "Chairman", "chairwoman": "Chairman", "chair": "Chairman", "vice chairman": "Vice Chairman",
        "president": "President", "vice president": "Vice President", "executive vice president": "Executive Vice President",
        "senior vice president": "Senior Vice President",
        "chief strategy officer": "Chief Strategy Officer", "cso": "Chief Strategy Officer",
        "chief operating officer": "Chief Operating Officer", "coo": "Chief Operating Officer",
        "chief financial officer": "Chief Financial Officer", "cfo": "Chief Financial Officer",
        "chief technology officer": "Chief Technology Officer", "cto": "Chief Technology Officer",
        "chief medical officer": "Chief Medical Officer", "chief marketing officer": "Chief Marketing Officer",
        "chief scientific officer": "Chief Scientific Officer", "chief product officer": "Chief Product Officer",
        "chief investment officer": "Chief Investment Officer", "chief commercial officer": "Chief Commercial Officer",
        "founder": "Founder", "co-founder": "Co-founder", "cofounder": "Co-founder",
        "managing director": "Managing Director", "general manager": "General Manager",
        "governor": "Governor", "minister": "Minister", "head": "Head", "chief": "Chief",
    ]

    /// English titles that only count when written with a capital ('President Tanabe', not 'the president').
    static let englishCapitalOnlyTitles: WordSet = ["president", "chair", "head", "chief", "governor", "minister"]

    // MARK: Organizations

    /// Korean endings that make a word an organization's name ('한울반도체', '로테르담항만공사').
    static let koreanOrganizationSuffixes: [String] = [
        "은행", "전자", "그룹", "재단", "공사", "증권", "공단", "협회", "대학교", "연구원", "화학", "바이오",
        "홀딩스", "에너지", "반도체", "로보틱스", "포토닉스", "게임즈", "정밀", "항공", "제약", "건설", "중공업",
        "물산", "텔레콤", "소프트", "테크", "솔루션", "솔루션즈", "시스템즈", "랩스", "모터스", "진흥원",
        "진흥청", "개발청", "위원회", "해운", "상사", "파마", "바이오로직스", "케미칼", "머티리얼즈", "엔터테인먼트",
        "캐피탈", "자산운용", "생명", "화재", "보험", "카드", "벤처스", "파트너스", "인베스트먼트", "클리니컬",
        "하이드로젠", "모빌리티", "네트웍스", "일렉트릭", "디스플레이", "인더스트리", "스튜디오즈", "컴퍼니",
        "코퍼레이션", "항만공사", "공항공사", "유통", "식품", "제철", "철강", "조선", "기술", "산업",
    ]

    /// Korean words that end like an organization but are ordinary nouns.
    static let koreanSuffixStopwords: WordSet = [
        "시중은행", "중앙은행", "지방은행", "인터넷은행", "투자은행", "국책은행", "상업은행", "대형은행",
        "반도체", "전자", "그룹", "에너지", "바이오", "산업", "기술", "조선", "보험", "식품", "유통", "항공",
        "화학", "제약", "건설", "통신", "증권", "신기술", "원천기술", "핵심기술", "첨단산업", "핵심산업",
        "주력산업", "전략산업", "국내산업", "자동차산업", "연구원", "청정에너지", "재생에너지", "신재생에너지",
        "그린에너지", "수소에너지", "전력반도체", "시스템반도체", "차량용반도체", "첨단기술", "위원회",
        "이사회", "협회", "재단", "공사", "정밀", "생명", "화재", "카드", "상사", "해운", "철강", "제철",
    ]

    /// Korean words that introduce a name right after them: '게임사 루멘게임즈가', '스타트업 코르반AI가'.
    static let koreanDescriptorEndings: [String] = [
        "기업", "회사", "업체", "스타트업", "벤처", "게임사", "제조사", "제약사", "통신사", "금융사", "운용사",
        "건설사", "증권사", "보험사", "카드사", "항공사", "해운사", "자회사", "계열사", "협력사", "고객사",
        "개발사", "기관", "단체", "유니콘", "대기업", "공기업", "플랫폼", "은행",
    ]

    /// Korean words after a name that show it is an organization: 'X 경영진', 'X 관계자'.
    static let koreanOrganizationCues: WordSet = [
        "경영진", "관계자", "관계자들", "임직원", "본사", "본점", "직원", "직원들", "대표단", "측", "이사회",
    ]

    /// Korean words that are never a name (common nouns that look like one).
    static let koreanNonNames: WordSet = [
        "전문가", "관계자", "업계", "회사", "기업", "정부", "당국", "현지", "국내", "해외", "글로벌", "양사", "양측",
        "양국", "양", "두", "이번", "지난", "올해", "내년", "작년", "업체", "측", "그", "이", "당시", "현재",
        "최근", "공동", "신임", "전", "현", "前", "現", "초대", "차기", "직무대행", "대행", "출신", "담당",
        "한국", "미국", "일본", "중국", "본부", "지사", "법인", "사무소", "협약", "업무협약", "개소식", "출범식",
        "협약식", "행사", "기자", "사진", "제공", "뉴스", "국제", "세계", "사무실", "스튜디오", "센터",
    ]

    /// English words that end an organization's name ('Hoshino Materials', 'Seoul Business Agency').
    static let englishOrganizationSuffixes: WordSet = [
        "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.", "Ltd", "Ltd.", "LLC", "PLC", "plc", "AG", "SA",
        "GmbH", "NV", "Group", "Bank", "University", "Institute", "Agency", "Authority", "Ministry", "Department",
        "Association", "Foundation", "Council", "Commission", "Therapeutics", "Pharmaceutical", "Pharmaceuticals",
        "Pharma", "Biologics", "Bio", "Biotech", "Materials", "Systems", "Semiconductor", "Semiconductors",
        "Shipping", "Construction", "Energy", "Motors", "Motor", "Electronics", "Holdings", "Technologies",
        "Technology", "Labs", "Lab", "Capital", "Partners", "Logistics", "Power", "Cells", "Industries",
        "Chemical", "Chemicals", "Airlines", "Airways", "Telecom", "Networks", "Solutions", "Software", "Games",
        "Studios", "Entertainment", "Robotics", "Photonics", "Hydrogen", "Clinical", "Ventures", "Investments",
        "Securities", "Insurance", "Airlines", "Steel", "Mining", "Foods", "Hospital", "Port", "Exchange",
        "Media", "Devices", "Dynamics", "Aerospace", "Mobility", "Platforms", "Services", "Trust", "Fund",
    ]

    /// English nouns that head a public body's name before 'of' or 'for' ('Ministry of Municipal and Rural
    /// Affairs and Housing', 'Department for Business and Trade'): the name runs on through 'and' and commas.
    static let englishOrganizationHeads: WordSet = [
        "Ministry", "Department", "Agency", "Authority", "Commission", "Council", "Bureau", "Office", "Administration",
        "Fund", "Bank", "Institute", "University", "Federation", "Chamber", "Board", "Corporation", "Secretariat",
        "Directorate", "Committee", "Organization", "Organisation",
    ]

    /// English nouns that introduce a name: 'battery maker Hanseong Energy', 'conglomerate Saigon Lotus'.
    /// Articles opening an apposition ('Orbitec, a … maker,').
    static let englishArticles: WordSet = ["a", "an"]
    static let englishDescriptors: WordSet = [
        "company", "maker", "manufacturer", "conglomerate", "firm", "group", "lender", "bank", "developer",
        "designer", "startup", "start-up", "operator", "supplier", "provider", "producer", "builder",
        "carrier", "insurer", "chipmaker", "automaker", "carmaker", "steelmaker", "shipbuilder", "retailer",
        "giant", "agency", "platform", "distributor", "brokerage", "investor", "fund", "unicorn", "subsidiary",
    ]

    /// English phrases before a name that show it is an organization: 'executives of X', 'officials of X'.
    static let englishOrganizationCues: WordSet = [
        "executives", "officials", "representatives", "staff", "employees", "delegation", "members", "heads",
        "leaders", "managers",
    ]

    /// Capitalised English words that never start or make a name.
    static let englishNonNames: WordSet = [
        "The", "A", "An", "In", "On", "At", "By", "For", "From", "With", "Under", "Over", "After", "Before",
        "During", "Since", "As", "And", "But", "Or", "Nor", "If", "When", "While", "Where", "What", "Which", "Who",
        "Why", "How", "It", "Its", "It's", "He", "She", "They", "We", "You", "I", "His", "Her", "Their", "Our",
        "This", "That", "These", "Those", "There", "Here", "Some", "Many", "Most", "Other", "Others", "Both",
        "Each", "All", "Any", "No", "Not", "Asked", "According", "Also", "Analysts", "Shares", "Revenue",
        "Net", "Words", "Actual", "Reporting", "Editing", "Related", "Read", "More", "About", "Korean", "Japanese",
        "Chinese", "American", "Indian", "Vietnamese", "European", "Asian", "British", "French", "German",
        "Irish", "Singaporean", "Norwegian", "Dutch", "Malaysian", "Taiwanese", "Canadian", "Finnish",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
        "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Dr", "Dr.", "Mr",
        "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Prof", "Prof.", "AI", "ChatGPT", "GPT-4", "Executives", "Governments",
        "Nor", "Together", "Being", "Power-management", "Chief", "Yet", "So", "Then",
        "Meanwhile", "However", "Still", "Even", "Just", "Only", "Now", "Today", "Yesterday", "Tomorrow",
        "Under", "Forward-Looking", "Statements", "Media", "Contacts", "SOURCE", "FILE", "PHOTO", "Keywords",
        "Our", "Standards", "Skip", "News",
        "Officials", "Plans", "Sales", "Asia", "Europe", "Africa", "Middle", "East", "Q1", "Q2", "Q3", "Q4",
    ]

    /// English honorifics written before a name.
    static let englishHonorifics: WordSet = ["Dr.", "Dr", "Mr.", "Mr", "Ms.", "Ms", "Mrs.", "Mrs", "Prof.", "Sir"]

    // MARK: Fast filters (derived)

    /// Last code points of the Korean suffixes, descriptors, cues and titles: a word ending otherwise is none of them.
    static let koreanSuffixLast: ScalarSet = ScalarSet(koreanOrganizationSuffixes.compactMap { $0.unicodeScalars.last })
    static let koreanDescriptorLast: ScalarSet = ScalarSet(koreanDescriptorEndings.compactMap { $0.unicodeScalars.last })
    static let koreanTitleTable = WordMap(koreanTitles.map { ($0.key, $0.value) })
    static let englishTitleTable = WordMap(englishTitles.map { ($0.key, $0.value) })
    static let koreanTitleLast: ScalarSet = ScalarSet(koreanTitles.keys.compactMap { $0.unicodeScalars.last })
    static let koreanSuffixSet: WordSet = WordSet(koreanOrganizationSuffixes)
    /// First words of the English titles ('chief', 'vice', 'ceo').
    static let englishTitleFirstWords: WordSet = WordSet(englishTitles.keys.compactMap { $0.split(separator: " ").first.map(String.init) })

    // MARK: Korean personal names

    /// Korean surnames, for telling '이민재' (a name) from '한빛에너지' (not one).
    static let koreanSurnames: WordSet = [
        "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송",
        "류", "유", "전", "홍", "고", "문", "양", "손", "배", "백", "허", "남", "심", "노", "하", "곽", "성", "차",
        "주", "우", "구", "민", "진", "나", "지", "엄", "채", "원", "천", "방", "공", "현", "함", "변", "염", "여",
        "추", "도", "소", "석", "선", "설", "마", "길", "연", "위", "표", "명", "기", "반", "왕", "금", "옥", "육",
        "인", "맹", "제", "모", "탁", "국", "어", "은", "편", "용", "예", "경", "봉", "사", "부",
    ]
    /// Two-syllable Korean surnames.
    /// Particles that are also the last syllable of many foreign names ('베르크만', '호프만'): right before a
    /// title ('토마스 베르크만 회장'), where no particle can stand, they belong to the name.
    static let koreanNameFinalParticles: WordSet = ["만", "도"]
    static let koreanDoubleSurnames: WordSet = ["남궁", "제갈", "선우", "황보", "독고", "사공", "서문"]

    /// Syllables common in transliterated foreign names and rare in Korean given names.
    static let foreignSyllables: ScalarSet = [
        "스", "르", "트", "프", "크", "브", "드", "즈", "츠", "쓰", "흐", "므", "슨", "튼", "턴", "렌", "엘", "리",
        "케", "페", "테", "베", "넨", "센", "든", "톤", "몬", "코", "너",
    ]
}
