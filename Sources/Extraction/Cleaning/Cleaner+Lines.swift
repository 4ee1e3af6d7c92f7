/// Reading the lines: what each one looks like.
extension Cleaner {
    func splitLines(_ s: [Unicode.Scalar]) -> [TextLine] {
        var lines: [TextLine] = []
        var start = 0
        for index in 0...s.count where index == s.count || s[index] == "\n" {
            var lo = start
            var hi = index
            while lo < hi, s[lo].isHorizontalSpace || s[lo] == "\r" { lo += 1 }
            while hi > lo, s[hi - 1].isHorizontalSpace || s[hi - 1] == "\r" { hi -= 1 }
            lines.append(TextLine(start: start, end: index, lo: lo, hi: hi, content: lo))
            start = index + 1
        }
        return lines
    }

    func classify(_ line: inout TextLine, _ s: [Unicode.Scalar]) {
        guard !line.isBlank else { return }
        let lo = line.lo
        let hi = line.hi
        line.isMarker = !(lo..<hi).contains { s[$0].isWordScalar }
        guard !line.isMarker else { return }
        line.endsSentence = endsLikeSentence(s, lo..<hi)

        // A bullet: one of the bullet signs, then (for '-', '*', '·') a space.
        if lexicon.bullets.contains(s[lo]) {
            let needsSpace = s[lo].isASCII
            var content = lo + 1
            if content < hi, s[content].isHorizontalSpace || !needsSpace {
                while content < hi, s[content].isHorizontalSpace { content += 1 }
                line.bullet = true
                line.content = content
            }
        }
        let content = line.content
        let short = !line.bodyLike || line.length <= 80

        // Links and e-mail addresses.
        var tokenStart = lo
        for index in lo...hi where index == hi || s[index].isHorizontalSpace {
            if tokenStart < index, isURL(s, tokenStart..<index) || containsURL(s, tokenStart..<index) {
                line.url = short
                if tokenStart == content, index == hi { line.onlyURL = true }
            }
            tokenStart = index + 1
        }
        line.email = short && firstEmail(s, in: lo..<hi) != nil

        // Keywords: strong ones anywhere in a line that is not a long sentence, weak ones as its start.
        if !(line.endsSentence && line.length > 80), let match = lexicon.tailStrong.firstMatch(s, in: lo..<hi) {
            line.strong = text(s, match.position..<(match.position + match.length))
        }
        if !line.endsSentence, line.length <= 40, let length = lexicon.tailWeak.match(s, at: content, end: hi) {
            let after = content + length
            if after == hi || !s[after].isWordScalar {
                line.weak = text(s, content..<after)
            }
        }
        if let length = lexicon.topOfPage.match(s, at: content, end: hi) {
            let after = content + length
            line.top = after == hi || s[after].isHorizontalSpace || s[after].isASCIIDigit || s[after] == ":" || s[after] == "|"
        }
        if !line.endsSentence, isBreadcrumb(s, lo..<hi) { line.top = true }
        line.byline = isByline(line, s)
        line.creditStart = findTrailingCredit(line, s)
        line.hasHangul = (lo..<hi).contains { s[$0].isHangulSyllable }
    }

    /// Ends with '.', '!', '?' (maybe followed by closing quotes or brackets), or, for a long
    /// Korean line, with a sentence-final syllable ('…밝혔다').
    func endsLikeSentence(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound, s[end - 1].isClosingMark { end -= 1 }
        guard end > range.lowerBound else { return false }
        if s[end - 1].isSentenceTerminal {
            // "Inc." or an ellipsis at the end of a headline is no sentence ending... but '다.' is.
            return !(s[end - 1] == "." && end - 2 >= range.lowerBound && s[end - 2] == ".")
        }
        return s[end - 1] == "다" && range.count >= 40
    }

    func isURL(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        hasPrefix(s, range, Cleaner.http) || hasPrefix(s, range, Cleaner.https) || hasPrefix(s, range, Cleaner.www)
    }

    func containsURL(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        guard range.count > 8 else { return false }
        for index in range where s[index] == "h" || s[index] == "H" {
            if hasPrefix(s, index..<range.upperBound, Cleaner.http) || hasPrefix(s, index..<range.upperBound, Cleaner.https) { return true }
        }
        return false
    }

    static let http = Array("http://".unicodeScalars)
    static let https = Array("https://".unicodeScalars)
    static let www = Array("www.".unicodeScalars)
    static let by = Array("by ".unicodeScalars)
    /// The brackets closing a bracketed photo credit.
    static let creditClosers: ScalarSet = [")", "]", ">", "〉", "】", "）"]

    /// True when `s[range]` starts with `prefix` (lowercase ASCII), ignoring ASCII case.
    func hasPrefix(_ s: [Unicode.Scalar], _ range: Range<Int>, _ prefix: [Unicode.Scalar]) -> Bool {
        guard range.count >= prefix.count else { return false }
        var index = range.lowerBound
        for scalar in prefix {
            guard PhraseSet.fold(s[index]) == scalar else { return false }
            index += 1
        }
        return true
    }

    /// The first e-mail address in a range.
    func firstEmail(_ s: [Unicode.Scalar], in range: Range<Int>) -> Range<Int>? {
        func local(_ c: Unicode.Scalar) -> Bool {
            c.isASCIIDigit || c.isASCIILowercase || c.isASCIIUppercase || c == "." || c == "_" || c == "%" || c == "+" || c == "-"
        }
        func domain(_ c: Unicode.Scalar) -> Bool { c.isASCIIDigit || c.isASCIILowercase || c.isASCIIUppercase || c == "." || c == "-" }
        for at in range where s[at] == "@" {
            var a = at
            while a > range.lowerBound, local(s[a - 1]) { a -= 1 }
            var b = at + 1
            while b < range.upperBound, domain(s[b]) { b += 1 }
            while b > at + 1, s[b - 1] == "." || s[b - 1] == "-" { b -= 1 }
            guard a < at, s[(at + 1)..<b].contains("."), s[b - 1].isLatinLetter else { continue }
            return a..<b
        }
        return nil
    }

    /// 'Home > News > Technology': short items between at least two separators.
    func isBreadcrumb(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        guard range.count <= 80 else { return false }
        var separators = 0
        for index in range where s[index] == ">" || s[index] == "›" || s[index] == "»" || s[index] == "|" || s[index] == "/" {
            let spaced = index > range.lowerBound && index + 1 < range.upperBound && s[index - 1] == " " && s[index + 1] == " "
            if spaced { separators += 1 }
        }
        return separators >= 2
    }

    /// '김남영 기자 kim@x.co.kr', '[서울] 김남영 특파원', 'By Jane Doe'.
    func isByline(_ line: TextLine, _ s: [Unicode.Scalar]) -> Bool {
        guard line.length <= 60, !line.bodyLike else { return false }
        let lo = line.content
        let hi = line.hi
        if let length = lexicon.bylineHeads.match(s, at: lo, end: hi) {
            let next = lo + length
            guard next + 1 < hi, s[next] == " ", s[next + 1].isASCIIUppercase, !line.endsSentence else { return false }
            let words = s[next..<hi].split(whereSeparator: { $0 == " " }).count
            return words >= 2 && words <= 8
        }
        guard let title = lexicon.bylineTitles.firstMatch(s, in: lo..<hi) else { return false }
        var nameEnd = title.position
        if nameEnd > lo, s[nameEnd - 1] == " " { nameEnd -= 1 }
        var nameStart = nameEnd
        while nameStart > lo, s[nameStart - 1].isHangulSyllable { nameStart -= 1 }
        let nameLength = nameEnd - nameStart
        guard (2...4).contains(nameLength) else { return false }
        let after = title.position + title.length
        return after == hi || s[after].isHorizontalSpace || s[after] == "=" || s[after] == "(" || s[after] == ","
            || s[after] == "·"
    }

    /// A photo credit that ends the line: where it starts, and whether it is the whole line or
    /// follows a caption sentence (either way the line goes). Nil for a line that does not end with
    /// one, or whose credit follows text that is no sentence (then only the credit goes, inline).
    func captionCredit(_ line: TextLine, _ s: [Unicode.Scalar]) -> (start: Int, wholeLine: Bool)? {
        guard let start = line.creditStart else { return nil }
        var before = start
        while before > line.lo, s[before - 1].isHorizontalSpace || s[before - 1] == "/" || s[before - 1] == "|" { before -= 1 }
        if before <= line.content { return (start, true) }
        return endsLikeSentence(s, line.lo..<before) ? (start, false) : nil
    }

    /// Where a trailing photo credit starts: '사진 오픈AI', '사진=연합뉴스', 'Photo: Reuters',
    /// 'Photo by Jane Doe', 'REUTERS/Kim Hong-Ji'. Read once per line, into `TextLine.creditStart`.
    private func findTrailingCredit(_ line: TextLine, _ s: [Unicode.Scalar]) -> Int? {
        let lo = line.content
        let hi = line.hi
        guard !line.isBlank else { return nil }
        let earliest = max(lo, hi - 45)
        for p in earliest..<hi {
            guard p == lo || s[p - 1].isHorizontalSpace || s[p - 1] == "/" || s[p - 1] == "|" else { continue }
            guard !s[p..<hi].contains(where: { $0.isSentenceTerminal && $0 != "." }) else { continue }
            if let length = lexicon.photoCreditHeads.match(s, at: p, end: hi) {
                let after = p + length
                guard after + 1 < hi else { continue }
                let separator = s[after]
                let hangulHead = s[p].isHangul
                let byWord = separator == " " && hasPrefix(s, (after + 1)..<hi, Cleaner.by)
                let ok = separator == "=" || separator == ":" || separator == "/" || separator == "／" || byWord
                    || (hangulHead && separator == " ")
                guard ok, s[(after + 1)..<hi].contains(where: { $0.isWordScalar }) else { continue }
                // Trailing periods would make it a sentence: '사진 한 장.' is not a credit.
                guard s[hi - 1] != "." else { continue }
                return p
            }
            // AGENCY/Name
            var q = p
            while q < hi, s[q].isASCIIUppercase { q += 1 }
            if q - p >= 2, q + 1 < hi, s[q] == "/", s[q + 1].isASCIIUppercase, s[hi - 1] != "." {
                return p
            }
        }
        return nil
    }
}
