@testable import EventCatalog
import Foundation
import Testing

/// The payload reader gives what JSONDecoder gives, on the text the log stores.
@Suite struct PayloadReaderTests {
    /// Strings with what JSON escapes and what it does not.
    static let awkward = [
        "OpenAI", "오픈AI", "산업은행과 \"AI 협력\" 업무협약", "back\\slash", "tab\there", "line\nbreak", "ctrl\u{01}x",
        "emoji 🚀 and 𝄞", "slash/ok", "", "  spaced  ", "quote\"", "日本語のテキスト",
    ]

    func entity(_ rng: inout SplitMix) -> EntityPayload {
        let text = Self.awkward[Int(rng.next() % UInt64(Self.awkward.count))]
        return EntityPayload(id: "org/\(rng.next() % 1000)", name: text, kind: ["organization", "person", "place"][Int(rng.next() % 3)],
                             country: rng.next() % 2 == 0 ? nil : text)
    }

    @Test func itReadsWhatJSONDecoderReads() throws {
        var rng = SplitMix(seed: 99)
        let encoder = JSONEncoder()
        for round in 0..<300 {
            let evidence = EvidencePayload(text: Self.awkward[round % Self.awkward.count], start: Int(rng.next() % 5000), end: -3)
            let report = EventReported(
                article: "a\(round)", localID: "e\(round)", type: "visit", date: round % 3 == 0 ? nil : "2024-11-\(round % 28 + 1)",
                actor: entity(&rng), counterparties: (0..<Int(rng.next() % 3)).map { _ in entity(&rng) },
                participants: (0..<Int(rng.next() % 3)).map { _ in .init(entity: entity(&rng), role: "met") },
                place: round % 4 == 0 ? nil : entity(&rng), evidence: evidence, confidence: Double(rng.next() % 1000) / 997)
            let article = ArticleIngested(
                id: "a\(round)", title: round % 5 == 0 ? nil : Self.awkward[round % Self.awkward.count], url: nil,
                source: "x.txt", published: "2024-11-26", language: "ko", length: Int(rng.next() % 100_000),
                extractor: .init(name: "chronograph", version: "1"),
                entities: (0..<Int(rng.next() % 6)).map { _ in
                    EntitySighting(entity: entity(&rng), aliases: [AliasPayload(text: Self.awkward[Int(rng.next() % 13)], language: rng.next() % 2 == 0 ? nil : "ko")])
                },
                warnings: round % 7 == 0 ? ["a warning"] : [])
            let relation = RelationReported(article: "a", subject: entity(&rng), predicate: "holds_role", object: entity(&rng),
                                            role: round % 2 == 0 ? nil : "CEO", evidence: evidence)
            try check(String(decoding: try encoder.encode(report), as: UTF8.self), as: EventReported.self)
            try check(String(decoding: try encoder.encode(article), as: UTF8.self), as: ArticleIngested.self)
            try check(String(decoding: try encoder.encode(relation), as: UTF8.self), as: RelationReported.self)
        }
    }

    /// jsonb's own text output (spaces after ':' and ','), \u escapes with surrogate pairs, keys in any order,
    /// unknown keys, explicit nulls.
    @Test func itReadsTheServersTextAndEscapes() throws {
        let text = #"""
            {"end": 12, "text": "\ud83d\ude80 \uc624\ud508AI \"q\" \\ \/ \b\f\n\r\t", "start": 0, "extra": {"a": [1, 2.5e3, true, false, null]}}
            """#
        let evidence = try #require(EvidencePayload.read(json: text))
        #expect(evidence == (try JSONDecoder().decode(EvidencePayload.self, from: Data(text.utf8))))
        #expect(evidence.text.hasPrefix("🚀 오픈AI \"q\" \\ / "))
        let alias = #"{"text": "x", "language": null}"#
        #expect(AliasPayload.read(json: alias) == AliasPayload(text: "x", language: nil))
    }

    /// What the reader does not take goes to JSONDecoder: a number written another way still decodes;
    /// a broken document is still an error (JSONDecoder's).
    @Test(arguments: [
        (#"{"text": "x", "start": 3.0, "end": 4}"#, true),    // a number the reader takes only as written
        (#"{"text": "x", "start": 3}"#, false),               // a required key missing
        (#"{"text": "x", "start": 3, "end": 4"#, false),      // cut short
        (#"{"text": 5, "start": 3, "end": 4}"#, false),       // the wrong type
        (#"{"text": "x", "start": 3, "end": 4} trailing"#, false),
    ])
    func itFallsBackToJSONDecoder(_ text: String, decodes: Bool) throws {
        #expect(EvidencePayload.read(json: text) == nil)
        if decodes {
            #expect(try EvidencePayload.decode(json: text) == EvidencePayload(text: "x", start: 3, end: 4))
        } else {
            #expect(throws: DecodingError.self) { try EvidencePayload.decode(json: text) }
        }
    }

    private func check<T: BulkDecodable & Equatable>(_ json: String, as type: T.Type) throws {
        let reference = try JSONDecoder().decode(T.self, from: Data(json.utf8))
        #expect(T.read(json: json) == reference, "\(json)")
    }
}
