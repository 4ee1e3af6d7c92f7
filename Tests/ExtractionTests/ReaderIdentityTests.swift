import Foundation
import Testing
@testable import Extraction

@Suite struct ReaderIdentityTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256MatchesFIPSVectors(message: String, digest: String) {
        #expect(SHA256.hex(of: Array(message.utf8)) == digest)
    }

    @Test func sha256OfAMillionAs() {
        var hash = SHA256()
        hash.update([UInt8](repeating: 0x61, count: 1_000_000))
        let hex = hash.finalize().map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined()
        #expect(hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func sameArticleGetsTheSameIDWhateverItsForm() throws {
        let lf = "제목\n\n본문 첫 줄이다.\n둘째 줄이다.\n"
        let crlf = "\u{FEFF}제목\r\n\r\n\r\n  본문 첫 줄이다.  \r\n둘째 줄이다.\r\n\r\n"
        let decomposed = lf.decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count != lf.unicodeScalars.count)
        let id = ArticleIdentity.id(of: lf)
        #expect(id.count == 64)
        #expect(ArticleIdentity.id(of: crlf) == id)
        #expect(ArticleIdentity.id(of: decomposed) == id)
        #expect(ArticleIdentity.id(of: "제목\n본문 첫 줄이다.\n둘째 줄이다.") == id)
        #expect(ArticleIdentity.id(of: "제목\n본문 첫 줄이다.\n둘째 줄이다!") != id)

        // Read from a .txt with BOM and CRLF, and from a .json envelope of the same text.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let txt = try folder.write("a.txt", Array(crlf.utf8))
        let envelope = try JSONSerialization.data(withJSONObject: ["text": lf, "title": "제목"])
        let json = try folder.write("renamed.json", [UInt8](envelope))
        let reader = ArticleReader()
        let fromText = try #require(try reader.read(file: txt).first?.get())
        let fromJSON = try #require(try reader.read(file: json).first?.get())
        #expect(ArticleIdentity.id(of: fromText.text) == id)
        #expect(ArticleIdentity.id(of: fromJSON.text) == id)
    }

    @Test func normalisedTextDropsBlankLinesAndTrims() {
        #expect(ArticleIdentity.normalised(" a \r\n\r\n\tb\u{3000}\n\n\nc ") == "a\nb\nc")
    }
}

@Suite struct ArticleIdentityNormalisationTests {
    /// Code points that NFC changes get the same id as their canonical forms, even in blocks that are
    /// otherwise left alone (the fast path must not skip them).
    @Test(arguments: [
        ("\u{2126}hm", "\u{03A9}hm"),           // OHM SIGN → GREEK CAPITAL OMEGA
        ("\u{212B}ngstr\u{00F6}m", "\u{00C5}ngstr\u{00F6}m"),  // ANGSTROM SIGN → Å
        ("a\u{2000}b", "a\u{2002}b"),           // EN QUAD → EN SPACE
        ("\u{2329}x\u{232A}", "\u{3008}x\u{3009}"),
    ])
    func singletonsNormalise(_ pair: (String, String)) {
        #expect(ArticleIdentity.id(of: pair.0) == ArticleIdentity.id(of: pair.1))
    }
}
