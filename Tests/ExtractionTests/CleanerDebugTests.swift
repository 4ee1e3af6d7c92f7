import Foundation
import Testing
@testable import Extraction

@Suite struct CleanerDebugTests {
    @Test func dump() throws {
        let url = Bundle.module.url(forResource: "ko-openai-kdb-mou-2024-11-26", withExtension: "txt", subdirectory: "Fixtures")!
        let text = try String(contentsOf: url, encoding: .utf8)
        let cleaned = Cleaner().clean(text, language: .ko)
        print("TITLE:", cleaned.title ?? "nil")
        print("TEXT:\n" + cleaned.text)
        for s in cleaned.sentences { print("S[\(s.paragraph)\(s.isHeadline ? "H" : "")]", s.text) }
        for r in cleaned.removed { print("R", r) }
        for r in cleaned.repairs { print("P", r.kind, r.before, "→", r.after) }
    }
}
