import Foundation
import Testing
@testable import Extraction

/// A throwaway folder for one test.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("reader-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        let folder = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

@Suite struct ReaderTests {
    let reader = ArticleReader()

    private func only(_ results: [Result<ArticleInput, InputError>]) throws -> ArticleInput {
        #expect(results.count == 1)
        return try #require(try results.first?.get())
    }

    private func firstError(_ results: [Result<ArticleInput, InputError>]) -> InputError? {
        for result in results { if case .failure(let error) = result { return error } }
        return nil
    }

    @Test func textFileIsReadWithBOMAndCRLFNormalised() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("a.txt", [0xEF, 0xBB, 0xBF] + Array("제목\r\n본문이다.\r둘째 줄\n".utf8))
        let article = try only(reader.read(file: file))
        #expect(article.text == "제목\n본문이다.\n둘째 줄\n")
        #expect(article.source == file)
        #expect(article.published == nil && article.title == nil)
    }

    @Test(arguments: [
        ("empty.txt", [UInt8](), InputError.Code.empty, "empty file"),
        ("blank.txt", Array("  \n\t\n".utf8), .empty, "empty file (only white space)"),
        ("nul.txt", Array("abc".utf8) + [0, 1, 2], .binary, "binary file (NUL bytes), not text"),
        ("latin1.txt", Array("caf".utf8) + [0xE9, 0x20, 0x61], .notUTF8, "not UTF-8 text (invalid byte at offset 3)"),
        ("cut.json", Array("{\"text\": \"abc".utf8), .malformedJSON, "malformed JSON (unexpected end of file)"),
        ("array.json", Array("[1, 2]".utf8), .malformedJSON, "malformed JSON (expected an object, found an array)"),
        ("notext.json", Array("{\"title\": \"T\"}".utf8), .noText, "no text (no \"text\" field)"),
        ("emptytext.json", Array("{\"text\": \"  \"}".utf8), .noText, "no text (the \"text\" field is empty or not a string)"),
        ("binary.json", Array("{\"text\": \"a\"}".utf8) + [0], .binary, "binary file (NUL bytes), not text"),
    ])
    func badFileGivesItsMessage(name: String, bytes: [UInt8], code: InputError.Code, message: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write(name, bytes)
        let results = reader.read(file: file)
        #expect(results.count == 1)
        let error = try #require(firstError(results))
        #expect(error.code == code)
        #expect(error.message == message)
        #expect(error.description == "\(file): \(message)")
        #expect(error.line == nil)
    }

    @Test func jsonlBadLinesAreReportedWithTheirLineAndOthersStillRead() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let lines = [
            #"{"text": "첫째 기사이다.", "title": "하나"}"#,
            "",
            #"{"text": "둘째"#,
            #"{"title": "글 없음"}"#,
            #"{"text": "셋째 기사.", "published": "2024-11-26T09:00:00+09:00", "language": "ko-KR"}"#,
        ]
        let file = try folder.write("many.jsonl", lines.joined(separator: "\r\n") + "\n")
        let results = reader.read(file: file)
        #expect(results.count == 4)
        #expect(try results[0].get().title == "하나")
        #expect(try results[0].get().line == 1)
        let malformed = try #require(firstError([results[1]]))
        #expect(malformed.description == "\(file):3: malformed JSON (unexpected end of file)")
        let noText = try #require(firstError([results[2]]))
        #expect(noText.line == 4 && noText.code == .noText)
        let third = try results[3].get()
        #expect(third.line == 5)
        #expect(third.published == EDTFDate(year: 2024, month: 11, day: 26))
        #expect(third.language == .ko)
    }

    @Test func oversizedFilesAndLinesAreRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let small = ArticleReader(maxBytes: 64)
        let big = try folder.write("big.txt", String(repeating: "가", count: 100))
        let error = try #require(firstError(small.read(file: big)))
        #expect(error.code == .tooLarge)
        #expect(error.description == "\(big): file too large (300 bytes, over the 64 bytes limit)")

        let long = #"{"text": ""# + String(repeating: "a", count: 200) + #""}"#
        let jsonl = try folder.write("lines.jsonl", "\(long)\n{\"text\": \"short.\"}\n")
        let results = small.read(file: jsonl)
        #expect(results.count == 2)
        let lineError = try #require(firstError([results[0]]))
        #expect(lineError.code == .tooLarge && lineError.line == 1)
        #expect(try results[1].get().text == "short.")
    }

    @Test func badPublishedKeepsTheArticleWithAWarning() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("a.json", #"{"text": "본문.", "published": "2024-13-45"}"#)
        let results = reader.read(file: file)
        #expect(results.count == 2)
        let warning = try #require(firstError(results))
        #expect(warning.code == .badPublished && warning.articleKept)
        #expect(warning.message.contains("2024-13-45"))
        let article = try #require(try results.last?.get())
        #expect(article.published == nil && article.text == "본문.")
    }

    @Test func trafilaturaJSONGivesTitleDateTextAndURL() throws {
        let url = try #require(Bundle.module.url(forResource: "en-example-lisbon.trafilatura", withExtension: "json", subdirectory: "Fixtures"))
        let article = try only(reader.read(file: url.path))
        #expect(article.title == "Example Corp opens Lisbon office")
        #expect(article.published == EDTFDate(year: 2025, month: 3, day: 4))  // `date`, not `filedate` (2026-11-29)
        #expect(article.url == "https://news.example.org/2025/03/04/example-corp-lisbon")
        #expect(article.text.hasPrefix("Example Corp opens Lisbon office\nLISBON, March 4"))
        #expect(article.language == nil)
    }

    @Test func rawTextIsUsedWhenTextIsMissing() throws {
        let data = Data(#"{"raw_text": "Only raw.", "source": "https://x.example/a", "date": null}"#.utf8)
        let article = try only(reader.read(stdin: data))
        #expect(article.text == "Only raw." && article.url == "https://x.example/a" && article.source == "-")
    }

    @Test func foldersAreWalkedSortedSkippingHiddenAndOtherFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("b.txt", "B.")
        try folder.write("a/z.json", #"{"text": "Z."}"#)
        try folder.write("a/y.jsonl", #"{"text": "Y."}"#)
        try folder.write(".hidden.txt", "H.")
        try folder.write(".git/c.txt", "C.")
        try folder.write("notes.md", "M.")
        try folder.write("c.TXT", "upper.")
        let files = reader.files(for: [folder.path, folder.path + "/missing", folder.path + "/notes.md"])
        let paths = files.compactMap { try? $0.get() }
        #expect(paths == ["a/y.jsonl", "a/z.json", "b.txt", "c.TXT"].map { folder.path + "/" + $0 })
        let errors = files.compactMap { result -> InputError? in if case .failure(let e) = result { return e } else { return nil } }
        #expect(errors.map(\.code) == [.missingPath, .unknownExtension])
        #expect(errors[0].description == "\(folder.path)/missing: no such file or directory")
        #expect(errors[1].message == "unknown extension \".md\" (expected .txt, .json or .jsonl)")

        let texts = reader.articles(for: [folder.path]).compactMap { try? $0.get().text }
        #expect(texts == ["Y.", "Z.", "B.", "upper."])
    }

    @Test func stdinIsTextJSONOrJSONL() throws {
        let text = try only(reader.read(stdin: Data("  plain text.\r\n".utf8)))
        #expect(text.text == "  plain text.\n" && text.source == "-")
        let pretty = try only(reader.read(stdin: Data("{\n  \"text\": \"one.\",\n  \"title\": \"T\"\n}\n".utf8)))
        #expect(pretty.text == "one." && pretty.title == "T")
        let lines = reader.read(stdin: Data("{\"text\": \"a.\"}\n{\"text\": \"b.\"}\n{bad\n".utf8))
        #expect(lines.count == 3)
        #expect(try lines[1].get().text == "b.")
        #expect(firstError([lines[2]])?.description.hasPrefix("-:3: malformed JSON") == true)
        let broken = reader.read(stdin: Data("{\n  \"text\": \"one.\",\n".utf8))
        #expect(firstError(broken)?.code == .malformedJSON && firstError(broken)?.line == nil)
    }

    @Test func jsonlLinesSpanningChunksAreJoined() {
        let data = Data("{\"text\": \"first\"}\n\n{\"text\": \"second\"}\r\nlast".utf8)
        let chunks = stride(from: 0, to: data.count, by: 5).map { data[$0..<min($0 + 5, data.count)] }
        var lines = JSONLines(chunks: chunks.makeIterator(), maxBytes: 100)
        var seen: [String] = []
        while let item = lines.next() {
            if case .line(let number, let bytes) = item { seen.append("\(number):\(String(decoding: bytes, as: UTF8.self))") }
        }
        #expect(seen == ["1:{\"text\": \"first\"}", "2:", "3:{\"text\": \"second\"}", "4:last"])
    }

    @Test(arguments: [
        ("2024-11-26", "2024-11-26"), ("2024-11-26T09:30:00+09:00", "2024-11-26"), ("2024-11-26 09:30", "2024-11-26"),
        ("2024/11/26", "2024-11-26"), ("2024.11.26", "2024-11-26"), ("2024-3-4", "2024-03-04"), ("2024-11", "2024-11"),
        ("2024", "2024"), ("2024-02-30", nil), ("Nov 26, 2024", nil), ("20241126", nil), ("2024-11-26x", nil),
    ] as [(String, String?)])
    func publicationDates(value: String, expected: String?) {
        #expect(ArticleEnvelope.publicationDate(value)?.description == expected)
    }

    @Test(arguments: [("오픈AI가 한국에서 첫 MOU를 맺었다.", Language.ko), ("OpenAI signed its first MOU in Korea.", .en), ("", .en),
                      ("AI CEO MOU CSO 오픈AI가 맺었다", .ko)])
    func languageIsDetectedFromHangulShare(text: String, expected: Language) {
        #expect(Language.detect(text) == expected)
    }

    @Test func languageCodes() {
        #expect(Language(code: "ko-KR") == .ko && Language(code: "en_US") == .en && Language(code: "English") == .en)
        #expect(Language(code: "fr") == nil)
    }
}
