import Testing
@testable import Extraction

@Suite struct SentenceSplitterTests {
    let splitter = SentenceSplitter()

    @Test(arguments: [
        // Korean endings, quotes that continue the sentence, quotes that end it.
        ("오픈AI가 첫 MOU를 맺었다. 본격적인 진출을 위한 포석이다.", ["오픈AI가 첫 MOU를 맺었다.", "본격적인 진출을 위한 포석이다."]),
        ("오픈AI 측은 “이번 협력은 첫 MOU라는 점에서 의미가 있다”고 밝혔다.", ["오픈AI 측은 “이번 협력은 첫 MOU라는 점에서 의미가 있다”고 밝혔다."]),
        ("그는 “좋다. 정말 좋다”라고 말했다. 회의는 끝났다.", ["그는 “좋다. 정말 좋다”라고 말했다.", "회의는 끝났다."]),
        ("“우리는 준비됐다.” 그는 이렇게 말했다.", ["“우리는 준비됐다.”", "그는 이렇게 말했다."]),
        ("실적이 좋았다.그러나 주가는 내렸다.", ["실적이 좋았다.", "그러나 주가는 내렸다."]),
        ("“킬러 로봇? 더 큰 위협 있다” 경고", ["“킬러 로봇? 더 큰 위협 있다” 경고"]),
        ("정말 그럴까? 아니다.", ["정말 그럴까?", "아니다."]),
        // Numbers.
        ("일정은 2024.11.26 확정됐다. 금리는 3.5%다.", ["일정은 2024.11.26 확정됐다.", "금리는 3.5%다."]),
        ("행사는 2024. 11. 26. 열린다.", ["행사는 2024. 11. 26. 열린다."]),
        ("The U.S. economy grew 3.5% in 2024. It was strong.", ["The U.S. economy grew 3.5% in 2024.", "It was strong."]),
        // Abbreviations and initials.
        ("Dr. Smith met Mr. Jones in St. Louis on Nov. 26 at No. 10.", ["Dr. Smith met Mr. Jones in St. Louis on Nov. 26 at No. 10."]),
        ("Samsung Electronics Co. Ltd. said profits rose. Shares fell.", ["Samsung Electronics Co. Ltd. said profits rose.", "Shares fell."]),
        ("It moved to the U.S. The staff followed.", ["It moved to the U.S.", "The staff followed."]),
        ("It sold shares in Apple Inc. The deal closed.", ["It sold shares in Apple Inc.", "The deal closed."]),
        ("Use tools, e.g. hammers, i.e. heavy ones. Then stop.", ["Use tools, e.g. hammers, i.e. heavy ones.", "Then stop."]),
        ("J. Smith arrived. He sat.", ["J. Smith arrived.", "He sat."]),
        // English quotes and brackets.
        ("\"Great!\" she said. Then she left.", ["\"Great!\" she said.", "Then she left."]),
        ("\"This is a milestone,\" Jun said. \"We will deliver.\"", ["\"This is a milestone,\" Jun said.", "\"We will deliver.\""]),
        ("“It works.” The team cheered.", ["“It works.”", "The team cheered."]),
        ("(The company declined to comment.) Shares fell.", ["(The company declined to comment.)", "Shares fell."]),
        ("What? no way.", ["What? no way."]),
        ("Wait... what happened?", ["Wait... what happened?"]),
        ("   ", []),
    ])
    func splits(line: String, expected: [String]) {
        #expect(splitter.split(line) == expected)
    }

    @Test func rangesAreTrimmedOffsetsIntoTheLine() {
        let scalars = Array("  첫 문장이다.   둘째 문장.  ".unicodeScalars)
        let ranges = splitter.split(scalars, in: 0..<scalars.count)
        #expect(ranges == [2..<9, 12..<18])
    }
}
