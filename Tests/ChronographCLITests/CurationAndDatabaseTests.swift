import Foundation
import PostgresTestSupport
import Testing

/// Curation commands append to the log and change the timeline; `db status` and `db url` on DATABASE_URL.
@Suite struct CurationAndDatabaseTests {
    /// The timeline of `entity` as JSON, or nil when the command fails.
    private func timeline(_ cli: CLI, _ entity: String) async throws -> [String: Any]? {
        let result = try await cli.run(["timeline", entity, "--format", "json"])
        return result.status == 0 ? try result.json() : nil
    }

    private func events(_ timeline: [String: Any]?) -> [[String: Any]] {
        (timeline?["events"] as? [[String: Any]]) ?? []
    }

    @Test func aliasRenameMergeAndRetractionsAreLoggedAndShowInTheTimeline() async throws {
        let cli = try await CLI.make()
        defer { cli.finish() }
        let english = try cli.write("en.txt", englishOfficeArticle(company: "Veltrona Robotics", city: "Busan"))
        let korean = try cli.write("ko.txt", """
            벨트로나로보틱스, 부산에 사무소 개소

            네덜란드 물류로봇 기업 벨트로나로보틱스는 지난 4일 부산에 사무소를 열었다고 6일 밝혔다.

            회사는 한국과 일본 고객을 지원할 계획이다.
            """)
        let ingest = try await cli.run(["ingest", english, korean, "--published", "2024-03-06"])
        #expect(ingest.status == 0, "\(ingest)")
        #expect(try await cli.run(["project"]).status == 0)
        let englishEntity = try #require(try await timeline(cli, "Veltrona Robotics"), "the English name is unknown")
        let koreanEntity = try #require(try await timeline(cli, "벨트로나로보틱스"), "the Korean name is unknown")
        let englishId = try #require((englishEntity["entity"] as? [String: Any])?["id"] as? String)
        #expect((koreanEntity["entity"] as? [String: Any])?["id"] as? String != englishId, "already one entity: nothing to merge")
        #expect(events(englishEntity).count == 1 && events(koreanEntity).count == 1)

        // alias
        #expect(try await timeline(cli, "Veltrona") == nil)
        let alias = try await cli.run(["entity", "alias", "Veltrona Robotics", "Veltrona", "--language", "en"])
        #expect(alias.status == 0, "\(alias)")
        let byAlias = try await timeline(cli, "Veltrona")
        #expect((byAlias?["entity"] as? [String: Any])?["id"] as? String == englishId, "the alias does not find the entity")

        // rename: the new name shows, the old one still finds it
        let rename = try await cli.run(["entity", "rename", "Veltrona", "Veltrona Robotics B.V."])
        #expect(rename.status == 0, "\(rename)")
        let renamed = try await timeline(cli, "Veltrona Robotics")
        #expect((renamed?["entity"] as? [String: Any])?["name"] as? String == "Veltrona Robotics B.V.")
        #expect((try await cli.run(["timeline", "Veltrona"])).stdout.hasPrefix("Veltrona Robotics B.V. ("))

        // merge: one entity, one event with both articles as sources
        let merge = try await cli.run(["entity", "merge", "벨트로나로보틱스", "Veltrona Robotics B.V."])
        #expect(merge.status == 0, "\(merge)")
        let merged = try await timeline(cli, "벨트로나로보틱스")
        #expect((merged?["entity"] as? [String: Any])?["id"] as? String == englishId, "the merged name does not lead to the survivor")
        #expect((merged?["aliases"] as? [String])?.contains("벨트로나로보틱스") == true)
        let mergedEvents = events(merged)
        try #require(mergedEvents.count == 1, "the two reports of the opening did not become one event: \(mergedEvents)")
        let event = mergedEvents[0]
        let eventId = try #require(event["id"] as? String)
        let articles = values("article", in: (event["sources"] as? [[String: Any]]) ?? [], as: String.self)
        #expect(articles.count == 2)
        let selfMerge = try await cli.run(["entity", "merge", "Veltrona", "벨트로나로보틱스"])
        #expect(selfMerge.status != 0 && selfMerge.stderr.contains("already one entity"), "\(selfMerge)")

        // article retraction: its report leaves the event
        let koreanArticle = try #require(articles.first { article in
            (event["sources"] as? [[String: Any]])?.first { $0["article"] as? String == article }?["title"] as? String == "벨트로나로보틱스, 부산에 사무소 개소"
        })
        let retractArticle = try await cli.run(["article", "retract", String(koreanArticle.prefix(12)), "--reason", "duplicate copy"])
        #expect(retractArticle.status == 0, "\(retractArticle)")
        let afterArticle = events(try await timeline(cli, "Veltrona"))
        #expect(afterArticle.count == 1)
        #expect(values("article", in: (afterArticle.first?["sources"] as? [[String: Any]]) ?? [], as: String.self) != [koreanArticle])
        #expect(((afterArticle.first?["sources"] as? [[String: Any]]) ?? []).count == 1)

        // event retraction: the event leaves the timeline
        let retractEvent = try await cli.run(["event", "retract", eventId, "--reason", "not an office but a showroom"])
        #expect(retractEvent.status == 0, "\(retractEvent)")
        #expect(events(try await timeline(cli, "Veltrona")).isEmpty, "a retracted event is still in the timeline")
        let unknownEvent = try await cli.run(["event", "retract", "ev-0000", "--reason", "x"])
        #expect(unknownEvent.status != 0 && unknownEvent.stderr.contains("ev-0000"), "\(unknownEvent)")
        let unknownArticle = try await cli.run(["article", "retract", "zzzz", "--reason", "x"])
        #expect(unknownArticle.status != 0 && unknownArticle.stderr.contains("zzzz"), "\(unknownArticle)")
        let wildcard = try await cli.run(["article", "retract", "_", "--reason", "x"])  // a letter, not LIKE's any-character
        #expect(wildcard.status != 0 && wildcard.stderr.contains("no article has the id '_'"), "\(wildcard)")

        // Every correction is in the log, retractions with their reasons.
        let curation = try await cli.run(["log", "read", "--category", "curation"]).jsonLines()
        #expect(values("type", in: curation, as: String.self)
                == ["entity.aliased", "entity.renamed", "entity.merged", "article.retracted", "event.retracted"])
        let reasons = curation.compactMap { ($0["data"] as? [String: Any])?["reason"] as? String }
        #expect(reasons == ["duplicate copy", "not an office but a showroom"])
        #expect(curation.contains { ($0["data"] as? [String: Any])?["event"] as? String == eventId })
        // And the log of the articles is untouched.
        let articleEvents = try await cli.run(["log", "read", "--category", "article", "--type", "event.reported"])
        #expect(articleEvents.status != 0, "two filters at once should be refused")
        #expect(try await cli.run(["log", "read", "--type", "event.reported"]).jsonLines().count == 2)
    }

    @Test func dbStatusAndURLUseDatabaseURL() async throws {
        let cli = try await CLI.make()
        defer { cli.finish() }
        let db = try #require(cli.database)
        let status = try await cli.run(["db", "status"])
        #expect(status.status == 0, "\(status)")
        #expect(status.stdout.contains("database: "), "\(status)")
        #expect(!status.stdout.contains("embedded cluster"), "db status ignores DATABASE_URL: \(status)")
        let migrations = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("db/migrations").path)
            .filter { $0.hasSuffix(".sql") }
        try #require(!migrations.isEmpty)
        for file in migrations {
            let version = String(Int(file.prefix(4)) ?? -1)
            let name = String(file.dropFirst(5).dropLast(4))
            #expect(status.stdout.split(separator: "\n").contains { $0.hasPrefix(version + " ") && $0.contains(name) && $0.contains("applied") },
                    "migration \(file) is not listed as applied: \(status.stdout)")
        }
        #expect(!status.stdout.contains("pending"), "\(status)")
        #expect(!FileManager.default.fileExists(atPath: cli.home.appendingPathComponent("postgres").path), "db status started an embedded cluster")

        let url = try await cli.run(["db", "url"])
        #expect(url.status == 0, "\(url)")
        #expect(url.stdout.trimmingCharacters(in: .newlines) == db.conninfo)
    }
}
