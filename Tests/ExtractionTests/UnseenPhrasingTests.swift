import Extraction
import Testing

/// Phrasings neither the gold articles nor the generator use: the mechanisms behind them, not the words.
@Suite struct UnseenPhrasingTests {
    let extractor = Extractor(gazetteer: try! Gazetteer.bundled())

    func events(_ text: String, published: String, language: Language) -> [String] {
        extractor.extract(ArticleInput(source: "test", text: text), published: EDTFDate(published), language: language).events.map { event in
            let parties = ([event.actor.name] + event.counterparties.map(\.name)).joined(separator: "+")
            return "\(event.type.rawValue) \(event.date?.description ?? "-") \(parties) @\(event.place?.name ?? "-")"
        }
    }

    @Test func eachDateKeepsItsOwnClauseAndTense() {
        let found = events("""
            Pellucid Systems, a Dutch maker of machine-vision chips, inked a licensing agreement with Samsung Electronics on March 3 and will open a research lab in Busan in October, the company said on Wednesday.

            Since launching a subsidiary in Hanoi in 2019, Pellucid Systems has set up another in Jakarta in June 2022.
            """, published: "2024-03-20", language: .en)
        #expect(found == [
            "agreement.signed 2024-03-03 Pellucid Systems+Samsung Electronics @-",
            "office.announced 2024-03-20 Pellucid Systems @Busan",
            "office.opened 2019 Pellucid Systems @Hanoi",
            "office.opened 2022-06 Pellucid Systems @Jakarta",
        ])
    }

    @Test func aPlaceExcludedOnlyRightAfterItsExcludingWord() {
        let found = events("""
            Pellucid Systems opened its first office outside Japan in Seoul on Monday.

            Pellucid Systems opened a research lab outside of the United States in Busan on Tuesday.
            """, published: "2024-03-22", language: .en)
        #expect(found == [
            "office.opened 2024-03-18 Pellucid Systems @Seoul",
            "office.opened 2024-03-19 Pellucid Systems @Busan",
        ])
    }

    @Test func aVisitNamedByANounAndNoTripFromAFigure() {
        let found = events("""
            While on a trip to Vietnam on Monday, Pellucid CEO Mira Kessel met with LG Display executives.

            The firm returned to profit last year after two years of losses.
            """, published: "2024-03-20", language: .en)
        #expect(found == ["visit 2024-03-18 Mira Kessel+LG Display @Vietnam"])
    }

    @Test(arguments: [
        "Should Pellucid Systems open an office in Osaka, it would be its fourth in Asia.",
        "If Pellucid Systems opens a lab in Busan, local suppliers stand to gain.",
        "Whether Pellucid Systems will open a plant in Korea has not been decided.",
    ])
    func conditionsGiveNothing(_ text: String) {
        #expect(events(text, published: "2024-03-20", language: .en).isEmpty, "\(text)")
    }

    @Test func anAppositionMakesAnOrganizationAndThenOpensAClause() {
        let found = events("""
            Orbitec, a Toulouse-based satellite parts maker, has forged a supply partnership with Korea Aerospace Industries, the two firms said Thursday.

            Orbitec first established a sales office in Singapore in April 2021, then opened a second one in Taipei in January 2023.
            """, published: "2024-03-20", language: .en)
        #expect(found == [
            "agreement.signed 2024-03-14 Orbitec+Korea Aerospace Industries @-",
            "office.opened 2021-04 Orbitec @Singapore",
            "office.opened 2023-01 Orbitec @Taipei",
        ])
    }

    @Test func koreanReportDayIntentAndCoordinatedParties() {
        let found = events("""
            핀테크 기업 넥스페이는 3일 일본 오사카와 대만 타이베이에 지사를 세우겠다고 발표했다.
            넥스페이는 지난해 10월 싱가포르에 첫 해외 법인을 설립한 바 있다.
            회사는 내년 상반기 중 오사카 지사를 개소할 방침이다.
            넥스페이는 이날 신한은행 및 카카오뱅크와 해외 송금 분야 업무협약도 맺었다.
            """, published: "2024-06-04", language: .ko)
        #expect(found == [
            "office.announced 2024-06-03 넥스페이 @Osaka",
            "office.announced 2024-06-03 넥스페이 @Taipei",
            "office.opened 2023-10 넥스페이 @Singapore",
            "agreement.signed 2024-06-03 넥스페이+Shinhan Bank+KakaoBank @-",
        ])
    }

    @Test func koreanSignatoriesWithNamesThatLookLikeParticles() {
        let result = extractor.extract(ArticleInput(source: "test", text: """
            핀테크 기업 넥스페이는 3일 신한은행과 해외 송금 분야 업무협약을 맺었다.
            협약식에는 박서연 넥스페이 대표와 신한은행의 한스 호프만 부행장이 참석했다.
            """), published: EDTFDate("2024-06-04"), language: .ko)
        #expect(Set(result.events.first?.participants.map(\.entity.name) ?? []) == ["박서연", "한스 호프만"])
        #expect(result.relations.contains { $0.subject.name == "한스 호프만" && $0.object.name == "Shinhan Bank" })
    }

    @Test func gluedKoreanNamesAreNotGlosses() {
        let found = events("쿠팡은 26일 스케일AI, 한국거래소와 물류 데이터 분야 3자 업무협약을 맺었다. AI 활용을 늘린다.", published: "2024-03-27", language: .ko)
        #expect(found == ["agreement.signed 2024-03-26 Coupang+Scale AI+Korea Exchange @-"])
    }

    // MARK: A visitor named by a relative clause

    func visits(_ text: String) -> [String] {
        extractor.extract(ArticleInput(source: "test", text: text), published: EDTFDate("2024-06-14"), language: .ko).events
            .filter { $0.type == .visit }
            .map { event in
                let met = event.participants.map(\.entity.name).sorted().joined(separator: "+")
                return "\(event.actor.name) @\(event.place?.name ?? "-") \(event.date?.description ?? "-") met \(met)"
            }
    }

    @Test(arguments: [
        ("최수연 네이버 대표는 지난 11일 방한한 젠슨 황 엔비디아 CEO와 만나 데이터센터 협력을 논의했다.", "Jensen Huang @South Korea 2024-06-11 met Choi Soo-yeon"),
        ("이재용 삼성전자 회장은 12일 서울에서 방한 중인 샘 올트먼 오픈AI CEO와 회동했다.", "Sam Altman @South Korea 2024-06-12 met Lee Jae-yong"),
        ("정신아 카카오 대표는 지난 10일 내한한 마크 저커버그 메타 CEO를 만나 AI 사업을 논의했다.", "Mark Zuckerberg @South Korea 2024-06-10 met Chung Shin-a"),
    ])
    func theVisitorIsTheOneTheVisitModifies(_ text: String, _ expected: String) {
        #expect(visits(text) == [expected], "\(text)")
    }

    @Test func aVisitorWhoIsTheSubjectStaysTheVisitor() {
        #expect(visits("사티아 나델라 마이크로소프트 CEO는 지난 5일 방한해 최태원 SK그룹 회장과 만났다.")
            == ["Satya Nadella @South Korea 2024-06-05 met Chey Tae-won"])
    }

    // MARK: Long names of public bodies as parties

    @Test(arguments: [
        ("Hanseong Energy signed a cooperation agreement with Vietnam's Ministry of Industry and Trade on Monday.",
         "agreement.signed 2024-06-10 Hanseong Energy+Ministry of Industry and Trade @-"),
        ("Hanseong Energy inked a memorandum of understanding with the Ministry of Energy and Mineral Resources of Indonesia on Monday.",
         "agreement.signed 2024-06-10 Hanseong Energy+Ministry of Energy and Mineral Resources of Indonesia @-"),
        ("Hanseong Energy signed an agreement with Egypt's Ministry of Housing, Utilities and Urban Communities on Tuesday to build water plants.",
         "agreement.signed 2024-06-11 Hanseong Energy+Ministry of Housing, Utilities and Urban Communities @-"),
        ("Hanseong Energy signed an investment agreement with Saudi Arabia's Public Investment Fund on Tuesday.",
         "agreement.signed 2024-06-11 Hanseong Energy+Public Investment Fund @-"),
    ])
    func englishPublicBodiesAreParties(_ text: String, _ expected: String) {
        #expect(events(text, published: "2024-06-14", language: .en) == [expected], "\(text)")
    }

    @Test(arguments: [
        ("한울반도체는 10일 인도네시아 에너지광물자원부 및 국영전력공사와 전력망 협력 양해각서를 체결했다.",
         "agreement.signed 2024-06-10 한울반도체+에너지광물자원부+국영전력공사 @-"),
        ("한울반도체는 10일 조달청과 공공 클라우드 도입 협약을 체결했다.", "agreement.signed 2024-06-10 한울반도체+조달청 @-"),
        ("사우디아라비아 투자부는 10일 한울반도체와 반도체 공장 건설을 위한 업무협약을 맺었다고 밝혔다.",
         "agreement.signed 2024-06-10 투자부+한울반도체 @-"),
    ])
    func koreanPublicBodiesAreParties(_ text: String, _ expected: String) {
        #expect(events(text, published: "2024-06-14", language: .ko) == [expected], "\(text)")
    }

    // MARK: The longest organization before a role

    func roles(_ text: String, _ language: Language) -> [String] {
        extractor.extract(ArticleInput(source: "test", text: text), published: EDTFDate("2024-06-14"), language: language).relations
            .filter { $0.predicate == .holdsRole }
            .map { "\($0.subject.name) \($0.role ?? "-") \($0.object.name)" }
    }

    @Test(arguments: [
        ("Naver Cloud CEO Kim Yu-won said the unit would add two data centers.", Language.en, "Kim Yu-won CEO Naver Cloud"),
        ("Kim Yu-won, chief executive of Naver Cloud, said the unit would add two data centers.", Language.en, "Kim Yu-won CEO Naver Cloud"),
        ("Samsung Electronics Vietnam President Choi Joo-ho visited Hanoi on Monday.", Language.en, "Choi Joo-ho President Samsung Electronics Vietnam"),
        ("김유원 네이버클라우드 대표는 데이터센터를 늘리겠다고 말했다.", Language.ko, "김유원 CEO 네이버클라우드"),
        ("네이버 클라우드 김유원 대표는 데이터센터를 늘리겠다고 말했다.", Language.ko, "김유원 CEO 네이버 클라우드"),
    ])
    func theLongestOrganizationBeforeARoleWins(_ text: String, _ language: Language, _ expected: String) {
        #expect(roles(text, language) == [expected], "\(text)")
    }

    @Test func aWordStartingWithAKnownOrganizationIsNoPerson() {
        let result = extractor.extract(ArticleInput(source: "test", text: "카카오엔터프라이즈 대표가 이날 기조연설을 했다."),
                                       published: EDTFDate("2024-06-14"), language: .ko)
        #expect(!result.entities.contains { $0.entity.kind == .person })
        #expect(result.entities.contains { $0.entity.kind == .organization && $0.entity.name.contains("카카오엔터프라이즈") },
                "\(result.entities.map(\.entity.name))")
        #expect(result.relations.isEmpty)
    }

    // MARK: Relative months and years in a clause

    @Test(arguments: [
        ("한빛에너지는 14일 싱가포르 법인이 지난달 말 문을 열었으며 현지 인력을 채용하고 있다고 밝혔다.", "office.opened 2024-05 한빛에너지 @Singapore"),
        ("한빛에너지는 13일 \"자카르타 지사가 지난해 말 문을 열었다\"고 전했다.", "office.opened 2023 한빛에너지 @Jakarta"),
        ("한빛에너지는 12일 타이베이 사무소를 이달 초 개소했다고 설명했다.", "office.opened 2024-06 한빛에너지 @Taipei"),
        ("한빛에너지는 올 초 오사카에 지사를 세웠다.", "office.opened 2024 한빛에너지 @Osaka"),
        ("한빛에너지는 지난 연말 하노이에 연구소를 열었다.", "office.opened 2023 한빛에너지 @Hanoi"),
    ])
    func koreanRelativePeriodsDateTheEventNotTheReport(_ text: String, _ expected: String) {
        #expect(events(text, published: "2024-06-14", language: .ko) == [expected], "\(text)")
    }

    @Test func englishRelativePeriodsDateTheEvent() {
        let found = events("""
            Last month, Hanseong Energy opened an office in Jakarta.
            The company said on Thursday it had set up a lab in Hanoi earlier this month.
            It established a subsidiary in Osaka at the end of last year, and it opened a branch in Taipei late last month.
            """, published: "2024-06-14", language: .en)
        #expect(found == [
            "office.opened 2024-05 Hanseong Energy @Jakarta",
            "office.opened 2024-06 Hanseong Energy @Hanoi",
            "office.opened 2023 Hanseong Energy @Osaka",
            "office.opened 2024-05 Hanseong Energy @Taipei",
        ])
    }
}
