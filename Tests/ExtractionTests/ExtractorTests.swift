import Extraction
import Foundation
import Testing

@Suite struct ExtractorTests {
    let extractor = Extractor(gazetteer: try! Gazetteer.bundled())

    func extract(_ text: String, published: String? = "2024-06-12", language: Language? = nil) -> ArticleExtraction {
        extractor.extract(ArticleInput(source: "test", text: text), published: published.flatMap { EDTFDate($0) }, language: language)
    }

    @Test func aListOfPlacesGivesAnOfficeEach() {
        let result = extract("삼원화학은 2021년 태국 방콕, 인도네시아 자카르타 및 필리핀 마닐라에 사무소를 차례로 열었다.")
        #expect(Set(result.events.compactMap(\.place?.name)) == ["Bangkok", "Jakarta", "Manila"])
        #expect(result.events.allSatisfy { $0.type == .officeOpened && $0.date?.description == "2021" })
        #expect(result.events.allSatisfy { $0.actor.name == "삼원화학" && $0.actor.id == "organization/~삼원화학" })
    }

    @Test(arguments: [
        "업계에서는 삼원화학이 미국 텍사스에 공장을 지을 가능성도 거론된다.",
        "삼원화학이 일본 도쿄에 지사를 열 경우 경쟁이 치열해질 전망이다.",
        "삼원화학은 베트남 하노이에 법인을 설립하는 방안을 검토 중이다.",
        "회사 측은 일본 도쿄 지사 설립설에 대해 \"사실무근\"이라고 밝혔다.",
        "Norvik Robotics could open an office in Seoul next year, analysts said.",
        "Norvik Robotics denied a report that it planned to open an office in Busan.",
        "Norvik Robotics is considering a subsidiary in Taipei.",
        "Norvik Robotics may sign a supply agreement with LG Electronics in the third quarter.",
    ])
    func negationsAndHypotheticalsGiveNothing(_ text: String) {
        #expect(extract(text).events.isEmpty, "\(text)")
    }

    @Test func coordinatedDatesGiveAVisitEach() {
        let result = extract("샘 올트먼 오픈AI CEO는 지난해 6월과 올 1월 두차례 방한했다.", published: "2024-11-26")
        #expect(result.events.map { $0.date?.description } == ["2023-06", "2024-01"])
        #expect(result.events.allSatisfy { $0.type == .visit && $0.place?.name == "South Korea" && $0.actor.name == "Sam Altman" })
    }

    @Test func unknownNamesFromContext() throws {
        let result = extract("""
            핀테크 스타트업 페이루프가 지난달 싱가포르에 첫 해외 지사를 개설했다. 페이루프의 정하린 대표는 "동남아 시장은 빠르다"고 말했다.
            """)
        let event = try #require(result.events.first)
        #expect(event.actor.name == "페이루프")
        #expect(event.date?.description == "2024-05")
        #expect(result.relations.contains { $0.subject.name == "정하린" && $0.object.name == "페이루프" && $0.role == "CEO" })
    }

    @Test func englishAgreementVisitAndAnnouncement() {
        let result = extract("""
            Norvik Robotics Inc., a Danish maker of warehouse robots, said on Tuesday it had opened a sales office in Tokyo and would open another in Seoul next year.

            Chief executive Anna Holm flew to Seoul last month to meet executives of Hyundai Motor, the company said.

            Norvik signed a supply agreement with LG Electronics on Monday.
            """, published: "2024-03-13")
        let types = result.events.map(\.type.rawValue)
        #expect(types == ["office.opened", "office.announced", "visit", "agreement.signed"])
        #expect(result.events.first?.place?.name == "Tokyo")
        #expect(result.events.dropFirst().first?.place?.name == "Seoul")
        #expect(result.events.first { $0.type == .visit }?.counterparties.map(\.name) == ["Hyundai Motor"])
        #expect(result.events.first { $0.type == .agreementSigned }?.date?.description == "2024-03-11")
        #expect(result.relations.contains { $0.subject.name == "Anna Holm" && $0.object.name == "Norvik Robotics" })
    }

    @Test func withoutAPublicationDateRelativeDatesStayUnresolved() {
        let result = extract("오픈AI는 지난달 영국 런던에 지사를 열었다.", published: nil)
        #expect(result.published == nil)
        #expect(result.events.first?.date == nil)
        #expect(result.warnings.contains { $0.contains("publication date") })
    }

    @Test func idsAreStableAndJSONKeepsTheContract() throws {
        let text = "26일 오픈AI는 한국산업은행과 업무협약을 체결했다고 밝혔다."
        let first = extract(text, published: "2024-11-26")
        let second = extract(text, published: "2024-11-26")
        #expect(first.events.map(\.id) == second.events.map(\.id))
        let json = ExtractionJSON.document([first], errors: [.init(source: "bad.json", line: 3, message: "not JSON")])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let article = try #require((object["articles"] as? [[String: Any]])?.first)
        #expect(article["published"] as? String == "2024-11-26")
        let event = try #require((article["events"] as? [[String: Any]])?.first)
        #expect(event["type"] as? String == "agreement.signed")
        #expect((event["actor"] as? [String: Any])?["name"] as? String == "OpenAI")
        let evidence = try #require(event["evidence"] as? [String: Any])
        #expect(evidence["start"] as? Int == 0)
        #expect(evidence["end"] as? Int == text.unicodeScalars.count)
        #expect((object["errors"] as? [[String: Any]])?.first?["line"] as? Int == 3)
    }
}
