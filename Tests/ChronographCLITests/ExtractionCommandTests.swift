import Foundation
import Testing

/// `dates` and `extract`: no database, only text in and JSON or tables out.
@Suite struct ExtractionCommandTests {
    static let sentences: [(text: String, published: String, expected: [String: String])] = [
        // An emoji before the dates: one code point, two UTF-16 units, so UTF-16 offsets would be off by one.
        ("🚀 오픈AI는 지난 26일 산업은행과 업무협약을 맺었고 2025년 3월 서울에 사무소를 연다.", "2024-11-26",
         ["지난 26일": "2024-11-26", "2025년 3월": "2025-03"]),
        ("🚀 OpenAI signed the agreement on Nov. 25, seven months after it opened its Tokyo office in April 2024.", "2024-11-26",
         ["Nov. 25": "2024-11-25", "April 2024": "2024-04"]),
    ]

    @Test(arguments: sentences)
    func datesPrintsResolvedDatesWithCodePointOffsets(text: String, published: String, expected: [String: String]) async throws {
        let cli = try await CLI.make(withDatabase: false)
        defer { cli.finish() }
        let result = try await cli.run(["dates", text, "--published", published])
        #expect(result.status == 0, "\(result)")
        let dates = try #require(try result.json()["dates"] as? [[String: Any]])
        let scalars = Array(text.unicodeScalars)
        var found: [String: String] = [:]
        for date in dates {
            for key in ["text", "start", "end", "value", "precision"] {
                #expect(date[key] != nil, "a date has no \(key): \(date)")
            }
            let start = try #require(date["start"] as? Int), end = try #require(date["end"] as? Int)
            let mention = try #require(date["text"] as? String)
            try #require(0 <= start && start < end && end <= scalars.count)
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: scalars[start..<end])
            #expect(String(slice) == mention, "offsets \(start)..<\(end) do not slice '\(mention)' in code points")
            if let value = date["value"] as? String { found[mention] = value }
        }
        for (mention, value) in expected {
            #expect(found[mention] == value, "'\(mention)' should resolve to \(value); got \(found)")
        }
        for date in dates {
            let value = date["value"] as? String ?? ""
            #expect(date["precision"] as? String == (value.count == 10 ? "day" : value.count == 7 ? "month" : "year"), "\(date)")
        }

        let table = try await cli.run(["dates", text, "--published", published, "--format", "table"])
        #expect(table.status == 0, "\(table)")
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("TEXT") == true && lines.first?.contains("PRECISION") == true, "\(table)")
        #expect(lines.count == dates.count + 1, "\(table)")
        for (mention, value) in expected {
            #expect(lines.contains { $0.contains(mention) && $0.contains(value) }, "no table row for \(mention) = \(value): \(table)")
        }
    }

    /// A past date in a sentence that also speaks of the future keeps its own verb's tense.
    @Test func aPastDateInAMixedTenseEnglishSentence() async throws {
        let cli = try await CLI.make(withDatabase: false)
        defer { cli.finish() }
        let result = try await cli.run([
            "dates", "OpenAI signed the agreement on Nov. 25 and will open an office in Seoul in March 2025.", "--published", "2024-11-26",
        ])
        let dates = try #require(try result.json()["dates"] as? [[String: Any]])
        #expect(dates.first { $0["text"] as? String == "March 2025" }?["value"] as? String == "2025-03")
        #expect(dates.first { $0["text"] as? String == "Nov. 25" }?["value"] as? String == "2024-11-25")
    }

    @Test func datesReadsStandardInput() async throws {
        let cli = try await CLI.make(withDatabase: false)
        defer { cli.finish() }
        let result = try await cli.run(["dates", "-", "--published", "2024-11-26"], stdin: "It opened in April 2024.")
        #expect(result.status == 0, "\(result)")
        let dates = try #require(try result.json()["dates"] as? [[String: Any]])
        #expect(values("value", in: dates, as: String.self) == ["2024-04"])
    }

    @Test func theFoundingArticleGivesElevenEvents() async throws {
        let cli = try await CLI.make(withDatabase: false)
        defer { cli.finish() }
        let result = try await cli.run(["extract", sample("ko-openai-kdb-mou-2024-11-26.txt"), "--published", "2024-11-26"])
        #expect(result.status == 0, "\(result)")
        let articles = try #require(try result.json()["articles"] as? [[String: Any]])
        try #require(articles.count == 1)
        let article = articles[0]
        #expect(article["published"] as? String == "2024-11-26")
        #expect(article["language"] as? String == "ko")
        let events = try #require(article["events"] as? [[String: Any]])
        #expect(events.count == 11)
        let types = values("type", in: events, as: String.self)
        #expect(types.filter { $0 == "agreement.signed" }.count == 1)
        #expect(types.filter { $0 == "visit" }.count == 2)
        #expect(types.filter { $0 == "office.announced" }.count == 5)
        #expect(types.filter { $0 == "office.opened" }.count == 3)
        // Evidence offsets are code points into the text the extractor read; each evidence is a sentence.
        for event in events {
            let evidence = try #require(event["evidence"] as? [String: Any])
            #expect((evidence["end"] as? Int ?? 0) > (evidence["start"] as? Int ?? 0))
        }
    }

    @Test func aFolderWithBadFilesReportsEachAndKeepsTheGoodOnes() async throws {
        let cli = try await CLI.make(withDatabase: false)
        defer { cli.finish() }
        let good = try cli.write("mixed/good.txt", englishOfficeArticle(company: "Veltrona Robotics", city: "Busan"))
        let bad = try cli.write("mixed/bad.json", "{\"text\": \"unterminated")
        let lines = try cli.write("mixed/lines.jsonl", """
            {"text":"Veltrona Robotics opened an office in Tokyo on Monday, the company said.","published":"2024-04-17"}
            {not json
            {"text":"Veltrona Robotics opened an office in London on Monday, the company said.","published":"2024-06-12"}

            """)
        let empty = try cli.write("mixed/empty.txt", "")
        let latin1 = try cli.write("mixed/latin1.txt", Data([0x63, 0x61, 0x66, 0xE9, 0x20, 0xFF, 0x0A]))
        let unknown = try cli.write("notes.md", "OpenAI opened an office in Tokyo.")
        let folder = cli.scratch.appendingPathComponent("mixed").path

        let result = try await cli.run(["extract", folder, unknown, "--published", "2024-03-06"])
        #expect(result.status == 2, "\(result)")
        #expect(!looksLikeACrash(result.stderr))
        for path in [bad, empty, latin1, unknown] {
            #expect(result.stderr.contains(path), "stderr does not name \(path): \(result.stderr)")
        }
        #expect(result.stderr.contains("\(lines):2"), "stderr does not name line 2 of the .jsonl: \(result.stderr)")
        #expect(!result.stderr.contains(good), "the good file is reported as bad: \(result.stderr)")
        #expect(!result.stderr.contains("\(lines):1") && !result.stderr.contains("\(lines):3"))

        let json = try result.json()
        let articles = try #require(json["articles"] as? [[String: Any]])
        let sources = values("source", in: articles, as: String.self)
        #expect(sources.filter { $0 == good }.count == 1, "\(sources)")
        #expect(sources.filter { $0.hasPrefix(lines) }.count == 2, "\(sources)")
        #expect(articles.count == 3)
        let places = articles.flatMap { ($0["events"] as? [[String: Any]]) ?? [] }
            .compactMap { ($0["place"] as? [String: Any])?["name"] as? String }
        #expect(Set(places).isSuperset(of: ["Busan", "Tokyo", "London"]), "\(places)")
        let errors = try #require(json["errors"] as? [[String: Any]])
        #expect(Set(values("source", in: errors, as: String.self)) == [bad, empty, latin1, unknown, lines])
        #expect(errors.contains { $0["source"] as? String == lines && $0["line"] as? Int == 2 })
    }

    @Test func tableAndExplainAreReadable() async throws {
        let cli = try await CLI.make(withDatabase: false)
        defer { cli.finish() }
        let article = sample("en-wire-openai-kdb-mou-2024-11-26.txt")
        let table = try await cli.run(["extract", article, "--published", "2024-11-26", "--format", "table"])
        #expect(table.status == 0, "\(table)")
        #expect(table.stdout.hasPrefix("== \(article)"), "\(table)")
        let rows = table.stdout.split(separator: "\n")
        #expect(rows.contains { $0.contains("2024-11-26") && $0.contains("agreement.signed") && $0.contains("OpenAI") && $0.contains("Korea Development Bank") },
                "\(table)")
        #expect(rows.contains { $0.contains("visit") && $0.contains("Sam Altman") }, "\(table)")
        #expect(!table.stdout.contains("-- explain --"))

        let explained = try await cli.run(["extract", article, "--published", "2024-11-26", "--format", "table", "--explain"])
        #expect(explained.status == 0, "\(explained)")
        #expect(explained.stdout.contains("-- explain --"), "\(explained)")
        #expect(explained.stdout.contains("agreement.signed ←"), "the explanation does not show the rule that fired: \(explained)")
        #expect(explained.stdout.contains("rules: none fired") || explained.stdout.contains("not read for events"), "\(explained)")
        #expect(explained.stdout.count > table.stdout.count * 2)
    }
}
