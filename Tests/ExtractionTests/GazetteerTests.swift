import Foundation
import Testing

@testable import Extraction

@Suite struct GazetteerTests {
    let gazetteer: Gazetteer

    init() throws {
        gazetteer = try Gazetteer.bundled()
    }

    /// The founding article's names, as written there, and what they stand for.
    @Test(arguments: [
        ("오픈AI", "OpenAI", nil as String?),
        ("한국산업은행", "Korea Development Bank", nil),
        ("산업은행", "Korea Development Bank", nil),
        ("싱가폴", "Singapore", "Singapore"),
        ("싱가포르", "Singapore", "Singapore"),
        ("런던", "London", "United Kingdom"),
        ("뉴욕", "New York", "United States"),
        ("샌프란시스코", "San Francisco", "United States"),
        ("시애틀", "Seattle", "United States"),
        ("브뤼셀", "Brussels", "Belgium"),
        ("더블린", "Dublin", "Ireland"),
        ("도쿄", "Tokyo", "Japan"),
        ("파리", "Paris", "France"),
        ("한국", "South Korea", "South Korea"),
        ("대한민국", "South Korea", "South Korea"),
        ("삼성전자", "Samsung Electronics", nil),
        ("SK하이닉스", "SK hynix", nil),
        ("니혼게이자이신문", "Nikkei", nil),
        ("트위터", "X", nil),
        ("샘 올트먼", "Sam Altman", nil),
        ("제이슨 권", "Jason Kwon", nil),
        ("강석훈", "Kang Seok-hoon", nil),
        ("Korea", "South Korea", "South Korea"),
        ("U.S.", "United States", "United States"),
        ("New York City", "New York", "United States"),
    ])
    func foundingArticleAliasesResolve(surface: String, name: String, country: String?) throws {
        let entry = try #require(gazetteer.entries(named: surface).first)
        #expect(entry.name == name)
        #expect(entry.ref.country == country)
    }

    @Test func lookupStripsATrailingParticle() throws {
        #expect(gazetteer.entries(named: "오픈AI는").first?.name == "OpenAI")
        #expect(gazetteer.entries(named: "한국산업은행과").first?.name == "Korea Development Bank")
        #expect(gazetteer.entries(named: "런던에서").first?.name == "London")
        #expect(gazetteer.entries(named: "없는이름").isEmpty)
    }

    @Test func entriesHaveStableIDs() throws {
        #expect(gazetteer.entry(id: "org/openai")?.name == "OpenAI")
        #expect(gazetteer.entry(id: "place/country-KR")?.name == "South Korea")
        #expect(gazetteer.entry(id: "place/geonames-2643743")?.name == "London")
        let altman = try #require(gazetteer.entry(id: "person/sam-altman"))
        #expect(altman.organization == "org/openai")
        #expect(altman.role == "CEO")
    }

    @Test func bundledDataIsLargeEnough() {
        let kinds = Dictionary(grouping: gazetteer.entries, by: \.kind).mapValues(\.count)
        #expect(kinds[.organization, default: 0] >= 120)
        #expect(kinds[.person, default: 0] >= 60)
        #expect(kinds[.place, default: 0] >= 5_000)
    }

    @Test func shortAmbiguousAliasesAreFlagged() throws {
        for (surface, id) in [("X", "org/x"), ("MS", "org/microsoft"), ("LG", "org/lg-group")] {
            let entry = try #require(gazetteer.entries(named: surface).first)
            #expect(entry.id == id)
            #expect(entry.aliases.first { $0.text == surface }?.ambiguous == true)
        }
    }

    @Test func particlesSplitTheLongestAtTheEnd() {
        func split(_ word: String) -> (String, String?) {
            let (stem, particle) = KoreanParticles.split(Substring(word))
            return (String(stem), particle.map(String.init))
        }
        #expect(split("오픈AI는") == ("오픈AI", "는"))
        #expect(split("런던에서") == ("런던", "에서"))
        #expect(split("한국산업은행과의") == ("한국산업은행", "과의"))
        #expect(split("도쿄") == ("도쿄", nil))
        #expect(split("는") == ("는", nil))
    }
}
