import Foundation
import Testing

/// `--help` everywhere, and what a user sees after a mistake on the command line.
@Suite struct UsageTests {
    static let helpCases: [(command: [String], names: [String])] = [
        ([], ["extract", "ingest", "project", "timeline", "dates", "db", "log", "entity", "event", "article"]),
        (["extract"], ["--published", "--language", "--gazetteer", "--format", "--explain", "<paths>"]),
        (["ingest"], ["--published", "--language", "--gazetteer", "--format", "--batch-size", "--failed"]),
        (["project"], ["--follow", "--rebuild", "--batch-size"]),
        (["timeline"], ["<entity>", "--format"]),
        (["dates"], ["<text>", "--published", "--format"]),
        (["db"], ["migrate", "status", "start", "stop", "url"]),
        (["db", "migrate"], ["USAGE: chronograph db migrate", "--help"]),
        (["db", "status"], ["USAGE: chronograph db status", "--help"]),
        (["db", "start"], ["USAGE: chronograph db start", "--help"]),
        (["db", "stop"], ["USAGE: chronograph db stop", "--help"]),
        (["db", "url"], ["USAGE: chronograph db url", "--help"]),
        (["log"], ["append", "read", "stats"]),
        (["log", "append"], ["<stream>", "--type", "--data", "--metadata", "--id", "--expected-version", "--jsonl", "--batch-size"]),
        (["log", "read"], ["--from", "--stream", "--category", "--type", "--limit", "--follow", "--format"]),
        (["log", "stats"], ["--format"]),
        (["entity"], ["merge", "alias", "rename"]),
        (["entity", "merge"], ["<from>", "<into>"]),
        (["entity", "alias"], ["<entity>", "<alias>", "--language"]),
        (["entity", "rename"], ["<entity>", "<name>"]),
        (["event"], ["retract"]),
        (["event", "retract"], ["<event>", "--reason"]),
        (["article"], ["retract"]),
        (["article", "retract"], ["<article>", "--reason"]),
    ]

    @Test(arguments: helpCases)
    func helpExitsZeroAndNamesTheOptions(command: [String], names: [String]) async throws {
        let cli = try await CLI.make(withDatabase: false)
        defer { cli.finish() }
        let result = try await cli.run(command + ["--help"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("USAGE: chronograph"), "\(result)")
        for name in names {
            #expect(result.stdout.contains(name), "`chronograph \(command.joined(separator: " ")) --help` does not name \(name)")
        }
        #expect(result.stderr.isEmpty, "\(result)")
    }

    static let mistakes: [(command: [String], names: String)] = [
        (["dates", "26일", "--published", "2024-13-01"], "--published"),
        (["dates", "26일", "--published", "2024-02-30"], "--published"),
        (["dates", "26일", "--format", "xml"], "--format"),
        (["extract", "article.txt", "--published", "2024-13-01"], "--published"),
        (["extract", "article.txt", "--format", "xml"], "--format"),
        (["extract", "article.txt", "--language", "fr"], "--language"),
        (["ingest", "article.txt", "--published", "yesterday"], "--published"),
        (["ingest", "article.txt", "--batch-size", "0"], "--batch-size"),
        (["log", "append", "note-1", "--type", "t", "--data", "{}", "--expected-version", "maybe"], "--expected-version"),
        (["log", "append", "note-1", "--type", "t", "--data", "{not json"], "--data"),
        (["log", "append", "note-1", "--type", "t", "--data", "{}", "--id", "not-a-uuid"], "--id"),
        (["log", "read", "--limit", "0"], "--limit"),
        (["log", "read", "--from", "first"], "--from"),
        (["log", "read", "--format", "xml"], "--format"),
        (["log", "stats", "--format", "xml"], "--format"),
        (["timeline", "OpenAI", "--format", "xml"], "--format"),
        (["project", "--batch-size", "0"], "--batch-size"),
        (["project", "--colour"], "--colour"),
        (["ingest", "article.txt", "--bogus"], "--bogus"),
    ]

    @Test(arguments: mistakes)
    func aBadOptionExitsNonZeroNamingIt(command: [String], names: String) async throws {
        let cli = try await CLI.make(withDatabase: false)
        defer { cli.finish() }
        let result = try await cli.run(command)
        #expect(result.status != 0, "\(result)")
        #expect(result.stderr.contains(names), "the message does not name \(names): \(result)")
        #expect(!looksLikeACrash(result.stderr), "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
    }

    @Test func anUnknownSubcommandExitsNonZero() async throws {
        let cli = try await CLI.make(withDatabase: false)
        defer { cli.finish() }
        let result = try await cli.run(["timelines", "OpenAI"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("timelines"), "\(result)")
        #expect(!looksLikeACrash(result.stderr))
    }
}
