import Foundation
import Testing

/// `ingest`: the same article in other clothes adds nothing; bad inputs are reported and recorded once.
@Suite struct IngestCommandTests {
    static let founding = sample("ko-openai-kdb-mou-2024-11-26.txt")

    @Test func theSameArticleRenamedWithCRLFOrInAnEnvelopeIsAlreadyIngested() async throws {
        let cli = try await CLI.make()
        defer { cli.finish() }
        let text = try String(contentsOfFile: Self.founding, encoding: .utf8)
        let renamed = try cli.write("renamed-copy.txt", text)
        let crlf = try cli.write("crlf.txt", text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n"))
        let envelopeData = try JSONSerialization.data(withJSONObject: ["text": text, "published": "2024-11-26"])
        let envelope = try cli.write("envelope.json", envelopeData)

        let first = try await cli.run(["ingest", Self.founding, "--published", "2024-11-26", "--format", "json"])
        #expect(first.status == 0, "\(first)")
        let summary = try first.json()
        for key in ["articles", "new", "duplicates", "failed", "events", "relations"] {
            #expect(summary[key] is Int, "the summary has no \(key): \(first.stdout)")
        }
        #expect(summary["new"] as? Int == 1)
        #expect(summary["events"] as? Int == 11)

        for (path, published) in [(renamed, ["--published", "2024-11-26"]), (crlf, ["--published", "2024-11-26"]), (envelope, [])] {
            let again = try await cli.run(["ingest", path, "--format", "json"] + published)
            #expect(again.status == 0, "\(again)")
            let counts = try again.json()
            #expect(counts["articles"] as? Int == 1, "\(path): \(again)")
            #expect(counts["duplicates"] as? Int == 1, "\(path) is not recognised as already ingested: \(again)")
            #expect(counts["new"] as? Int == 0 && counts["events"] as? Int == 0, "\(path): \(again)")
            #expect(again.stderr.contains(path) && again.stderr.contains("already ingested"), "\(again)")
        }

        let log = try await cli.run(["log", "read", "--category", "article"]).jsonLines()
        #expect(Set(values("stream", in: log, as: String.self)).count == 1, "the log holds more than one article stream")
        #expect(values("type", in: log, as: String.self).filter { $0 == "article.ingested" }.count == 1)
        #expect(values("type", in: log, as: String.self).filter { $0 == "event.reported" }.count == 11)

        let text2 = try await cli.run(["ingest", renamed, "--published", "2024-11-26"])
        #expect(text2.stdout.contains("1 already ingested"), "\(text2)")
    }

    @Test func standardInputIsIngestedLikeAFile() async throws {
        let cli = try await CLI.make()
        defer { cli.finish() }
        let text = englishOfficeArticle(company: "Veltrona Robotics", city: "Busan")
        let fromStdin = try await cli.run(["ingest", "-", "--published", "2024-03-06", "--format", "json"], stdin: text)
        #expect(fromStdin.status == 0, "\(fromStdin)")
        let counts = try fromStdin.json()
        #expect(counts["articles"] as? Int == 1 && counts["new"] as? Int == 1 && counts["failed"] as? Int == 0, "\(fromStdin)")
        let file = try cli.write("same.txt", text)
        let again = try await cli.run(["ingest", file, "--published", "2024-03-06", "--format", "json"])
        #expect(try again.json()["duplicates"] as? Int == 1, "\(again)")
    }

    @Test func aBadInputIsReportedAndListedOnceByIngestFailed() async throws {
        let cli = try await CLI.make()
        defer { cli.finish() }
        let good = try cli.write("in/good.txt", englishOfficeArticle(company: "Veltrona Robotics", city: "Busan"))
        let bad = try cli.write("in/bad.json", "{\"text\": \"unterminated")
        let folder = cli.scratch.appendingPathComponent("in").path

        let none = try await cli.run(["ingest", "--failed"])
        #expect(none.status == 0 && none.stdout.contains("no failed inputs"), "\(none)")

        let first = try await cli.run(["ingest", folder, "--published", "2024-03-06", "--format", "json"])
        #expect(first.status == 2, "\(first)")
        #expect(first.stderr.contains(bad), "\(first)")
        #expect(!first.stderr.contains(good))
        #expect(!looksLikeACrash(first.stderr))
        let summary = try first.json()
        #expect(summary["failed"] as? Int == 1)
        #expect(summary["new"] as? Int == 1)

        for run in 1...2 {
            let listed = try await cli.run(["ingest", "--failed", "--format", "json"])
            #expect(listed.status == 0, "\(listed)")
            let failures = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
            #expect(failures.count == 1, "after run \(run): \(listed.stdout)")
            #expect(failures.first?["source"] as? String == bad)
            #expect((failures.first?["reason"] as? String)?.contains("JSON") == true, "\(listed.stdout)")
            let text = try await cli.run(["ingest", "--failed"])
            #expect(text.stdout.split(separator: "\n").filter { $0.contains(bad) }.count == 1, "\(text)")
            if run == 1 {
                // The same bad input again: reported again, not recorded twice; the good one is a duplicate now.
                let second = try await cli.run(["ingest", folder, "--published", "2024-03-06", "--format", "json"])
                #expect(second.status == 2, "\(second)")
                #expect(second.stderr.contains(bad))
                let counts = try second.json()
                #expect(counts["failed"] as? Int == 1 && counts["duplicates"] as? Int == 1 && counts["new"] as? Int == 0, "\(second)")
            }
        }
    }
}
