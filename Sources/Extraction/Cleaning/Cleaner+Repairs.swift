/// Repairing scraping damage. Every repair is an edit with its original position, so offsets map back.
extension Cleaner {
    /// '뉴욕?시애틀' → '뉴욕·시애틀': a '?' (or U+FFFD) between two letters with no space, one side
    /// Hangul, stands for a lost middle dot.
    func middleDotRepairs(_ s: [Unicode.Scalar], _ range: Range<Int>) -> [Edit] {
        var edits: [Edit] = []
        guard range.count >= 3 else { return edits }
        for i in (range.lowerBound + 1)..<(range.upperBound - 1) where s[i] == "?" || s[i] == "\u{FFFD}" {
            let left = s[i - 1]
            let right = s[i + 1]
            guard left.isHangul || left.isLatinLetter, right.isHangul || right.isLatinLetter else { continue }
            guard left.isHangul || right.isHangul || s[i] == "\u{FFFD}" else { continue }
            let repair = Repair(start: i, end: i + 1, kind: .middleDot, before: text(s, (i - 1)..<(i + 2)), after: "\(left)·\(right)")
            edits.append(Edit(position: i, removeCount: 1, insert: ["·"], repair: repair))
        }
        return edits
    }

    /// '인공지능AI' → '인공지능(AI)', '업무협약MOU을' → '업무협약(MOU)을': an uppercase Latin word glued
    /// after a Hangul word it glosses. Only when
    /// - the Latin word (2–8 capitals, digits after the first) follows Hangul directly, and that
    ///   Hangul word does not itself follow a Latin letter or digit ('SK하이닉스' stays whole);
    /// - a particle, a space, punctuation or the line's end follows it ('AI반도체' stays whole);
    /// - the Hangul word glosses it: it spells the letters ('엠오유MOU'), or it has at least three
    ///   syllables and the Latin word stands on its own elsewhere in the text ('AI 산업').
    /// Mixed names ('오픈AI', 'LG전자', 'KT') never match: too short, or Latin first.
    func glossRepairs(_ s: [Unicode.Scalar], _ range: Range<Int>, acronyms: Set<String>) -> [Edit] {
        var edits: [Edit] = []
        var i = range.lowerBound
        while i < range.upperBound {
            guard s[i].isASCIIUppercase, i > range.lowerBound, s[i - 1].isHangulSyllable else {
                i += 1
                continue
            }
            var end = i
            while end < range.upperBound, s[end].isASCIIUppercase || s[end].isASCIIDigit { end += 1 }
            defer { i = max(end, i + 1) }
            let length = end - i
            guard (2...8).contains(length) else { continue }
            if end < range.upperBound, s[end].isLatinLetter { continue }  // 'CSOs', 'AIs': not an acronym alone
            var hangulStart = i
            while hangulStart > range.lowerBound, s[hangulStart - 1].isHangulSyllable { hangulStart -= 1 }
            if hangulStart > range.lowerBound, s[hangulStart - 1].isLatinLetter || s[hangulStart - 1].isASCIIDigit { continue }
            // What follows: end, space, punctuation, or a particle.
            if end < range.upperBound, s[end].isWordScalar {
                guard s[end].isHangulSyllable, lexicon.glossParticles.match(s, at: end, end: range.upperBound) != nil else { continue }
                var run = end
                while run < range.upperBound, s[run].isHangulSyllable { run += 1 }
                guard run - end <= 3 else { continue }
            }
            let acronym = text(s, i..<end)
            if !gluedNames.isEmpty, gluedNames.contains(text(s, hangulStart..<end)) { continue }
            let spells = spellsLetters(s, hangulStart..<i, acronym: Array(s[i..<end]))
            guard spells || (i - hangulStart >= 3 && acronyms.contains(acronym)) else { continue }
            edits.append(contentsOf: parenthesise(s, i..<end, kind: .gloss))
        }
        return edits
    }

    /// True when the Hangul before an acronym ends with its letters spelled out ('엠오유' for MOU).
    func spellsLetters(_ s: [Unicode.Scalar], _ hangul: Range<Int>, acronym: [Unicode.Scalar]) -> Bool {
        var end = hangul.upperBound
        for letter in acronym.reversed() {
            guard let names = lexicon.letterNames[letter] else { return false }
            guard let name = names.first(where: { name in
                end - name.count >= hangul.lowerBound && Array(s[(end - name.count)..<end]) == name
            }) else { return false }
            end -= name.count
        }
        return true
    }

    /// '엑스옛 트위터를' → '엑스(옛 트위터)를': a former-name marker glued to a name, then a space and
    /// the former name (its particle stays outside).
    func formerNameRepairs(_ s: [Unicode.Scalar], _ range: Range<Int>) -> [Edit] {
        var edits: [Edit] = []
        for p in range where p > range.lowerBound && (s[p - 1].isHangulSyllable || s[p - 1].isLatinLetter) {
            guard let length = lexicon.formerlyMarkers.match(s, at: p, end: range.upperBound) else { continue }
            let space = p + length
            guard space + 1 < range.upperBound, s[space] == " ", s[space + 1].isWordScalar else { continue }
            var end = space + 1
            while end < range.upperBound, s[end].isWordScalar { end += 1 }
            // Leave a trailing particle outside: '트위터를' → '트위터' + '를'.
            var nameEnd = end
            for cut in 1...2 where end - cut > space + 2 {
                if s[end - cut].isHangulSyllable, lexicon.glossParticles.match(s, at: end - cut, end: end) == cut {
                    nameEnd = end - cut
                }
            }
            edits.append(contentsOf: parenthesise(s, p..<nameEnd, kind: .formerName))
        }
        return edits
    }

    /// 'CSO왼쪽가' → 'CSO(왼쪽)가': a photo position glued to the name before it, followed by a particle,
    /// a space or punctuation. The name must be at least two letters ('한가운데' stays whole).
    func positionRepairs(_ s: [Unicode.Scalar], _ range: Range<Int>) -> [Edit] {
        var edits: [Edit] = []
        for p in range where p > range.lowerBound && (s[p - 1].isHangulSyllable || s[p - 1].isLatinLetter) {
            guard let length = lexicon.positionWords.match(s, at: p, end: range.upperBound), length >= 2 else { continue }
            var nameStart = p
            while nameStart > range.lowerBound, s[nameStart - 1].isWordScalar { nameStart -= 1 }
            guard p - nameStart >= 2 else { continue }
            let end = p + length
            if end < range.upperBound, s[end].isWordScalar {
                guard s[end].isHangulSyllable, lexicon.glossParticles.match(s, at: end, end: range.upperBound) != nil else { continue }
                var run = end
                while run < range.upperBound, s[run].isHangulSyllable { run += 1 }
                guard run - end <= 2 else { continue }
            }
            edits.append(contentsOf: parenthesise(s, p..<end, kind: .position))
        }
        return edits
    }

    /// The two insertions that put a span of the original in parentheses, reported as one repair.
    private func parenthesise(_ s: [Unicode.Scalar], _ span: Range<Int>, kind: Repair.Kind) -> [Edit] {
        let inner = text(s, span)
        let repair = Repair(start: span.lowerBound, end: span.upperBound, kind: kind, before: inner, after: "(\(inner))")
        return [
            Edit(position: span.lowerBound, removeCount: 0, insert: ["("], repair: repair),
            Edit(position: span.upperBound, removeCount: 0, insert: [")"]),
        ]
    }
}
