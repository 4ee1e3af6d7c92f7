import Extraction
import Testing

/// One sentence, its publication date, and the mentions expected as (text, value) in order;
/// a value of "-" means found but unresolvable.
struct DateCase: CustomTestStringConvertible, Sendable {
    let sentence: String
    let published: String?
    let expected: [(String, String)]

    init(_ sentence: String, _ expected: [(String, String)]) {
        self.init(sentence, published: "2024-11-26", expected)
    }

    init(_ sentence: String, published: String?, _ expected: [(String, String)]) {
        self.sentence = sentence
        self.published = published
        self.expected = expected
    }

    var testDescription: String { sentence }
}

@Suite struct DateResolverTests {
    static let korean: [DateCase] = [
        DateCase("26일 오픈AI는 한국산업은행과 업무협약을 체결했다고 밝혔다.", [("26일", "2024-11-26")]),
        DateCase("회사는 28일 행사를 열었다고 밝혔다.", [("28일", "2024-10-28")]),
        DateCase("회사는 28일 행사를 열 예정이다.", [("28일", "2024-11-28")]),
        DateCase("회사는 20일 행사를 개최할 계획이다.", [("20일", "2024-12-20")]),
        DateCase("양사는 지난 25일 계약을 맺었다.", [("지난 25일", "2024-11-25")]),
        DateCase("양사는 지난 27일 계약을 맺었다.", [("지난 27일", "2024-10-27")]),
        DateCase("양사는 오는 28일 서울에서 만난다.", [("오는 28일", "2024-11-28")]),
        DateCase("양사는 오는 3일 서울에서 만난다.", [("오는 3일", "2024-12-03")]),
        DateCase("26일 협약을 맺었다. 협약은 이날 오전 화상회의로 진행됐다.", [("26일", "2024-11-26"), ("이날", "2024-11-26")]),
        DateCase("지난 20일 발표했다. 당일 주가가 올랐다.", [("지난 20일", "2024-11-20"), ("당일", "2024-11-20")]),
        DateCase("그는 어제 귀국했고 오늘 출근했으며 내일 출국한다.",
                 [("어제", "2024-11-25"), ("오늘", "2024-11-26"), ("내일", "2024-11-27")]),
        DateCase("그제 도착했고 그저께 떠났으며 모레 돌아온다.",
                 [("그제", "2024-11-24"), ("그저께", "2024-11-24"), ("모레", "2024-11-28")]),
        DateCase("샘 올트먼 CEO는 지난해 6월과 올 1월 두차례 방한했다.", [("지난해 6월", "2023-06"), ("올 1월", "2024-01")]),
        DateCase("작년 3월에 설립됐고 올해 매출이 늘었다.", [("작년 3월", "2023-03"), ("올해", "2024")]),
        DateCase("내년 3월 서울에 지사를 연다.", [("내년 3월", "2025-03")]),
        DateCase("지난해에는 적자였지만 내년에는 흑자가 예상된다.", [("지난해", "2023"), ("내년", "2025")]),
        DateCase("지난해 6월과 10월 두 차례 방문했다.", [("지난해 6월", "2023-06"), ("10월", "2023-10")]),
        DateCase("지난 4월 도쿄에 지사를 설립했다.", [("지난 4월", "2024-04")]),
        DateCase("지난 12월 설립됐다.", [("지난 12월", "2023-12")]),
        DateCase("지난 11월 설립됐다.", [("지난 11월", "2023-11")]),
        DateCase("오는 3월 출시한다.", [("오는 3월", "2025-03")]),
        DateCase("4월 도쿄에 지사를 설립했다.", [("4월", "2024-04")]),
        DateCase("12월 도쿄에 지사를 설립했다.", [("12월", "2023-12")]),
        DateCase("12월 도쿄에 지사를 열 계획이다.", [("12월", "2024-12")]),
        DateCase("3월 서울에 지사를 열기로 했다.", [("3월", "2025-03")]),
        DateCase("지난달에는 엑스를 통해 지사를 연다고 공개했다.", [("지난달", "2024-10")]),
        DateCase("지난달 15일 출시됐다.", [("지난달 15일", "2024-10-15")]),
        DateCase("이달 말 발표한다. 이번 달 안에 마무리됐다.", [("이달", "2024-11"), ("이번 달", "2024-11")]),
        DateCase("다음 달 5일 열리며 내달 중순 마감된다.", [("다음 달 5일", "2024-12-05"), ("내달", "2024-12")]),
        DateCase("2024년 11월 26일 협약을 맺었다.", [("2024년 11월 26일", "2024-11-26")]),
        DateCase("2024년 11월 협약을 맺었다.", [("2024년 11월", "2024-11")]),
        DateCase("2024년에는 매출이 늘었다.", [("2024년", "2024")]),
        DateCase("23년 6월 설립됐다.", [("23년 6월", "2023-06")]),
        DateCase("1592년 전쟁이 일어났다.", [("1592년", "1592")]),
        DateCase("입력 2024.11.26 기사", [("2024.11.26", "2024-11-26")]),
        DateCase("2024. 11. 26. 오전 발표", [("2024. 11. 26", "2024-11-26")]),
        DateCase("다음글 갤럭시 24.11.26", [("24.11.26", "2024-11-26")]),
        DateCase("공시일 2024-11-26 기준", [("2024-11-26", "2024-11-26")]),
        DateCase("회사는 3년 전 설립됐다.", [("3년 전", "2021")]),
        DateCase("2개월 전 출시됐다.", [("2개월 전", "2024-09")]),
        DateCase("두 달 전 출시됐다.", [("두 달 전", "2024-09")]),
        DateCase("5일 전 출시됐다.", [("5일 전", "2024-11-21")]),
        DateCase("지난주 화요일 만났다.", [("지난주 화요일", "2024-11-19")]),
        DateCase("지난 주 만났다.", [("지난 주", "2024-11")]),
        DateCase("이번 주 금요일 만난다.", [("이번 주 금요일", "2024-11-29")]),
        DateCase("다음 주 월요일 만난다.", [("다음 주 월요일", "2024-12-02")]),
        DateCase("금요일 만났다.", [("금요일", "2024-11-22")]),
        DateCase("금요일 만날 예정이다.", [("금요일", "2024-11-29")]),
        DateCase("연말까지 완료할 계획이다.", [("연말", "2024")]),
        DateCase("11월 26일 체결했다.", [("11월 26일", "2024-11-26")]),
        DateCase("12월 3일 체결했다.", [("12월 3일", "2023-12-03")]),
        DateCase("12월 3일 체결할 예정이다.", [("12월 3일", "2024-12-03")]),
        DateCase("같은 날 오후 발표했다. 2024년 3월 5일 이후 처음이다.", [("같은 날", "-"), ("2024년 3월 5일", "2024-03-05")]),
    ]

    static let english: [DateCase] = [
        DateCase("OpenAI signed the MOU on Nov. 26, 2024 in Seoul.", [("Nov. 26, 2024", "2024-11-26")]),
        DateCase("It was signed on November 26, 2024.", [("November 26, 2024", "2024-11-26")]),
        DateCase("It was signed on 26 November 2024.", [("26 November 2024", "2024-11-26")]),
        DateCase("It was signed on the 26th of November, 2024.", [("26th of November, 2024", "2024-11-26")]),
        DateCase("The filing is dated 2024-11-26.", [("2024-11-26", "2024-11-26")]),
        DateCase("The deal was signed Nov. 20 in Seoul.", [("Nov. 20", "2024-11-20")]),
        DateCase("The deal was signed Dec. 3 in Seoul.", [("Dec. 3", "2023-12-03")]),
        DateCase("The deal will be signed Dec. 3 in Seoul.", [("Dec. 3", "2024-12-03")]),
        DateCase("Revenue in November 2024 rose.", [("November 2024", "2024-11")]),
        DateCase("The firm was founded in 2023 and grew.", [("2023", "2023")]),
        DateCase("It has grown since 2019 and plans more by 2030.", [("2019", "2019"), ("2030", "2030")]),
        DateCase("Growth slowed in early 2024 and mid-2023.", [("2024", "2024"), ("2023", "2023")]),
        DateCase("The bank said on Tuesday it had approved the loan.", [("Tuesday", "2024-11-26")]),
        DateCase("The bank said on Monday it had approved the loan.", [("Monday", "2024-11-25")]),
        DateCase("The board will meet on Friday.", [("Friday", "2024-11-29")]),
        DateCase("He arrived yesterday, speaks today and leaves tomorrow.",
                 [("yesterday", "2024-11-25"), ("today", "2024-11-26"), ("tomorrow", "2024-11-27")]),
        DateCase("Sales fell last month and rose this month.", [("last month", "2024-10"), ("this month", "2024-11")]),
        DateCase("Profit rose last year and will rise next year.", [("last year", "2023"), ("next year", "2025")]),
        DateCase("Output doubled this year.", [("this year", "2024")]),
        DateCase("The office opened last week.", [("last week", "2024-11")]),
        DateCase("The office opened earlier this month.", [("earlier this month", "2024-11")]),
        DateCase("The office opened earlier this year.", [("earlier this year", "2024")]),
        DateCase("The office opened in April.", [("April", "2024-04")]),
        DateCase("The office opened in December.", [("December", "2023-12")]),
        DateCase("The company will open an office in April.", [("April", "2025-04")]),
        DateCase("The company plans to open an office in December.", [("December", "2024-12")]),
        DateCase("Altman visited Seoul in June last year.", [("June last year", "2023-06")]),
        DateCase("He visited in June and October last year.", [("June", "2023-06"), ("October last year", "2023-10")]),
        DateCase("The firm was founded two years ago.", [("two years ago", "2022")]),
        DateCase("The firm was founded 2 years ago.", [("2 years ago", "2022")]),
        DateCase("The firm was founded a month ago.", [("a month ago", "2024-10")]),
        DateCase("The firm was founded 3 days ago.", [("3 days ago", "2024-11-23")]),
        DateCase("They met on Nov. 20. That day the deal closed.", [("Nov. 20", "2024-11-20"), ("That day", "2024-11-20")]),
        DateCase("They met on Nov. 20 and signed the same day.", [("Nov. 20", "2024-11-20"), ("the same day", "2024-11-20")]),
        DateCase("They met last April.", [("last April", "2024-04")]),
        DateCase("They met last November.", [("last November", "2023-11")]),
    ]

    static let negatives: [DateCase] = [
        DateCase("삼성전자는 3년 연속 1위를 차지했다.", []),
        DateCase("26일간 파업이 이어졌다.", []),
        DateCase("잡지 4월호에 실렸다.", []),
        DateCase("1조원을 투자했고 24시간 운영한다.", []),
        DateCase("3년째 적자다.", []),
        DateCase("오늘날 AI는 중요하다.", []),
        DateCase("[1일IT템] 갤럭시 리뷰", []),
        DateCase("2023년 2월 30일 오류", []),
        DateCase("13월 32일", []),
        DateCase("The AI 2027 report made news.", []),
        DateCase("Version 2.1.0 ships in Q3.", []),
        DateCase("Call 02-1234-5678 or 010-1234-5678.", []),
        DateCase("Prices rose 3.5 percent to 2024.5 points.", []),
        DateCase("He may go. The March was long.", []),
        DateCase("They met on Feb. 30, 2023.", []),
        DateCase("Server 192.168.10.12 is down.", []),
        DateCase("It has 2024 employees.", []),
        DateCase("At last the team won.", []),
        DateCase("In the last year revenue grew.", []),
    ]

    static let unresolved: [DateCase] = [
        DateCase("26일 체결했다. 이날 발표했다.", published: nil, [("26일", "-"), ("이날", "-")]),
        DateCase("지난해 6월 열었다. 2024년 1월 열었다.", published: nil, [("지난해 6월", "-"), ("2024년 1월", "2024-01")]),
        DateCase("They met last week on Nov. 26, 2024.", published: nil, [("last week", "-"), ("Nov. 26, 2024", "2024-11-26")]),
    ]

    @Test("Korean expressions", arguments: korean)
    func koreanExpressions(_ example: DateCase) { check(example) }

    @Test("English expressions", arguments: english)
    func englishExpressions(_ example: DateCase) { check(example) }

    @Test("Numbers that are not dates", arguments: negatives)
    func notDates(_ example: DateCase) { check(example) }

    @Test("No publication date: only absolute dates resolve", arguments: unresolved)
    func withoutPublication(_ example: DateCase) { check(example) }

    private func check(_ example: DateCase) {
        let resolver = DateResolver(published: example.published.flatMap { EDTFDate($0) })
        let mentions = resolver.resolve(example.sentence)
        let got = mentions.map { ($0.text, $0.value?.description ?? "-") }
        #expect(got.map(\.0) == example.expected.map(\.0))
        #expect(got.map(\.1) == example.expected.map(\.1))
        checkOffsets(mentions, in: example.sentence)
    }

    private func checkOffsets(_ mentions: [DateMention], in text: String) {
        let scalars = Array(text.unicodeScalars)
        var previousEnd = 0
        for mention in mentions {
            #expect(mention.start >= previousEnd && mention.start < mention.end && mention.end <= scalars.count)
            guard mention.start < mention.end, mention.end <= scalars.count else { continue }
            #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
            previousEnd = mention.end
        }
    }

    @Test func offsetsAreCodePoints() {
        // An emoji (one code point, two UTF-16 units) and a decomposed Hangul syllable before the date.
        let text = "🚀 사\u{1100}\u{1161} 지난해 6월 설립됐다."
        let mention = DateResolver(published: EDTFDate("2024-11-26")).resolve(text)
        #expect(mention.map(\.text) == ["지난해 6월"])
        #expect(mention.first?.start == 6)
        #expect(mention.first?.end == 12)
    }

    @Test func kindsAndTenses() {
        let text = "OpenAI signed on Nov. 26, 2024. It will open an office next month. That day shares rose."
        let mentions = DateResolver(published: EDTFDate("2024-11-26")).resolve(text)
        #expect(mentions.map(\.kind) == [.absolute, .relative, .anaphoric])
        #expect(mentions.map(\.tense) == [.past, .future, .past])
    }

    @Test func koreanTenses() {
        let text = "오픈AI는 지난 4월 도쿄에 지사를 열었고, 내년 3월 서울에 지사를 열 계획이다. 그는 “4월에 열겠다”고 말했다."
        let mentions = DateResolver(published: EDTFDate("2024-11-26")).resolve(text)
        #expect(mentions.map(\.tense) == [.past, .future, .future])
        #expect(mentions.map { $0.value?.description } == ["2024-04", "2025-03", "2025-04"])
    }

    @Test func foundingArticle() throws {
        let text = """
            26일 오픈AI는 한국산업은행과 인공지능AI 생태계 발전을 위해 협력하는 내용이 담긴 업무협약을 체결했다고 밝혔다. 협약은 이날 오전 진행됐다.
            오픈AI는 아시아에선 유일하게 일본 도쿄 지사만 운영하고 있다. 지난 4월 설립 당시 현지 언론에서는 “오픈AI가 규제 논의에도 참여한다”고 전했다.
            샘 올트먼 오픈AI CEO는 지난해 6월과 올 1월 두차례 방한했다. 지난 1월에는 경영진과 만나 논의했다.
            오픈AI는 지난해 6월 처음으로 영국 런던에 지사를 연 이후, 아일랜드 더블린과 일본 도쿄에 지사를 잇따라 열었다. 지난달에는 지사를 연다고 공개했다.
            - 다음글"이것이 갤럭시S25 울트라" 실물 영상 등장 [1일IT템] 24.11.26
            """
        let mentions = DateResolver(published: EDTFDate("2024-11-26")).resolve(text)
        #expect(mentions.map(\.text) == ["26일", "이날", "지난 4월", "지난해 6월", "올 1월", "지난 1월", "지난해 6월", "지난달", "24.11.26"])
        #expect(mentions.map { $0.value?.description ?? "-" }
            == ["2024-11-26", "2024-11-26", "2024-04", "2023-06", "2024-01", "2024-01", "2023-06", "2024-10", "2024-11-26"])
    }

    @Test func invalidDaysAreNoDates() {
        #expect(EDTFDate(year: 2023, month: 2, day: 29) == nil)
        let mentions = DateResolver(published: EDTFDate("2024-11-26")).resolve("2023-02-29 2024-02-29 2023년 2월 29일")
        #expect(mentions.map(\.text) == ["2024-02-29"])
    }
}

@Suite struct PublicationDateFinderTests {
    @Test(arguments: [
        ("[단독] 기사 제목\n입력 2024.11.26 10:21\n본문이다.", "2024-11-26"),
        ("제목\n입력 : 2024-11-26 10:21 수정 : 2024-11-27 09:00\n본문", "2024-11-26"),
        ("제목\n기사입력 2024/11/26 오전 10:21\n본문", "2024-11-26"),
        ("제목\n수정 2024.11.27\n본문", "2024-11-27"),
        ("Headline\nPublished Nov. 26, 2024\nBody text.", "2024-11-26"),
        ("Headline\nUpdated: 26 November 2024\nBody text.", "2024-11-26"),
        ("Headline\nLast updated on November 27, 2024. First published on November 26, 2024.", "2024-11-26"),
        ("SEOUL, Nov. 26, 2024 (Yonhap) -- OpenAI signed an MOU.", "2024-11-26"),
        ("제목\n최종수정 2024.11.27 입력 일시 2024.11.26 10:21\n본문", "2024-11-26"),
        ("Headline\nUpdated Nov. 27, 2024 | Posted on Nov. 26, 2024\nBody text.", "2024-11-26"),
    ])
    func finds(_ text: String, _ expected: String) {
        #expect(PublicationDateFinder.find(in: text)?.description == expected)
    }

    @Test(arguments: [
        "SEOUL, Nov. 26 (Yonhap) -- OpenAI signed an MOU.",
        "26일 오픈AI는 업무협약을 체결했다고 밝혔다.",
        "The deal was signed on Nov. 26, 2024 in Seoul.",
        "",
    ])
    func findsNothing(_ text: String) {
        #expect(PublicationDateFinder.find(in: text) == nil)
    }
}
