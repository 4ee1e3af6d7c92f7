import Foundation
import Testing

@testable import Extraction

@Suite struct GazetteerUserFileTests {
    private func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("gazetteer-\(UUID().uuidString).jsonl")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func userFileAddsAnAliasAndAnEntry() throws {
        let url = try write("""
            # a user's own names
            {"id":"org/openai","aliases":[{"text":"오픈에이아이社","lang":"ko"}]}
            {"id":"org/acme-robotics","name":"Acme Robotics","kind":"organization","aliases":[{"text":"에이크미로보틱스","lang":"ko"},{"text":"Acme Robotics","lang":"en"}]}

            """)
        defer { try? FileManager.default.removeItem(at: url) }
        let merged = try Gazetteer.bundled().merging(Gazetteer.load(contentsOf: url))
        #expect(merged.entries(named: "오픈에이아이社").first?.id == "org/openai")
        #expect(merged.entries(named: "오픈AI").first?.id == "org/openai")
        #expect(merged.entry(id: "org/acme-robotics")?.name == "Acme Robotics")
        #expect(merged.matches(in: "에이크미로보틱스는 오픈에이아이社와 손잡았다").map(\.entity.id) == [
            "org/acme-robotics", "org/openai",
        ])
    }

    @Test func laterFilesWinForSharedNames() throws {
        let url = try write("""
            {"id":"person/paris-hilton","name":"Paris Hilton","kind":"person","aliases":[{"text":"파리","lang":"ko"}]}
            """)
        defer { try? FileManager.default.removeItem(at: url) }
        let merged = try Gazetteer.bundled().merging(Gazetteer.load(contentsOf: url))
        #expect(merged.entries(named: "파리").map(\.id) == ["person/paris-hilton", "place/geonames-2988507"])
        #expect(merged.matches(in: "파리에서").first?.entity.id == "person/paris-hilton")
    }

    @Test func aliasesForAnIDDefinedLaterApplyOnMerge() throws {
        let first = Gazetteer(entries: [])
        let aliases = try write(#"{"id":"org/new","aliases":[{"text":"뉴컴퍼니"}]}"#)
        let entry = try write(#"{"id":"org/new","name":"New Company","kind":"organization","aliases":[]}"#)
        defer {
            try? FileManager.default.removeItem(at: aliases)
            try? FileManager.default.removeItem(at: entry)
        }
        let merged = try first.merging(Gazetteer.load(contentsOf: aliases)).merging(Gazetteer.load(contentsOf: entry))
        #expect(merged.entries(named: "뉴컴퍼니").first?.name == "New Company")
    }

    @Test(arguments: [
        #"{"id":"org/a","name":"A","kind":"organization","aliases":[]}"# + "\n" + #"{"id":"org/b","name":"B""#,
        #"{"id":"org/a","name":"A","kind":"organization","aliases":[]}"# + "\n" + #"{"id":"org/b","name":"B","kind":"company","aliases":[]}"#,
        #"{"id":"org/a","name":"A","kind":"organization","aliases":[]}"# + "\n" + #"{"id":"org/b","name":"B","aliases":[]}"#,
        #"{"id":"org/a","name":"A","kind":"organization","aliases":[]}"# + "\n" + #"{"name":"B","kind":"organization"}"#,
    ])
    func malformedFileNamesFileAndLine(content: String) throws {
        let url = try write(content)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = try #require(throws: GazetteerError.self) { try Gazetteer.load(contentsOf: url) }
        #expect(error.code == .malformedLine)
        #expect(error.line == 2)
        #expect(error.description.hasPrefix("\(url.path):2: "))
    }

    @Test func missingFileIsAnError() throws {
        let url = URL(fileURLWithPath: "/nonexistent/gazetteer.jsonl")
        let error = try #require(throws: GazetteerError.self) { try Gazetteer.load(contentsOf: url) }
        #expect(error.code == .unreadableFile)
        #expect(error.description.contains("/nonexistent/gazetteer.jsonl"))
    }
}
