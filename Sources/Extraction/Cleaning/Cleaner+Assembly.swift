/// Putting the cleaned text together: inline removals and repairs on the kept lines, the offset
/// map, and the sentences.
extension Cleaner {
    /// At `position` in the original, drop `removeCount` code points and put `insert` in their place.
    struct Edit {
        var position: Int
        var removeCount: Int
        var insert: [Unicode.Scalar]
        /// Set for removals, to report them.
        var removal: (RemovedSpan.Reason, String)?
        /// Set on the first edit of a repair, to report it.
        var repair: Repair?
    }

    func assemble(
        original: String, _ s: [Unicode.Scalar], lines: [TextLine], fates: [Fate], titleIndex: Int?, removed initialRemoved: [RemovedSpan]
    ) -> CleanedText {
        var removed = initialRemoved
        var repairs: [Repair] = []
        var o = Output(capacity: s.count)
        var sentences: [Sentence] = []
        var title: String?
        var paragraph = 0
        var previousLineEnd: Int?
        var standaloneAcronyms: Set<String>?  // computed for the first line with Hangul

        for (index, line) in lines.enumerated() where fates[index] != .removed && !line.isBlank {
            if line.hasHangul, standaloneAcronyms == nil { standaloneAcronyms = standaloneUppercaseWords(s) }
            let edits = self.edits(for: line, s, acronyms: standaloneAcronyms ?? [])
            let mark = o.scalars.count
            if let previousLineEnd { o.append("\n", previousLineEnd, previousLineEnd + 1) }
            let lineStart = o.scalars.count
            o.lineStart = lineStart
            var i = line.lo
            var e = 0
            while i < line.hi || (e < edits.count && edits[e].position <= line.hi) {
                if e < edits.count, edits[e].position <= i {
                    let edit = edits[e]
                    e += 1
                    guard edit.position == i else { continue }  // overlapping edits: the first wins
                    for scalar in edit.insert { o.emit(scalar, i, i + edit.removeCount) }
                    let span = i..<(i + edit.removeCount)
                    if let (reason, detail) = edit.removal {
                        removed.append(RemovedSpan(start: span.lowerBound, end: span.upperBound, reason: reason, detail: detail, text: text(s, span)))
                    }
                    if let repair = edit.repair { repairs.append(repair) }
                    i += edit.removeCount
                    continue
                }
                guard i < line.hi else { break }
                o.emit(s[i], i, i + 1)
                i += 1
            }
            if o.scalars.count > lineStart, o.scalars[o.scalars.count - 1].isHorizontalSpace { o.truncate(o.scalars.count - 1) }
            guard o.scalars.count > lineStart else {
                o.truncate(mark)
                continue
            }
            previousLineEnd = line.end
            let lineEnd = o.scalars.count
            let out = o.scalars
            let isHeadline = index == titleIndex
            if isHeadline {
                title = text(out, lineStart..<lineEnd)
                sentences.append(Sentence(text: title!, start: lineStart, end: lineEnd, paragraph: paragraph, isHeadline: true))
            } else {
                for range in splitter.split(out, in: lineStart..<lineEnd) {
                    sentences.append(Sentence(text: text(out, range), start: range.lowerBound, end: range.upperBound, paragraph: paragraph, isHeadline: false))
                }
            }
            paragraph += 1
        }
        removed.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        return CleanedText(
            original: original, originalScalars: s, scalars: o.scalars, starts: o.starts, ends: o.ends, title: title,
            sentences: sentences, removed: removed, repairs: repairs
        )
    }

    /// The end of a Korean wire dateline opening a line: '(서울=연합뉴스) 김남영 기자 = ',
    /// '[서울=뉴시스]홍길동 기자 = ', '[아시아경제 김남영 기자] '. Its place is the newsroom's, not the news's.
    func datelinePrefixEnd(_ line: TextLine, _ s: [Unicode.Scalar]) -> Int? {
        let lo = line.lo
        let hi = line.hi
        var p = lo
        var found = false
        if p < hi, s[p] == "(" || s[p] == "[" || s[p] == "【" {
            let closer: Unicode.Scalar = s[p] == "(" ? ")" : s[p] == "[" ? "]" : "】"
            if let close = (p..<min(hi, p + 30)).first(where: { s[$0] == closer }) {
                let inner = (p + 1)..<close
                if inner.contains(where: { s[$0] == "=" }) || lexicon.bylineTitles.firstMatch(s, in: inner) != nil {
                    found = true
                    p = close + 1
                }
            }
        }
        var q = p
        while q < hi, s[q].isHorizontalSpace { q += 1 }
        // A byline ending with '=': '김남영 기자 =', '김남영·홍길동 기자 ='.
        var r = q
        while r < hi, s[r].isHangulSyllable || s[r] == "·" || s[r] == " ", r - q <= 12 {
            if let length = lexicon.bylineTitles.match(s, at: r, end: hi), r > q {
                var e = r + length
                while e < hi, s[e].isHorizontalSpace { e += 1 }
                if e < hi, s[e] == "=" {
                    e += 1
                    while e < hi, s[e].isHorizontalSpace { e += 1 }
                    return e < hi ? e : nil
                }
                break
            }
            r += 1
        }
        guard found, q < hi else { return nil }
        return q
    }

    /// The cleaned code points and where each came from.
    struct Output {
        var scalars: [Unicode.Scalar] = []
        var starts: [Int] = []
        var ends: [Int] = []
        var lineStart = 0

        init(capacity: Int) {
            scalars.reserveCapacity(capacity)
            starts.reserveCapacity(capacity)
            ends.reserveCapacity(capacity)
        }

        mutating func append(_ scalar: Unicode.Scalar, _ from: Int, _ to: Int) {
            scalars.append(scalar)
            starts.append(from)
            ends.append(to)
        }

        /// Appends, trimming white space at the line's start and collapsing runs of it.
        mutating func emit(_ scalar: Unicode.Scalar, _ from: Int, _ to: Int) {
            if scalar.isHorizontalSpace, scalars.count == lineStart || scalars[scalars.count - 1].isHorizontalSpace { return }
            append(scalar, from, to)
        }

        mutating func truncate(_ count: Int) {
            scalars.removeSubrange(count...)
            starts.removeSubrange(count...)
            ends.removeSubrange(count...)
        }
    }

    /// Uppercase Latin words standing on their own somewhere in the text (not glued after a
    /// letter): the evidence that 'AI' in '인공지능AI' is a gloss of its own.
    func standaloneUppercaseWords(_ s: [Unicode.Scalar]) -> Set<String> {
        var words: Set<String> = []
        var index = 0
        while index < s.count {
            guard s[index].isASCIIUppercase else {
                index += 1
                continue
            }
            var end = index
            while end < s.count, s[end].isASCIIUppercase || s[end].isASCIIDigit { end += 1 }
            let freeBefore = index == 0 || !(s[index - 1].isWordScalar)
            if freeBefore, end - index >= 2 { words.insert(text(s, index..<end)) }
            index = end
        }
        return words
    }

    /// Brackets that go with the e-mail address they enclose.
    static let bracketPairs: [Unicode.Scalar: Unicode.Scalar] = ["(": ")", "[": "]", "<": ">", "（": "）"]

    /// The inline removals and repairs of one kept line, sorted by position.
    func edits(for line: TextLine, _ s: [Unicode.Scalar], acronyms: Set<String>) -> [Edit] {
        var edits: [Edit] = []
        let lo = line.lo
        let hi = line.hi

        func removal(_ range: Range<Int>, _ reason: RemovedSpan.Reason, _ detail: String) {
            var from = range.lowerBound
            if from > lo, s[from - 1].isHorizontalSpace { from -= 1 }
            edits.append(Edit(position: from, removeCount: range.upperBound - from, insert: [], removal: (reason, detail)))
        }

        if let end = datelinePrefixEnd(line, s) {
            edits.append(Edit(position: lo, removeCount: end - lo, insert: [], removal: (.byline, "wire dateline")))
        }
        // E-mail addresses.
        var searchFrom = lo
        while searchFrom < hi, let email = firstEmail(s, in: searchFrom..<hi) {
            // '(jean@example.com)' goes with its brackets.
            if email.lowerBound > lo, email.upperBound < hi, let close = Cleaner.bracketPairs[s[email.lowerBound - 1]],
               s[email.upperBound] == close
            {
                removal((email.lowerBound - 1)..<(email.upperBound + 1), .email, "e-mail address")
            } else {
                removal(email, .email, "e-mail address")
            }
            searchFrom = email.upperBound
        }
        // Bracketed photo credits anywhere: '[사진 제공=X]', '(사진=연합뉴스)', '(Photo by …)'.
        for p in lo..<hi where s[p] == "(" || s[p] == "[" || s[p] == "<" || s[p] == "〈" || s[p] == "【" || s[p] == "（" {
            var q = p + 1
            while q < hi, s[q].isHorizontalSpace { q += 1 }
            guard let length = lexicon.photoCreditHeads.match(s, at: q, end: hi) else { continue }
            let after = q + length
            guard after < hi else { continue }
            let separator = s[after]
            let byWord = separator == " " && hasPrefix(s, (after + 1)..<hi, Cleaner.by)
            guard separator == "=" || separator == ":" || separator == "/" || byWord || (s[q].isHangul && separator == " ") else { continue }
            guard let close = (after..<min(hi, after + 50)).first(where: { Cleaner.creditClosers.contains(s[$0]) }) else { continue }
            removal(p..<(close + 1), .photoCredit, "bracketed credit")
        }
        // A credit ending a line that is not a caption: only the credit goes.
        if let start = line.creditStart, captionCredit(line, s) == nil {
            var from = start
            while from > lo, s[from - 1] == "/" || s[from - 1] == "|" { from -= 1 }
            if from > lo {  // a bare credit line is removed whole elsewhere
                removal(from..<hi, .photoCredit, "credit")
            }
        }
        // Links inside a kept line.
        var tokenStart = lo
        for index in lo...hi where index == hi || s[index].isHorizontalSpace {
            if tokenStart < index, isURL(s, tokenStart..<index) { removal(tokenStart..<index, .link, "link") }
            tokenStart = index + 1
        }

        edits.append(contentsOf: middleDotRepairs(s, lo..<hi))
        if line.hasHangul {
            edits.append(contentsOf: glossRepairs(s, lo..<hi, acronyms: acronyms))
            edits.append(contentsOf: formerNameRepairs(s, lo..<hi))
            edits.append(contentsOf: positionRepairs(s, lo..<hi))
        }
        // Removals first at a position, then insertions; overlapping edits keep the first.
        edits.sort { ($0.position, $0.removeCount == 0 ? 1 : 0) < ($1.position, $1.removeCount == 0 ? 1 : 0) }
        var clean: [Edit] = []
        var reach = lo
        for edit in edits where edit.position >= reach || (edit.removeCount == 0 && edit.position == reach) {
            clean.append(edit)
            reach = max(reach, edit.position + edit.removeCount)
        }
        return clean
    }
}
