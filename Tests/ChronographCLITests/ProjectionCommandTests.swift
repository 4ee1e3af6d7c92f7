import Foundation
import Postgres
import PostgresTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Ingests the sample articles as scripts/demo.sh does: those listed in samples/published.tsv with their date,
/// then the whole folder (the listed ones come back as duplicates).
func ingestSamples(_ cli: CLI) async throws {
    let table = try String(contentsOf: packageRoot.appendingPathComponent("samples/published.tsv"), encoding: .utf8)
    let listed = table.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t").map(String.init) }
    try await withThrowingTaskGroup(of: CLIResult.self) { group in
        for (index, row) in listed.enumerated() {
            if index >= 3 { if let done = try await group.next() { #expect(done.status == 0, "\(done)") } }
            group.addTask { try await cli.run(["ingest", sample(row[0]), "--published", row[1]]) }
        }
        for try await done in group { #expect(done.status == 0, "\(done)") }
    }
    let folder = try await cli.run(["ingest", packageRoot.appendingPathComponent("samples/articles").path, "--format", "json"])
    #expect(folder.status == 0, "\(folder)")
    #expect(try folder.json()["duplicates"] as? Int == listed.count, "\(folder)")
}

/// The graph's checkpoint and the log's last position.
func projectionState(_ db: TestDatabase) async throws -> (checkpoint: Int64, last: Int64) {
    try await db.withConnection { connection in
        let row = try connection.query("""
            SELECT coalesce((SELECT position FROM graph.checkpoints WHERE projection = 'graph'), 0) AS checkpoint,
                   coalesce((SELECT max(position) FROM events), 0) AS last
            """)[0]
        return (try row.decode("checkpoint", as: Int64.self), try row.decode("last", as: Int64.self))
    }
}

/// Whether some session holds an advisory lock in this database (the projector's).
func aProjectorHoldsTheLock(_ db: TestDatabase) async throws -> Bool {
    try await db.withConnection { connection in
        try connection.query("""
            SELECT count(*) FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """)[0].decode(0, as: Int.self) > 0
    }
}

@Suite struct ProjectionCommandTests {
    @Test func theOpenAITimelineAfterIngestingTheSamples() async throws {
        let cli = try await CLI.make()
        defer { cli.finish() }
        try await ingestSamples(cli)
        let project = try await cli.run(["project"])
        #expect(project.status == 0, "\(project)")
        #expect(project.stderr.contains("projected"), "\(project)")

        let english = try await cli.run(["timeline", "OpenAI", "--format", "json"])
        let korean = try await cli.run(["timeline", "오픈AI", "--format", "json"])
        #expect(english.status == 0 && korean.status == 0, "\(english)\n\(korean)")
        #expect(english.stdout == korean.stdout, "'OpenAI' and '오픈AI' give different timelines")

        let timeline = try english.json()
        #expect((timeline["entity"] as? [String: Any])?["id"] as? String == "org/openai")
        let events = try #require(timeline["events"] as? [[String: Any]])
        func places(_ type: String) -> Set<String> {
            Set(events.filter { $0["type"] as? String == type }.compactMap { ($0["place"] as? [String: Any])?["name"] as? String })
        }
        #expect(places("office.opened") == ["London", "Dublin", "Tokyo"])
        #expect(places("office.announced") == ["New York", "Seattle", "Paris", "Brussels", "Singapore"])

        let agreements = events.filter { $0["type"] as? String == "agreement.signed" }
        try #require(agreements.count == 1, "\(agreements)")
        let agreement = agreements[0]
        #expect(agreement["date"] as? String == "2024-11-26")
        let counterparties = (agreement["counterparties"] as? [[String: Any]]) ?? []
        #expect(values("name", in: counterparties, as: String.self) == ["Korea Development Bank"])
        let signatories = ((agreement["participants"] as? [[String: Any]]) ?? []).filter { $0["role"] as? String == "signatory" }
        #expect(Set(values("name", in: signatories, as: String.self)) == ["Jason Kwon", "Kang Seok-hoon"])
        let sources = (agreement["sources"] as? [[String: Any]]) ?? []
        #expect(Set(values("article", in: sources, as: String.self)).count >= 2, "the agreement rests on fewer than 2 articles")

        let visits = events.filter { $0["type"] as? String == "visit" }
        #expect(visits.count == 2)
        #expect(visits.allSatisfy { ($0["actor"] as? [String: Any])?["name"] as? String == "Sam Altman" })
        #expect(Set(values("date", in: visits, as: String.self)) == ["2023-06", "2024-01"])

        // Dated events come in date order.
        let dates = values("date", in: events, as: String.self)
        #expect(dates == dates.sorted(), "\(dates)")

        let table = try await cli.run(["timeline", "OpenAI"])
        #expect(table.status == 0)
        #expect(table.stdout.hasPrefix("OpenAI (organization, org/openai"), "\(table)")
        #expect(table.stdout.split(separator: "\n").count == events.count + 2, "\(table)")

        let unknown = try await cli.run(["timeline", "Nonexistent Holdings"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("Nonexistent Holdings") && unknown.stderr.contains("no entity"), "\(unknown)")
        #expect(!looksLikeACrash(unknown.stderr))
        #expect(!unknown.stderr.contains("Usage:"), "a lookup that finds nothing is not a usage mistake: \(unknown)")
        #expect(unknown.stdout.isEmpty)
    }

    @Test func projectFollowAppliesANewIngestWithinTwoSeconds() async throws {
        let cli = try await CLI.make()
        defer { cli.finish() }
        let db = try #require(cli.database)
        let article = try cli.write("veltrona.txt", englishOfficeArticle(company: "Veltrona Robotics", city: "Busan"))
        let follower = try cli.start(["project", "--follow"])
        let ready = try await eventually(within: .seconds(10)) { try await aProjectorHoldsTheLock(db) }
        try #require(ready != nil, "project --follow never took its lock: \(follower.stderr)")
        try await Task.sleep(for: .milliseconds(300))  // past its catch-up, listening

        let ingest = try await cli.run(["ingest", article, "--published", "2024-03-06"])
        #expect(ingest.status == 0, "\(ingest)")
        let applied = try await eventually(within: .seconds(2), every: .milliseconds(25)) {
            let state = try await projectionState(db)
            return state.last > 0 && state.checkpoint == state.last
        }
        #expect(applied != nil, "project --follow did not apply the ingested article within 2 s")
        if let applied { print("project --follow applied an ingest in \(applied)") }
        let timeline = try await cli.run(["timeline", "Veltrona Robotics", "--format", "json"])
        #expect(timeline.status == 0, "\(timeline)")
        #expect((try? timeline.json()["events"] as? [Any])??.count == 1, "\(timeline)")

        #expect(follower.isRunning, "project --follow stopped on its own: \(follower.stderr)")
        follower.kill(SIGTERM)
        let stopped = try await follower.wait(timeout: .seconds(5))
        #expect(stopped.status == 0, "\(stopped)")
    }

    @Test func aSecondProjectorWaitsAndTakesOverWhenTheFirstIsKilled() async throws {
        let cli = try await CLI.make()
        defer { cli.finish() }
        let db = try #require(cli.database)
        let first = try cli.start(["project", "--follow"])
        let locked = try await eventually(within: .seconds(10)) { try await aProjectorHoldsTheLock(db) }
        try #require(locked != nil, "the first projector never took its lock: \(first.stderr)")

        let article = try cli.write("veltrona.txt", englishOfficeArticle(company: "Veltrona Robotics", city: "Busan"))
        let second = try cli.start(["project"])
        let waiting = await eventually(within: .seconds(10)) { second.stderr.contains("another projector is running") }
        #expect(waiting != nil, "the second projector does not say it waits: \(second.stderr)")
        try await Task.sleep(for: .milliseconds(500))
        #expect(second.isRunning, "the second projector did not wait for the first")

        // Freeze the first projector (it keeps its lock), log something, then kill it: only the second can apply it.
        first.kill(SIGSTOP)
        let ingest = try await cli.run(["ingest", article, "--published", "2024-03-06"])
        #expect(ingest.status == 0, "\(ingest)")
        try await Task.sleep(for: .milliseconds(300))
        #expect(second.isRunning, "the second projector did not wait for the frozen first one")
        first.kill(SIGKILL)
        _ = try await first.wait(timeout: .seconds(5))
        let result = try await second.wait(timeout: .seconds(20))
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("projected"), "\(result)")
        let state = try await projectionState(db)
        #expect(state.last > 0 && state.checkpoint == state.last, "the second projector did not catch up: \(state)")
        #expect(!result.stderr.contains("projected 0 events"), "\(result)")
    }
}
