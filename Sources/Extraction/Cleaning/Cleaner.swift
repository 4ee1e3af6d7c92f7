/// Takes site furniture out of an article, repairs scraping damage, and splits what is left into
/// sentences, keeping a map from every cleaned code point back to the original text.
///
/// The cleaner goes by general signals kept as data (`Resources/lexicon/furniture.*.json`), never
/// one site's strings:
/// - the *title* is a first line that reads like a headline;
/// - *top-of-page furniture* ('페이지 정보', breadcrumbs, 'Updated …') is everything between the title
///   and the first line of body text;
/// - the *tail* is cut from the first line that starts a block of furniture: a copyright line, a
///   byline, 'Reporting by', '관련기사' … at once; a bullet item, a link, 'Read more', a run of three
///   headline-like lines, when most of the lines from there on are furniture too;
/// - inside the body, section markers ('━'), short kicker lines that are not sentences, photo
///   captions ending with a credit, credits, links and e-mail addresses go.
/// A body line is never cut for being short when it ends like a sentence.
public struct Cleaner: Sendable {
    let lexicon: FurnitureLexicon
    let splitter: SentenceSplitter
    /// Names written as Hangul glued to capitals ('스케일AI', '퓨리오사AI'): never split as a gloss.
    let gluedNames: Set<String>

    /// A cleaner using the bundled lexicons.
    public init() {
        self.init(keepingNames: [])
    }

    /// A cleaner that never takes the capitals ending one of `names` for a gloss ('스케일AI' stays whole).
    init(keepingNames names: some Sequence<String>) {
        lexicon = .shared
        splitter = SentenceSplitter()
        gluedNames = Set(names.filter { name in
            let scalars = Array(name.unicodeScalars)
            guard let firstCapital = scalars.firstIndex(where: \.isASCIIUppercase), firstCapital > 0 else { return false }
            return scalars[firstCapital - 1].isHangulSyllable
        })
    }

    /// Longest kicker line (in code points) removed from the body when it has no sentence ending.
    static let kickerMaxLength = 25
    /// Lines looked at, from a weak signal on, to confirm a block of furniture.
    static let confirmWindow = 6

    /// Cleans an article's original text (`ArticleInput.text`). `language` is the article's
    /// language; both languages' furniture signals apply whatever it is.
    public func clean(_ original: String, language: Language) -> CleanedText {
        let s = ScalarString.scalars(of: original)
        var lines = splitLines(s)
        for index in lines.indices { classify(&lines[index], s) }

        var fates = [Fate](repeating: .keep, count: lines.count)
        var removed: [RemovedSpan] = []
        func remove(_ index: Int, _ reason: RemovedSpan.Reason, _ detail: String) {
            fates[index] = .removed
            let line = lines[index]
            removed.append(RemovedSpan(start: line.lo, end: line.hi, reason: reason, detail: detail, text: text(s, line.lo..<line.hi)))
        }

        // The title, then top-of-page furniture up to the first line of body text.
        let nonBlank = lines.indices.filter { !lines[$0].isBlank }
        var titleIndex: Int?
        var firstBody: Int?
        var position = 0
        while position < nonBlank.count {
            let index = nonBlank[position]
            let line = lines[index]
            if titleIndex == nil, firstBody == nil, position < 3, isTitle(line, s), position + 1 < nonBlank.count {
                titleIndex = index
            } else if line.bodyLike, line.strong == nil, line.byline == false, captionCredit(line, s) == nil {
                firstBody = index
                break
            }
            position += 1
        }
        let bodyStart = firstBody ?? nonBlank.first { $0 != titleIndex } ?? lines.count
        for index in nonBlank where index < bodyStart && index != titleIndex {
            remove(index, .topOfPage, lines[index].top ? "page furniture" : "before the first sentence")
        }
        if let titleIndex { fates[titleIndex] = .title }

        // The tail.
        let body = nonBlank.filter { $0 >= bodyStart }
        var tailStart: Int?
        var tailDetail = ""
        for (position, index) in body.enumerated() where position > 0 {
            let line = lines[index]
            if let strong = line.strong {
                tailStart = index
                tailDetail = strong
                break
            }
            if line.byline {
                tailStart = index
                tailDetail = "byline"
                break
            }
            let startsRun = position + 2 < body.count
                && (0..<3).allSatisfy { lines[body[position + $0]].furnitureLike && !lines[body[position + $0]].bodyLike }
            guard line.signal || startsRun else { continue }
            if confirmsFurniture(body[position...], lines) {
                tailStart = index
                tailDetail = line.signal ? signalName(line) : "run of headline-like lines"
                break
            }
        }
        if let tailStart {
            let from = lines[tailStart].lo
            let to = lines.last.map { $0.hi } ?? from
            removed.append(RemovedSpan(start: from, end: max(from, to), reason: .tail, detail: tailDetail, text: text(s, from..<max(from, to))))
            for index in tailStart..<lines.count { fates[index] = .removed }
        }

        // Isolated furniture inside the body.
        for index in body where fates[index] == .keep {
            let line = lines[index]
            if let credit = captionCredit(line, s) {
                remove(index, credit.wholeLine ? .photoCredit : .photoCaption, "ends with a photo credit")
            } else if line.isMarker {
                remove(index, .sectionMarker, "no words")
            } else if line.onlyURL {
                remove(index, .link, "a link")
            } else if line.byline {
                remove(index, .byline, "byline")
            } else if line.email, !line.bodyLike {
                remove(index, .email, "e-mail line")
            } else if let weak = line.weak, !line.bodyLike {
                remove(index, .furniture, weak)
            } else if line.headlineLike, !line.bullet, line.length <= Cleaner.kickerMaxLength {
                remove(index, .kicker, "short line, not a sentence")
            }
        }

        return assemble(original: original, s, lines: lines, fates: fates, titleIndex: titleIndex, removed: removed)
    }

    enum Fate: Equatable {
        case keep, title, removed
    }

    /// True when the lines from a signal on are mostly furniture: near it (a window of lines) and
    /// to the end of the text.
    private func confirmsFurniture(_ rest: ArraySlice<Int>, _ lines: [TextLine]) -> Bool {
        var furniture = 0
        var body = 0
        for (offset, index) in rest.enumerated() {
            let line = lines[index]
            let isBody = line.bodyLike && !line.signal
            if offset < Cleaner.confirmWindow {
                if isBody { body += 1 } else if line.furnitureLike { furniture += 1 }
            }
        }
        guard furniture >= 2, furniture >= 2 * body else { return false }
        var restFurniture = 0
        var restBody = 0
        var restStrong = false
        for index in rest {
            let line = lines[index]
            if line.bodyLike && !line.signal { restBody += 1 } else if line.furnitureLike { restFurniture += 1 }
            if line.strong != nil || line.byline { restStrong = true }
        }
        // Page tails end in furniture: text that ends with a plain sentence and holds no strong
        // signal is a body with a list in it.
        if !restStrong, let last = rest.last, lines[last].bodyLike, !lines[last].signal { return false }
        return restBody <= restFurniture
    }

    private func signalName(_ line: TextLine) -> String {
        if let weak = line.weak { return weak }
        if line.bulletItem { return "bullet block" }
        if line.url { return "link" }
        if line.email { return "e-mail address" }
        return "furniture"
    }

    private func isTitle(_ line: TextLine, _ s: [Unicode.Scalar]) -> Bool {
        guard !line.top, !line.isMarker, !line.byline, !line.onlyURL, !line.email, line.strong == nil else { return false }
        guard line.length >= 6, line.length <= 150 else { return false }
        let bracketKicker = s[line.lo] == "[" || s[line.lo] == "【" || s[line.lo] == "<"
        if bracketKicker { return true }
        if line.headlineLike { return true }
        // A question or exclamation as a headline; a full stop makes it a sentence.
        var end = line.hi
        while end > line.lo, s[end - 1].isClosingMark { end -= 1 }
        return end > line.lo && s[end - 1] != "." && s[end - 1] != "。" && line.length <= 100
    }
}
