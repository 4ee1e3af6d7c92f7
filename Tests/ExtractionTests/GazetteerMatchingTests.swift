import Foundation
import Testing

@testable import Extraction

@Suite struct GazetteerMatchingTests {
    let gazetteer: Gazetteer

    init() throws {
        gazetteer = try Gazetteer.bundled()
    }

    private func names(in text: String) -> [String] {
        gazetteer.matches(in: text).map(\.entity.name)
    }

    @Test func findsNamesWithParticlesAndOffsets() throws {
        let text = "26일 오픈AI는 한국산업은행과 업무협약을 체결했다."
        let found = gazetteer.matches(in: text)
        #expect(found.map(\.entity.name) == ["OpenAI", "Korea Development Bank"])
        let openAI = try #require(found.first)
        #expect(openAI.surface == "오픈AI")
        #expect(openAI.particle == "는")
        #expect(openAI.start == 4 && openAI.end == 8)
        let scalars = Array(text.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[found[1].start..<found[1].end])
        #expect(String(view) == "한국산업은행")
        #expect(found[1].particle == "과")
    }

    @Test func foundingArticleSentence() {
        let text = "지난달에는 엑스옛 트위터를 통해 미국의 뉴욕?시애틀, 프랑스 파리, 벨기에 브뤼셀 그리고 싱가폴에 지사를 연다고 공개했다."
        #expect(names(in: text) == [
            "X", "United States", "New York", "Seattle", "France", "Paris", "Belgium", "Brussels", "Singapore",
        ])
        let places = gazetteer.matches(in: text).filter { $0.entity.kind == .place }
        #expect(places.first { $0.entity.name == "Singapore" }?.particle == "에")
        #expect(places.first { $0.entity.name == "Paris" }?.entity.country == "France")
    }

    @Test func listSeparatorsAndMixedNames() {
        #expect(names(in: "삼성전자·SK하이닉스 등 국내 주요 반도체 기업") == [
            "Samsung Electronics", "SK hynix", "South Korea",
        ])
        #expect(names(in: "제이슨 권 오픈AI 최고전략책임자CSO와 산업은행 강석훈 회장") == [
            "Jason Kwon", "OpenAI", "Korea Development Bank", "Kang Seok-hoon",
        ])
    }

    @Test func longestNameWins() {
        #expect(names(in: "Korea Development Bank signed with OpenAI.") == ["Korea Development Bank", "OpenAI"])
        #expect(names(in: "니혼게이자이신문 등 현지 언론") == ["Nikkei"])
    }

    @Test func englishBoundariesAndPossessive() {
        #expect(names(in: "OpenAI's office in London opened.") == ["OpenAI", "London"])
        #expect(names(in: "Korean firms and Londoners") == [])
        #expect(names(in: "the U.S. and the UK") == ["United States", "United Kingdom"])
    }

    @Test(arguments: [
        "파리지앵의 하루",
        "세계대전 이후 대전략을 세웠다",
        "지난해 6월과 지난 4월",
        "나라를 위해 일했다",
        "한국어 성능 향상",
        "회의 후에 시안을 냈다",
        "그는 이렇게 주장했다",
        "양산에 들어갔다",
        "바나나를 먹었다",
        "It was most nice to read in March.",
    ])
    func commonWordsDoNotFire(text: String) {
        #expect(gazetteer.matches(in: text).filter { !$0.ambiguous }.isEmpty, "\(names(in: text))")
    }

    @Test func parisInsideALongerWordDoesNotFire() {
        #expect(names(in: "파리지앵") == [])
        #expect(names(in: "에펠탑이 있는 파리에서") == ["Paris"])
    }

    @Test func suffixesKeepAPlace() throws {
        let found = try #require(gazetteer.matches(in: "런던행 비행기").first)
        #expect(found.entity.name == "London")
        #expect(found.suffix == "행")
        #expect(found.surface == "런던")
    }

    @Test func ambiguousMatchesAreMarked() throws {
        let found = try #require(gazetteer.matches(in: "국내 주요 기업").first)
        #expect(found.entity.name == "South Korea")
        #expect(found.ambiguous)
    }

    @Test func offsetsAreCodePoints() throws {
        // An emoji is one code point but two UTF-16 units.
        let text = "🇰🇷 한국에서"
        let found = try #require(gazetteer.matches(in: text).first)
        #expect(found.start == 3)
        #expect(found.end == 5)
    }

    @Test func foundingArticleFindsItsNames() throws {
        let url = try #require(Self.sample("ko-openai-kdb-mou-2024-11-26.txt"), "samples/articles/ko-openai-kdb-mou-2024-11-26.txt is missing")
        let text = try String(contentsOf: url, encoding: .utf8)
        let found = Set(gazetteer.matches(in: text).map(\.entity.name))
        for name in [
            "OpenAI", "Korea Development Bank", "Samsung Electronics", "SK hynix", "Nikkei", "X", "Jason Kwon",
            "Kang Seok-hoon", "Sam Altman", "South Korea", "San Francisco", "London", "Dublin", "Tokyo", "New York",
            "Seattle", "Paris", "Brussels", "Singapore",
        ] {
            #expect(found.contains(name), "\(name)")
        }
    }

    /// A sample article of the repository (samples/articles/), found from this file's path; nil
    /// when it is missing, which the caller turns into a failure.
    static func sample(_ name: String) -> URL? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("samples/articles/\(name)")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
