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
        var out: [Unicode.Scalar] = []
        var starts: [Int] = []
        var ends: [Int] = []
        var sentences: [Sentence] = []
        var title: String?
        var paragraph = 0
        var previousLineEnd: Int?
        out.reserveCapacity(s.count)
        starts.reserveCapacity(s.count)
        ends.reserveCapacity(s.count)
        let standaloneAcronyms = standaloneUppercaseWords(s)

        for (index, line) in lines.enumerated() where fates[index] != .removed && !line.isBlank {
            let edits = self.edits(for: line, s, acronyms: standaloneAcronyms)
            var lineScalars: [Unicode.Scalar] = []
            var lineStarts: [Int] = []
            var lineEnds: [Int] = []
            var i = line.lo
            var e = 0
            while i < line.hi || (e < edits.count && edits[e].position <= line.hi) {
                if e < edits.count, edits[e].position <= i {
                    let edit = edits[e]
                    e += 1
                    guard edit.position == i else { continue }  // overlapping edits: the first wins
                    for scalar in edit.insert {
                        lineScalars.append(scalar)
                        lineStarts.append(i)
                        lineEnds.append(i + edit.removeCount)
                    }
                    let span = i..<(i + edit.removeCount)
                    if let (reason, detail) = edit.removal {
                        removed.append(RemovedSpan(start: span.lowerBound, end: span.upperBound, reason: reason, detail: detail, text: text(s, span)))
                    }
                    if let repair = edit.repair { repairs.append(repair) }
                    i += edit.removeCount
                    continue
                }
                guard i < line.hi else { break }
                lineScalars.append(s[i])
                lineStarts.append(i)
                lineEnds.append(i + 1)
                i += 1
            }
            // White space: trimmed at the ends, runs collapsed to their first.
            var kept: [Int] = []
            kept.reserveCapacity(lineScalars.count)
            for k in lineScalars.indices {
                if lineScalars[k].isHorizontalSpace {
                    if kept.isEmpty { continue }
                    if let last = kept.last, lineScalars[last].isHorizontalSpace { continue }
                }
                kept.append(k)
            }
            while let last = kept.last, lineScalars[last].isHorizontalSpace { kept.removeLast() }
            guard !kept.isEmpty else { continue }

            if let previousLineEnd {
                out.append("\n")
                starts.append(previousLineEnd)
                ends.append(previousLineEnd + 1)
            }
            previousLineEnd = line.end
            let lineStart = out.count
            for k in kept {
                out.append(lineScalars[k])
                starts.append(lineStarts[k])
                ends.append(lineEnds[k])
            }
            let lineEnd = out.count
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
            original: original, originalScalars: s, scalars: out, starts: starts, ends: ends, title: title,
            sentences: sentences, removed: removed, repairs: repairs
        )
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

        // E-mail addresses.
        var searchFrom = lo
        while searchFrom < hi, let email = firstEmail(s, in: searchFrom..<hi) {
            // '(jean@example.com)' goes with its brackets.
            let pairs: [Unicode.Scalar: Unicode.Scalar] = ["(": ")", "[": "]", "<": ">", "（": "）"]
            if email.lowerBound > lo, email.upperBound < hi, let close = pairs[s[email.lowerBound - 1]], s[email.upperBound] == close {
                removal((email.lowerBound - 1)..<(email.upperBound + 1), .email, "e-mail address")
            } else {
                removal(email, .email, "e-mail address")
            }
            searchFrom = email.upperBound
        }
        // Bracketed photo credits anywhere: '[사진 제공=X]', '(사진=연합뉴스)', '(Photo by …)'.
        for p in lo..<hi where "([<〈【（".unicodeScalars.contains(s[p]) {
            var q = p + 1
            while q < hi, s[q].isHorizontalSpace { q += 1 }
            guard let length = lexicon.photoCreditHeads.match(s, at: q, end: hi) else { continue }
            let after = q + length
            guard after < hi else { continue }
            let separator = s[after]
            let byWord = separator == " " && hasPrefix(s, (after + 1)..<hi, "by ")
            guard separator == "=" || separator == ":" || separator == "/" || byWord || (s[q].isHangul && separator == " ") else { continue }
            let closers: Set<Unicode.Scalar> = [")", "]", ">", "〉", "】", "）"]
            guard let close = (after..<min(hi, after + 50)).first(where: { closers.contains(s[$0]) }) else { continue }
            removal(p..<(close + 1), .photoCredit, "bracketed credit")
        }
        // A credit ending a line that is not a caption: only the credit goes.
        if let start = trailingCredit(line, s), captionCredit(line, s) == nil {
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
        edits.append(contentsOf: glossRepairs(s, lo..<hi, acronyms: acronyms))
        edits.append(contentsOf: formerNameRepairs(s, lo..<hi))
        edits.append(contentsOf: positionRepairs(s, lo..<hi))
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
