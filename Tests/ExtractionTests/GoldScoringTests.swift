import Extraction
import Foundation
import Testing

@Suite struct GoldScoringTests {
    let extractor = Extractor(gazetteer: try! Gazetteer.bundled())

    @Test func foundingArticleGivesExactlyItsGold() throws {
        let goldFile = GoldScorer.goldFolder.appendingPathComponent("ko-openai-kdb-mou-2024-11-26.gold.json")
        #expect(FileManager.default.fileExists(atPath: goldFile.path), "missing \(goldFile.path)")
        let scorer = try GoldScorer.run(goldFile: goldFile, extractor: extractor)
        let report = scorer.score()
        #expect(scorer.extraction.events.count == 11)
        #expect(report.events.tp == 11, "\(report.misses)")
        #expect(report.events.fp == 0, "\(report.misses)")
        #expect(report.exactDates == 11, "every date exact")
        #expect(scorer.extraction.relations.count == 4)
        #expect(report.relations.tp == 4, "\(report.misses)")
        #expect(report.furniture.isEmpty, "furniture named: \(report.furniture)")

        // The names, dates and places, as the gold gives them.
        let events = scorer.extraction.events
        let announced = events.filter { $0.type == .officeAnnounced }
        #expect(Set(announced.compactMap(\.place?.name)) == ["New York", "Seattle", "Paris", "Brussels", "Singapore"])
        #expect(announced.allSatisfy { $0.date?.description == "2024-10" })
        let visits = events.filter { $0.type == .visit }.sorted { ($0.date?.description ?? "") < ($1.date?.description ?? "") }
        #expect(visits.map { $0.date?.description } == ["2023-06", "2024-01"])
        #expect(visits.last.map { Set($0.counterparties.map(\.name)) } == ["Samsung Electronics", "SK hynix"])
        let agreement = try #require(events.first { $0.type == .agreementSigned })
        #expect(agreement.actor.name == "OpenAI")
        #expect(agreement.counterparties.map(\.name) == ["Korea Development Bank"])
        #expect(agreement.date?.description == "2024-11-26")
        #expect(Set(agreement.participants.map(\.entity.name)) == ["Jason Kwon", "Kang Seok-hoon"])
        let opened = Dictionary(uniqueKeysWithValues: events.filter { $0.type == .officeOpened }.map { ($0.place?.name ?? "", $0.date?.description) })
        #expect(opened == ["London": "2023-06", "Dublin": nil, "Tokyo": "2024-04"])

        // Evidence is the original text at code point offsets.
        let original = Array(try String(contentsOf: GoldScorer.root.appendingPathComponent("samples/articles/ko-openai-kdb-mou-2024-11-26.txt"), encoding: .utf8).unicodeScalars)
        for event in events {
            let slice = String(String.UnicodeScalarView(original[event.evidence.start..<event.evidence.end]))
            #expect(slice == event.evidence.text)
        }
    }

    @Test func everyGoldFileScoresAtLeastPointNine() throws {
        let files = try FileManager.default.contentsOfDirectory(at: GoldScorer.goldFolder, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasSuffix(".gold.json") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        #expect(files.count >= 18, "expected the 18 gold files, found \(files.count)")
        var events = GoldScorer.Counts()
        var relations = GoldScorer.Counts()
        var exact = 0
        for file in files {
            let report = try GoldScorer.run(goldFile: file, extractor: extractor).score()
            events = events + report.events
            relations = relations + report.relations
            exact += report.exactDates
            print(String(
                format: "%-62@ events P %.2f R %.2f F1 %.2f  relations P %.2f R %.2f", report.id as NSString,
                report.events.precision, report.events.recall, report.events.f1, report.relations.precision, report.relations.recall
            ))
            for miss in report.misses { print("    \(miss)") }
            #expect(report.furniture.isEmpty, "\(report.id): furniture named \(report.furniture)")
        }
        let strict = events.tp == 0 ? 0 : Double(exact) / Double(events.tp)
        print(String(
            format: "OVERALL events P %.3f R %.3f F1 %.3f (dates exact %.2f)  relations P %.3f R %.3f F1 %.3f",
            events.precision, events.recall, events.f1, strict, relations.precision, relations.recall, relations.f1
        ))
        #expect(events.f1 >= 0.9)
        #expect(relations.f1 >= 0.8)
    }
}
