import ArticleGenerator
import Extraction
import Foundation
import Testing

@Suite struct GeneratorTests {
    static let generator = ArticleGenerator(seed: 42)
    static let sample: [GeneratedArticle] = Array(generator.articles(0..<600))
    static let gazetteer: Gazetteer = {
        do { return try Gazetteer.bundled() } catch { preconditionFailure("bundled gazetteer: \(error)") }
    }()

    /// Words that must appear in a sentence stating an event of a type, by language.
    static let keyWords: [Language: [EventType: [String]]] = [
        .ko: [
            .agreementSigned: ["협약", "MOU", "양해각서", "파트너십"],
            .officeOpened: ["지사", "사무소", "법인", "센터", "본부"],
            .officeAnnounced: ["지사", "사무소", "법인", "센터", "본부"],
            .visit: ["방한", "방문", "찾"],
        ],
        .en: [
            .agreementSigned: ["memorandum", "MOU", "agreement", "deal", "partnership"],
            .officeOpened: ["office", "subsidiary", "center", "hub"],
            .officeAnnounced: ["office", "subsidiary", "center", "headquarters"],
            .visit: ["visit", "traveled", "trip"],
        ],
    ]

    /// Words that name a visit's place without a place name ('방한': a visit to Korea).
    static let impliedPlaces: [String: String] = ["방한": "South Korea"]

    @Test func sameSeedAndIndexGiveTheSameArticle() {
        let again = ArticleGenerator(seed: 42)
        for index in [0, 1, 17, 599, 123_456] {
            let a = Self.generator.article(index)
            let b = again.article(index)
            #expect(a.text == b.text)
            #expect(a.expected == b.expected)
            #expect(a.json == b.json)
        }
        let other = ArticleGenerator(seed: 43)
        let differing = (0..<20).filter { other.article($0).text != Self.generator.article($0).text }
        #expect(differing.count == 20)
        let neighbours = Set((0..<50).map { Self.generator.article($0).title })
        #expect(neighbours.count >= 40)
    }

    @Test func aboutHalfTheArticlesAreKorean() {
        let korean = Self.sample.filter { $0.language == .ko }.count
        #expect((240...360).contains(korean), "Korean articles: \(korean) of \(Self.sample.count)")
        for article in Self.sample {
            #expect(Language.detect(article.text) == article.language, "article \(article.id) reads as the other language")
        }
    }

    @Test func articlesAreThreeToSixKilobytes() {
        let sizes = Self.sample.map(\.text.utf8.count)
        for (article, size) in zip(Self.sample, sizes) {
            #expect((3_000...6_144).contains(size), "article \(article.id): \(size) bytes")
        }
        let mean = sizes.reduce(0, +) / sizes.count
        print("generated article sizes: min \(sizes.min() ?? 0), mean \(mean), max \(sizes.max() ?? 0) bytes")
    }

    @Test func everyArticleStatesEventsAndFillsEverySlot() {
        for article in Self.sample {
            #expect(!article.expected.isEmpty)
            let open = article.text.firstIndex(of: "{")
            #expect(open == nil, "article \(article.id) has an unfilled slot: \(article.text[(open ?? article.text.startIndex)...].prefix(30))")
            #expect(article.published.precision == .day)
            #expect(article.text.hasPrefix(article.title + "\n"))
        }
        let types = Set(Self.sample.flatMap { $0.expected.map(\.type) })
        #expect(types == Set(EventType.allCases))
        let undated = Self.sample.flatMap(\.expected).filter { $0.date == nil }.count
        #expect(undated > 0)
        let precisions = Set(Self.sample.flatMap(\.expected).compactMap { $0.date?.precision })
        #expect(precisions == Set(EDTFDate.Precision.allCases))
    }

    @Test func expectedNamesAreCanonicalGazetteerNames() {
        let names = Set(Self.gazetteer.entries.map(\.name))
        for article in Self.sample {
            for event in article.expected {
                #expect(names.contains(event.actor), "\(event.actor)")
                for party in event.counterparties { #expect(names.contains(party), "\(party)") }
                if let place = event.place { #expect(names.contains(place), "\(place)") }
            }
        }
    }

    /// The sentence of each event is in the body, carries a key word of its type, and names its actor,
    /// parties and place so that the gazetteer finds them there (particles attached the Korean way).
    @Test func expectedEventsAreStatedInTheBody() {
        for article in Self.sample {
            let body = article.body
            for event in article.expected {
                #expect(body.contains(event.cue), "article \(article.id): cue not in body")
                let words = Self.keyWords[article.language]?[event.type] ?? []
                #expect(words.contains { event.cue.contains($0) }, "article \(article.id): no key word in \(event.cue)")
                let found = Set(Self.gazetteer.matches(in: event.cue).map(\.entity.name))
                #expect(found.contains(event.actor), "article \(article.id): \(event.actor) not found in \(event.cue)")
                for party in event.counterparties {
                    #expect(found.contains(party), "article \(article.id): \(party) not found in \(event.cue)")
                }
                if let place = event.place, !Self.impliedPlaces.contains(where: { event.cue.contains($0.key) && $0.value == place }) {
                    #expect(found.contains(place), "article \(article.id): \(place) not found in \(event.cue)")
                }
                if !article.furniture.isEmpty { #expect(!article.furniture.contains(event.cue)) }
            }
        }
    }

    /// Furniture follows the body, names organizations and people, but none the events name.
    @Test func furnitureNamesNoPartyOfTheEvents() {
        let withFurniture = Self.sample.filter { !$0.furniture.isEmpty }
        #expect(withFurniture.count > Self.sample.count / 4)
        for article in withFurniture {
            #expect(article.text.hasSuffix(article.furniture))
            let furnitureNames = Set(Self.gazetteer.matches(in: article.furniture).filter { $0.entity.kind != .place }.map(\.entity.name))
            #expect(!furnitureNames.isEmpty, "article \(article.id): furniture names nobody")
            for event in article.expected {
                let parties = Set([event.actor] + event.counterparties)
                #expect(parties.isDisjoint(with: furnitureNames), "article \(article.id): furniture names \(parties.intersection(furnitureNames))")
            }
        }
    }

    @Test func jsonLinesDecodeToTheArticle() throws {
        struct Line: Decodable { var title, url, published, language, text: String }
        for article in Self.sample.prefix(100) {
            #expect(!article.json.contains("\n"))
            let line = try JSONDecoder().decode(Line.self, from: Data(article.json.utf8))
            #expect(line.text == article.text)
            #expect(line.title == article.title)
            #expect(line.published == article.published.description)
            #expect(line.language == article.language.rawValue)
        }
    }

    @Test func eventDatesAreNeverAfterPublication() {
        for article in Self.sample {
            for event in article.expected {
                guard let date = event.date else { continue }
                #expect(date <= article.published, "article \(article.id): \(date) after \(article.published)")
            }
        }
    }
}
