import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `log append`, `log read` (with its filters and --follow) and `log stats`, against a real database.
@Suite struct LogCommandTests {
    @Test func appendingToANewStreamTwiceFailsTheSecondTime() async throws {
        let cli = try await CLI.make()
        defer { cli.finish() }
        let first = try await cli.run(["log", "append", "note-1", "--type", "note.made", "--data", #"{"n":1}"#, "--expected-version", "none"])
        #expect(first.status == 0, "\(first)")
        let appended = try first.json()
        #expect(appended["stream"] as? String == "note-1")
        #expect(appended["version"] as? Int == 0)
        #expect(appended["status"] as? String == "appended")

        let second = try await cli.run(["log", "append", "note-1", "--type", "note.made", "--data", #"{"n":2}"#, "--expected-version", "none"])
        #expect(second.status != 0, "\(second)")
        #expect(second.stderr.contains("note-1") && second.stderr.contains("expected version"), "\(second)")
        #expect(!looksLikeACrash(second.stderr))

        let read = try await cli.run(["log", "read", "--stream", "note-1"])
        #expect(try read.jsonLines().count == 1, "\(read)")
    }

    @Test func jsonLinesFromStdinReportTheBadLineAndAppendTheOthers() async throws {
        let cli = try await CLI.make()
        defer { cli.finish() }
        let input = """
            {"stream":"order-1","type":"order.placed","data":{"total":3}}
            {"stream":"order-2","type":"order.placed","data":{"total":
            {"stream":"order-2","type":"order.placed","data":{"total":5},"metadata":{"by":"test"}}
            {"stream":"order-1","type":"order.paid","data":{},"expected_version":0}

            """
        let result = try await cli.run(["log", "append", "--jsonl", "-"], stdin: input)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("stdin:2"), "the bad line is not reported with its number: \(result)")
        #expect(!result.stderr.contains("stdin:1") && !result.stderr.contains("stdin:3") && !result.stderr.contains("stdin:4"))
        let summary = try result.json()
        #expect(summary["appended"] as? Int == 3)
        #expect(summary["rejected"] as? Int == 1)

        let events = try await cli.run(["log", "read"]).jsonLines()
        #expect(values("stream", in: events, as: String.self) == ["order-1", "order-2", "order-1"])
        #expect(events[1]["metadata"] as? [String: String] == ["by": "test"])

        // A wrong expected version on a line is refused the same way.
        let stale = try await cli.run(["log", "append", "--jsonl", "-"],
                                      stdin: #"{"stream":"order-1","type":"order.paid","data":{},"expected_version":0}"# + "\n")
        #expect(stale.status == 1, "\(stale)")
        #expect(stale.stderr.contains("stdin:1"), "\(stale)")
        #expect(try stale.json()["rejected"] as? Int == 1)
    }

    @Test func readFiltersByStreamCategoryTypeLimitAndPosition() async throws {
        let cli = try await CLI.make()
        defer { cli.finish() }
        let lines = [
            ("order-1", "order.placed"), ("order-2", "order.placed"), ("customer-1", "customer.joined"),
            ("order-1", "order.paid"), ("customer-1", "customer.left"), ("order-2", "order.paid"),
        ].enumerated().map { index, item in #"{"stream":"\#(item.0)","type":"\#(item.1)","data":{"n":\#(index)}}"# }
        let appended = try await cli.run(["log", "append", "--jsonl", "-", "--batch-size", "2"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(appended.status == 0, "\(appended)")

        let all = try await cli.run(["log", "read"]).jsonLines()
        try #require(all.count == 6)
        for event in all {
            for key in ["position", "stream", "version", "type", "id", "data", "metadata", "recorded_at"] {
                #expect(event.keys.contains(key), "a JSON line has no \(key): \(event)")
            }
        }
        let positions = values("position", in: all, as: Int.self)
        #expect(positions == positions.sorted() && Set(positions).count == 6)
        #expect(all.map { ($0["data"] as? [String: Int])?["n"] } == [0, 1, 2, 3, 4, 5])

        let stream = try await cli.run(["log", "read", "--stream", "order-1"]).jsonLines()
        #expect(values("type", in: stream, as: String.self) == ["order.placed", "order.paid"])
        #expect(values("version", in: stream, as: Int.self) == [0, 1])

        let category = try await cli.run(["log", "read", "--category", "customer"]).jsonLines()
        #expect(values("type", in: category, as: String.self) == ["customer.joined", "customer.left"])

        let type = try await cli.run(["log", "read", "--type", "order.paid"]).jsonLines()
        #expect(values("stream", in: type, as: String.self) == ["order-1", "order-2"])

        let limited = try await cli.run(["log", "read", "--limit", "2"]).jsonLines()
        #expect(values("position", in: limited, as: Int.self) == Array(positions.prefix(2)))

        let from = try await cli.run(["log", "read", "--from", String(positions[3])]).jsonLines()
        #expect(values("position", in: from, as: Int.self) == Array(positions.suffix(3)))

        let combined = try await cli.run(["log", "read", "--category", "order", "--from", String(positions[2]), "--limit", "1"]).jsonLines()
        #expect(values("type", in: combined, as: String.self) == ["order.paid"])
        #expect(values("stream", in: combined, as: String.self) == ["order-1"])

        let table = try await cli.run(["log", "read", "--format", "table", "--stream", "customer-1"])
        let rows = table.stdout.split(separator: "\n")
        #expect(rows.count == 3 && rows[0].hasPrefix("POSITION") && rows[2].contains("customer.left"), "\(table)")

        let stats = try await cli.run(["log", "stats", "--format", "json"])
        #expect(stats.status == 0, "\(stats)")
        let figures = try stats.json()
        #expect(figures["events"] as? Int == 6)
        #expect(figures["streams"] as? Int == 3)
        #expect(figures["last_position"] as? Int == positions.last)
        let text = try await cli.run(["log", "stats"])
        #expect(text.stdout.contains("events") && text.stdout.contains("6"), "\(text)")
    }

    @Test func followWithALimitEndsCleanlyOnceItHasPrintedThatMany() async throws {
        let cli = try await CLI.make()
        defer { cli.finish() }
        _ = try await cli.run(["log", "append", "chat-1", "--type", "said", "--data", #""one""#])
        let follower = try cli.start(["log", "read", "--follow", "--limit", "2"])
        let printed = await eventually(within: .seconds(10)) { follower.stdout.contains("\"one\"") }
        try #require(printed != nil, "\(follower.stderr)")
        #expect(follower.isRunning, "it stopped before reaching its limit")
        _ = try await cli.run(["log", "append", "chat-1", "--type", "said", "--data", #""two""#])
        _ = try await cli.run(["log", "append", "chat-1", "--type", "said", "--data", #""three""#])
        let result = try await follower.wait(timeout: .seconds(5))
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        #expect(values("data", in: try result.jsonLines(), as: String.self) == ["one", "two"])
    }

    @Test func statsOfAnEmptyLog() async throws {
        let cli = try await CLI.make()
        defer { cli.finish() }
        let stats = try await cli.run(["log", "stats", "--format", "json"])
        #expect(stats.status == 0, "\(stats)")
        let figures = try stats.json()
        #expect(figures["events"] as? Int == 0)
        #expect(figures["streams"] as? Int == 0)
        #expect(figures.keys.contains("last_position"), "\(stats.stdout)")
        #expect(figures["last_position"] is NSNull)
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func followSeesAnotherProcessAppendAndStopsCleanlyOnASignal(signal: Int32) async throws {
        let cli = try await CLI.make()
        defer { cli.finish() }
        let before = try await cli.run(["log", "append", "chat-1", "--type", "said", "--data", #""hello""#])
        #expect(before.status == 0, "\(before)")

        let follower = try cli.start(["log", "read", "--follow", "--category", "chat"])
        // Caught up once it prints what was there before it started.
        let caughtUp = await eventually(within: .seconds(10)) { follower.stdout.contains("\"hello\"") }
        try #require(caughtUp != nil, "log read --follow printed nothing: \(follower.stderr)")

        let clock = ContinuousClock()
        let appendedAt = clock.now
        let writer = try await cli.run(["log", "append", "chat-1", "--type", "said", "--data", #""again""#, "--expected-version", "0"])
        #expect(writer.status == 0, "\(writer)")
        _ = try await cli.run(["log", "append", "news-1", "--type", "said", "--data", #""elsewhere""#])
        let seen = await eventually(within: .seconds(2), every: .milliseconds(20)) { follower.stdout.contains("\"again\"") }
        #expect(seen != nil, "the follower did not print the new event within 2 s of its append")
        if seen != nil { print("log read --follow saw an append \(clock.now - appendedAt) after the writer started") }

        #expect(follower.isRunning, "log read --follow stopped on its own: \(follower.stderr)")
        follower.kill(signal)
        let result = try await follower.wait(timeout: .seconds(5))
        #expect(result.status == 0, "log read --follow exits \(result.status) on signal \(signal): \(result)")
        let lines = try result.jsonLines()
        #expect(values("data", in: lines, as: String.self) == ["hello", "again"], "the category filter let something else through")
        #expect(values("version", in: lines, as: Int.self) == [0, 1])
    }
}
