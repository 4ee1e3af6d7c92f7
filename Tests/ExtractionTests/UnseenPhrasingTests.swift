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
}
