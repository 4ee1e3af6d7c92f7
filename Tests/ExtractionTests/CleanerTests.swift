import Foundation
import Testing
@testable import Extraction

@Suite struct CleanerTests {
    let cleaner = Cleaner()

    static func founding() throws -> String {
        let url = try #require(Bundle.module.url(forResource: "ko-openai-kdb-mou-2024-11-26", withExtension: "txt", subdirectory: "Fixtures"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Code point offset of `needle` in `text`.
    static func offset(of needle: String, in text: String) throws -> Int {
        let range = try #require(text.range(of: needle))
        return text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
    }

    @Test func foundingArticleTailIsCutExactlyBeforeTheFirstFurnitureBlock() throws {
        let original = try Self.founding()
        let cleaned = cleaner.clean(original, language: .ko)
        let tail = try #require(cleaned.removed.first { $0.reason == .tail })
        #expect(tail.start == (try Self.offset(of: "■ 더중앙플러스", in: original)))
        #expect(tail.end == original.unicodeScalars.count || original.unicodeScalars.count - tail.end <= 1)
        #expect(cleaned.text.hasSuffix("싱가폴에 지사를 연다고 공개했다."))
        // The last kept code point comes from just before the cut.
        let lastKept = try #require(cleaned.originalOffsets.dropLast().last)
        #expect(lastKept < tail.start)
        for name in ["이재용", "정우성", "문가비", "이선균", "김용건", "홍상수", "김민희", "윤송이", "갤럭시S25", "더중앙플러스", "joongang", "기자"] {
            #expect(!cleaned.text.contains(name), "\(name) survived")
        }
    }

    @Test func foundingArticleKeepsEveryBodySentence() throws {
        let original = try Self.founding()
        let cleaned = cleaner.clean(original, language: .ko)
        #expect(cleaned.title == "[팩플] 오픈AI, 한국에서 첫 MOU…한국 진출 준비하나")
        #expect(cleaned.sentences.first?.isHeadline == true)
        #expect(cleaned.sentences.first?.text == cleaned.title)
        #expect(cleaned.sentences.dropFirst().allSatisfy { !$0.isHeadline })
        #expect(cleaned.sentences.count == 19)
        // Every body line of the original (lines 4, 8–10, 13–15) is kept, in order.
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false)
        for number in [4, 8, 9, 10, 13, 14, 15] {
            let firstWords = String(lines[number - 1].prefix(12))
            #expect(cleaned.text.contains(firstWords), "line \(number) lost")
        }
        for gone in ["페이지 정보", "본문\n", "━", "무슨 일이야", "이게 왜 중요해", "사진 오픈AI", "들어보이고 있다", "뉴욕?시애틀"] {
            #expect(!cleaned.text.contains(gone), "\(gone) survived")
        }
        #expect(cleaned.removed.contains { $0.reason == .photoCaption && $0.text.hasSuffix("사진 오픈AI") })
        #expect(cleaned.removed.contains { $0.reason == .topOfPage && $0.text == "페이지 정보" })
    }

    @Test func foundingArticleDamageIsRepaired() throws {
        let cleaned = cleaner.clean(try Self.founding(), language: .ko)
        for repaired in ["뉴욕·시애틀", "업무협약(MOU)을", "인공지능(AI) 생태계", "최고전략책임자(CSO)와", "엑스(옛 트위터)를 통해"] {
            #expect(cleaned.text.contains(repaired), "\(repaired) missing")
        }
        for intact in ["오픈AI는", "삼성전자·SK하이닉스", "AI 반도체", "첫 MOU라는", "오픈AI CSO는"] {
            #expect(cleaned.text.contains(intact), "\(intact) broken")
        }
        #expect(!cleaned.text.contains("오픈(AI)"))
        #expect(Set(cleaned.repairs.map(\.kind)) == [.middleDot, .gloss, .formerName])
    }

    @Test func offsetsMapBackToTheOriginalWords() throws {
        let original = try Self.founding()
        let cleaned = cleaner.clean(original, language: .ko)
        let o = Array(original.unicodeScalars)
        let t = Array(cleaned.text.unicodeScalars)
        #expect(cleaned.originalOffsets.count == t.count + 1)
        // Every code point maps to itself, except inserted parentheses and the repaired dot.
        for (index, scalar) in t.enumerated() where scalar != "(" && scalar != ")" && scalar != "·" {
            #expect(o[cleaned.originalOffsets[index]] == scalar)
        }
        for (cleanedWords, originalWords) in [
            ("인공지능(AI)", "인공지능AI"), ("뉴욕·시애틀", "뉴욕?시애틀"), ("엑스(옛 트위터)", "엑스옛 트위터"),
            ("제이슨 권 오픈AI 최고전략책임자(CSO)와 산업은행", "제이슨 권 오픈AI 최고전략책임자CSO와 산업은행"),
        ] {
            let start = try Self.offset(of: cleanedWords, in: cleaned.text)
            let range = cleaned.originalRange(start: start, end: start + cleanedWords.unicodeScalars.count)
            #expect(String(String.UnicodeScalarView(o[range])) == originalWords)
        }
        // A whole sentence's evidence is the original sentence.
        let sentence = try #require(cleaned.sentences.first { $0.text.hasPrefix("26일 오픈AI는") })
        let evidence = cleaned.evidence(for: sentence)
        #expect(evidence.text == "26일 오픈AI는 한국산업은행과 인공지능AI 생태계 발전을 위해 협력하는 내용이 담긴 업무협약을 체결했다고 밝혔다.")
        #expect(evidence.start == (try Self.offset(of: "26일 오픈AI는", in: original)))
        #expect(evidence.end - evidence.start == evidence.text.unicodeScalars.count)
    }

    @Test func englishWireCopyLosesBylineCreditsAndTail() throws {
        let original = """
        Samsung signs chip deal with Nvidia
        By Joyce Lee
        3 min read
        SEOUL, Nov 26 (Reuters) - Samsung Electronics Co. Ltd. said on Tuesday it signed a memorandum of understanding with Nvidia Corp. to supply memory chips.
        Samsung Electronics' logo is seen at its office in Seoul, South Korea, November 26, 2024. REUTERS/Kim Hong-Ji
        "This is a milestone for us," Jun told reporters. "We will deliver."
        Samsung shares rose 2.1% to 56,300 won. (Photo by Kim Hong-Ji/Reuters)
        Reporting by Joyce Lee; Editing by Jane Merriman
        Our Standards: The Thomson Reuters Trust Principles.
        Related coverage
        Samsung posts record profit
        SK Hynix shares jump on AI demand
        Copyright 2024 Reuters. All rights reserved.
        """
        let cleaned = cleaner.clean(original, language: .en)
        #expect(cleaned.title == "Samsung signs chip deal with Nvidia")
        #expect(cleaned.text.hasSuffix("Samsung shares rose 2.1% to 56,300 won."))
        for gone in ["Joyce Lee", "min read", "REUTERS/", "logo is seen", "Photo by", "Editing", "Related", "record profit", "Copyright"] {
            #expect(!cleaned.text.contains(gone), "\(gone) survived")
        }
        let tail = try #require(cleaned.removed.first { $0.reason == .tail })
        #expect(tail.start == (try Self.offset(of: "Reporting by", in: original)))
        #expect(cleaned.sentences.map(\.text) == [
            "Samsung signs chip deal with Nvidia",
            "SEOUL, Nov 26 (Reuters) - Samsung Electronics Co. Ltd. said on Tuesday it signed a memorandum of understanding with Nvidia Corp. to supply memory chips.",
            "\"This is a milestone for us,\" Jun told reporters.",
            "\"We will deliver.\"",
            "Samsung shares rose 2.1% to 56,300 won.",
        ])
    }

    @Test func relatedCoverageListStartsTheTail() throws {
        let original = """
        LONDON, March 4 (Reuters) - Example Corp opened an office in London on Tuesday, the company said.
        The office will employ 40 engineers by the end of the year.
        Related coverage
        Example Corp hires new chief
        Rivals expand in Europe
        """
        let cleaned = cleaner.clean(original, language: .en)
        #expect(cleaned.title == nil)
        #expect(cleaned.text == "LONDON, March 4 (Reuters) - Example Corp opened an office in London on Tuesday, the company said.\nThe office will employ 40 engineers by the end of the year.")
    }

    @Test func anotherKoreanSiteTailAndTopGo() throws {
        let original = """
        삼성전자, 美 텍사스에 새 반도체 공장 착공
        홈 > 경제 > 산업
        입력 2024.11.20 10:00 수정 2024.11.20 11:00
        삼성전자가 20일 미국 텍사스주 테일러에서 새 반도체 공장 착공식을 열었다고 밝혔다.
        사진=연합뉴스
        이날 행사에는 회사 경영진과 주정부 관계자들이 참석했다. [사진 제공=삼성전자]
        그는 웃었다.
        홍길동 기자 hong@example.co.kr
        <저작권자 © 예시일보, 무단 전재 및 재배포 금지>
        관련기사
        - 삼성, 평택 공장 증설
        """
        let cleaned = cleaner.clean(original, language: .ko)
        #expect(cleaned.title == "삼성전자, 美 텍사스에 새 반도체 공장 착공")
        #expect(cleaned.text == """
        삼성전자, 美 텍사스에 새 반도체 공장 착공
        삼성전자가 20일 미국 텍사스주 테일러에서 새 반도체 공장 착공식을 열었다고 밝혔다.
        이날 행사에는 회사 경영진과 주정부 관계자들이 참석했다.
        그는 웃었다.
        """)
        #expect(cleaned.removed.contains { $0.reason == .tail && $0.text.hasPrefix("홍길동 기자") })
        #expect(cleaned.removed.contains { $0.reason == .photoCredit && $0.text.contains("[사진 제공=삼성전자]") })
    }

    @Test func shortListInsideTheBodyDoesNotCutTheRest() throws {
        let original = """
        The bank will support three areas under the agreement, the company said on Tuesday.
        - AI startups in Korea
        - Korean language models
        - data centres
        The bank's chairman said the deal would help the whole industry grow.
        Both sides plan to meet again next year to review progress.
        Shares of the bank were unchanged in morning trade.
        """
        let cleaned = cleaner.clean(original, language: .en)
        #expect(!cleaned.removed.contains { $0.reason == .tail })
        #expect(cleaned.text.hasSuffix("Shares of the bank were unchanged in morning trade."))
    }

    @Test func bulletListBeforeTheLastParagraphIsNotATail() throws {
        let original = """
        산업은행은 이번 협약으로 세 가지 분야를 지원한다고 26일 밝혔다.
        △AI 스타트업 지원
        △한국어 성능 향상
        △데이터센터 개발
        산업은행은 앞으로도 국내 AI 생태계를 지원할 계획이라고 덧붙였다.
        """
        let cleaned = cleaner.clean(original, language: .ko)
        #expect(!cleaned.removed.contains { $0.reason == .tail })
        #expect(cleaned.text.hasSuffix("지원할 계획이라고 덧붙였다."))
        #expect(cleaned.text.contains("△한국어 성능 향상"))
    }

    @Test(arguments: [
        ("오픈AI가 한국에서 인공지능AI 사업을 넓힌다. AI 산업이 크다.", "오픈AI가 한국에서 인공지능(AI) 사업을 넓힌다. AI 산업이 크다."),
        ("양사는 엠오유MOU를 맺었다고 오늘 함께 밝혔다.", "양사는 엠오유(MOU)를 맺었다고 오늘 함께 밝혔다."),
        ("오픈AI가 AI를 쓰고 LG전자와 KT가 AI반도체를 만든다.", "오픈AI가 AI를 쓰고 LG전자와 KT가 AI반도체를 만든다."),
        ("SK하이닉스CEO는 CEO로서 회의에 참석했다고 밝혔다.", "SK하이닉스CEO는 CEO로서 회의에 참석했다고 밝혔다."),
        ("카카오VX는 골프 사업을 넓힌다고 오늘 발표했다.", "카카오VX는 골프 사업을 넓힌다고 오늘 발표했다."),
        ("국내AI반도체 기업들이 모여 회의를 열었다고 한다.", "국내AI반도체 기업들이 모여 회의를 열었다고 한다."),
        ("삼성전자?SK하이닉스 등 국내 기업이 참석했다고 한다.", "삼성전자·SK하이닉스 등 국내 기업이 참석했다고 한다."),
        ("What?Really, that is how the story went on here.", "What?Really, that is how the story went on here."),
        ("가격은 10?20달러 사이로 정해졌다고 회사가 밝혔다.", "가격은 10?20달러 사이로 정해졌다고 회사가 밝혔다."),
        ("메타옛 페이스북이 새 서비스를 공개했다고 밝혔다.", "메타(옛 페이스북)이 새 서비스를 공개했다고 밝혔다."),
        ("그 옛 건물과 옛날 이야기가 다시 화제가 됐다고 한다.", "그 옛 건물과 옛날 이야기가 다시 화제가 됐다고 한다."),
        ("강석훈 회장오른쪽이 제이슨 권 CSO왼쪽과 악수했다.", "강석훈 회장(오른쪽)이 제이슨 권 CSO(왼쪽)과 악수했다."),
        ("무대 한가운데에 서서 왼쪽으로 돌았다고 전했다.", "무대 한가운데에 서서 왼쪽으로 돌았다고 전했다."),
    ])
    func repairsFireOnlyWhereTheyShould(line: String, expected: String) {
        #expect(cleaner.clean(line, language: .ko).text == expected)
    }

    @Test(arguments: [
        "(서울=연합뉴스) 김남영 기자 = 오픈AI가 26일 한국산업은행과 업무협약을 맺었다.",
        "[서울=뉴시스]김남영 기자 = 오픈AI가 26일 한국산업은행과 업무협약을 맺었다.",
        "[아시아경제 김남영 기자] 오픈AI가 26일 한국산업은행과 업무협약을 맺었다.",
        "김남영·홍길동 기자 = 오픈AI가 26일 한국산업은행과 업무협약을 맺었다.",
    ])
    func koreanWireDatelinesGo(line: String) {
        #expect(cleaner.clean(line, language: .ko).text == "오픈AI가 26일 한국산업은행과 업무협약을 맺었다.")
    }

    @Test func englishDatelineStays() {
        let line = "SEOUL, Nov 26 (Reuters) - Samsung said on Tuesday it would build a plant."
        #expect(cleaner.clean(line, language: .en).text == line)
    }

    @Test func shortSentencesStayAndKickersGo() {
        let original = """
        회사는 26일 새 사무소를 열었다고 밝혔다.
        왜 중요한가
        그는 웃었다.
        * * *
        It grew.
        """
        let cleaned = cleaner.clean(original, language: .ko)
        #expect(cleaned.text == "회사는 26일 새 사무소를 열었다고 밝혔다.\n그는 웃었다.\nIt grew.")
        #expect(cleaned.removed.map(\.reason) == [.kicker, .sectionMarker])
        #expect(cleaned.sentences.map(\.paragraph) == [0, 1, 2])
    }

    @Test func emailsAndBracketedCreditsGoInline() throws {
        let original = "The company opened an office in Paris (Photo: AFP) on Monday, spokesman Jean Dupont (jean@example.com) said."
        let cleaned = cleaner.clean(original, language: .en)
        #expect(cleaned.text == "The company opened an office in Paris on Monday, spokesman Jean Dupont said.")
        let start = try Self.offset(of: "on Monday", in: cleaned.text)
        #expect(cleaned.originalText(start: start, end: start + 9) == "on Monday")
    }

    @Test func cleaningIsDeterministic() throws {
        // Speed is measured by `ChronographBench extract`, not asserted here (shared, noisy machines).
        let original = try Self.founding()
        let first = cleaner.clean(original, language: .ko)
        for _ in 0..<5 {
            let again = cleaner.clean(original, language: .ko)
            #expect(again.text == first.text)
            #expect(again.sentences == first.sentences)
        }
        #expect(first.sentences.count == 19)
    }
}
