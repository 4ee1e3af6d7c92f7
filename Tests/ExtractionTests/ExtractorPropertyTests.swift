import Foundation
import ArticleGenerator
import Extraction
import Testing

/// Generated articles through the extractor: it must find the events the generator wrote, and few others.
@Suite struct ExtractorPropertyTests {
    static let articleCount = 300
    static let bar = 0.85

    /// How an extracted event answers an expected one.
    enum Fit: Comparable { case none, undated, exact }

    @Test func extractorFindsTheGeneratedEvents() throws {
        let gazetteer = try Gazetteer.bundled()
        let extractor = Extractor(gazetteer: gazetteer)
        let countries = Dictionary(
            gazetteer.entries.filter { $0.kind == .place }.map { ($0.name, $0.country ?? $0.name) }, uniquingKeysWith: { first, _ in first }
        )
        var tally = Tally()
        var misses: [String] = []
        var extras: [String] = []
        for article in ArticleGenerator(seed: 20_241_126).articles(0..<Self.articleCount) {
            let input = ArticleInput(
                source: "generated-\(article.id)", title: article.title, published: article.published,
                language: article.language, text: article.text
            )
            let found = extractor.extract(input, published: article.published, language: article.language).events
            var unused = Array(found.indices)
            for expected in article.expected {
                // Prefer an event with the expected date, then any event of the same type, parties and place.
                let scored = unused.map { ($0, Self.fit(found[$0], expected, countries: countries)) }.filter { $0.1 != .none }
                let best = scored.first { $0.1 == .exact } ?? scored.first
                tally.count(expected.type, article.language, expected: true, paired: best.map { $0.1 })
                if let best {
                    unused.removeAll { $0 == best.0 }
                    if best.1 != .exact {
                        misses.append("#\(article.id) \(article.language) date \(found[best.0].date?.description ?? "nil") for \(Self.describe(expected)) | \(expected.cue)")
                    }
                } else {
                    let sameType = found.filter { $0.type == expected.type }.map(Self.describe)
                    misses.append("#\(article.id) \(article.language) missed \(Self.describe(expected)) | \(expected.cue) | found: \(sameType)")
                }
            }
            for index in unused {
                tally.count(found[index].type, article.language, expected: false, paired: nil)
                extras.append("#\(article.id) \(article.language) extra \(Self.describe(found[index])) | \(found[index].evidence.text)")
            }
        }
        print(tally.report())
        print("misses and wrong dates (\(misses.count)):")
        for line in misses.prefix(60) { print("  " + line) }
        print("extra events (\(extras.count)):")
        for line in extras.prefix(60) { print("  " + line) }
        #expect(tally.all.recall >= Self.bar, "recall \(tally.all.recall)")
        #expect(tally.all.precision >= Self.bar, "precision \(tally.all.precision)")
    }

    /// Whether `event` is the expected one: the same type, and
    /// - agreements: the same parties (actor and counterparties, in any order);
    /// - offices and visits: the same actor, and the same place or the place in the other's country.
    /// Then `.exact` when the dates are equal, `.undated` otherwise.
    static func fit(_ event: ExtractedEvent, _ expected: ExpectedEvent, countries: [String: String]) -> Fit {
        guard event.type == expected.type else { return .none }
        switch expected.type {
        case .agreementSigned:
            let parties = Set([event.actor.name] + event.counterparties.map(\.name))
            guard parties == Set([expected.actor] + expected.counterparties) else { return .none }
        case .officeOpened, .officeAnnounced, .visit:
            guard event.actor.name == expected.actor, let place = event.place, let wanted = expected.place else { return .none }
            let samePlace = place.name == wanted || place.country == wanted || countries[wanted] == place.name
            guard samePlace else { return .none }
        }
        return event.date == expected.date ? .exact : .undated
    }

    static func describe(_ event: ExpectedEvent) -> String {
        "\(event.type.rawValue) \(event.date?.description ?? "undated") \(event.actor) \(event.counterparties) @\(event.place ?? "-")"
    }

    static func describe(_ event: ExtractedEvent) -> String {
        "\(event.type.rawValue) \(event.date?.description ?? "undated") \(event.actor.name) \(event.counterparties.map(\.name)) @\(event.place?.name ?? "-")"
    }
}

/// True and false positives and negatives, strict (date equal) and lenient (date ignored).
struct Tally {
    struct Counts {
        var expected = 0
        var found = 0
        var pairedStrict = 0
        var pairedLenient = 0

        var recall: Double { expected == 0 ? 1 : Double(pairedStrict) / Double(expected) }
        var precision: Double { found == 0 ? 1 : Double(pairedStrict) / Double(found) }
        var lenientRecall: Double { expected == 0 ? 1 : Double(pairedLenient) / Double(expected) }
        var lenientPrecision: Double { found == 0 ? 1 : Double(pairedLenient) / Double(found) }
    }

    var all = Counts()
    var byType: [EventType: Counts] = [:]
    var byLanguage: [Language: Counts] = [:]

    /// An expected event (paired or not), or an extracted event left unpaired.
    mutating func count(_ type: EventType, _ language: Language, expected: Bool, paired: ExtractorPropertyTests.Fit?) {
        func add(_ counts: inout Counts) {
            if expected {
                counts.expected += 1
                if paired != nil {
                    counts.found += 1
                    counts.pairedLenient += 1
                    if paired == .exact { counts.pairedStrict += 1 }
                }
            } else {
                counts.found += 1
            }
        }
        add(&all)
        add(&byType[type, default: Counts()])
        add(&byLanguage[language, default: Counts()])
    }

    func report() -> String {
        func line(_ label: String, _ c: Counts) -> String {
            func f(_ x: Double) -> String { String(Int((x * 1000).rounded())) .leftPadded(4) }
            return "  \(label.padding(toLength: 18, withPad: " ", startingAt: 0)) expected \(String(c.expected).leftPadded(4)) found \(String(c.found).leftPadded(4))"
                + "  P \(f(c.precision))‰ R \(f(c.recall))‰  (date ignored: P \(f(c.lenientPrecision))‰ R \(f(c.lenientRecall))‰)"
        }
        var lines = ["extractor on generated articles (strict: type, parties or place, and date equal):", line("all", all)]
        for type in EventType.allCases { if let c = byType[type] { lines.append(line(type.rawValue, c)) } }
        for language in Language.allCases { if let c = byLanguage[language] { lines.append(line(language.rawValue, c)) } }
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
