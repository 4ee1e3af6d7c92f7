/// Finds the publication date an article prints for itself.
public enum PublicationDateFinder {
    private enum Label { case published, updated }

    private static let labels: DateLexicon.Table<Label> = DateLexicon.Table(
        DateLexicon.koreanPublishedLabels.map { ($0, Label.published) }
            + DateLexicon.koreanUpdatedLabels.map { ($0, .updated) }
            + DateLexicon.englishPublishedLabels.map { ($0, .published) }
            + DateLexicon.englishUpdatedLabels.map { ($0, .updated) }
    )
    /// Words skipped between a label and its date.
    private static let fillers: DateLexicon.Table<Bool> = DateLexicon.Table(
        (DateLexicon.englishLabelFillers + DateLexicon.koreanLabelFillers).map { ($0, true) }
    )

    /// A date the article gives for itself: '입력 2024.11.26', '입력 : 2024-11-26 10:21', '기사입력 2024/11/26',
    /// 'Published Nov. 26, 2024', 'Updated: 26 November 2024', a dateline 'SEOUL, Nov. 26, 2024 (Yonhap) --'
    /// (a dateline without a year gives nothing). A publication label wins over an update label; the first
    /// of a kind wins. Day precision or nil; never today's date.
    public static func find(in text: String) -> EDTFDate? {
        let scalars = ScalarString.scalars(of: text)
        let tokens = DateTokenizer(scalars).tokenize()
        let drafts = DateScanner(scalars: scalars, tokens: tokens, publishedYear: nil).scan()
        var updated: EDTFDate?
        var dateline: EDTFDate?
        for draft in drafts {
            guard case .absolute(let date) = draft.spec, date.precision == .day else { continue }
            switch label(before: draft.first, scalars: scalars, tokens: tokens) {
            case .published?: return date
            case .updated?: if updated == nil { updated = date }
            case nil:
                if dateline == nil, isDateline(draft, scalars: scalars, tokens: tokens) { dateline = date }
            }
        }
        return updated ?? dateline
    }

    /// The label right before token `first`, skipping ':', '|', '-', 'on', 'at', 'last', 'first'.
    private static func label(before first: Int, scalars: [Unicode.Scalar], tokens: [DateToken]) -> Label? {
        var i = first - 1
        var skipped = 0
        while i >= 0, skipped <= 3 {
            let t = tokens[i]
            let word = scalars[t.start..<t.end]
            if t.kind == .hangul || t.kind == .latin, let label = labels.lookup(word) { return label }
            let skippable: Bool
            switch t.kind {
            case .punct: skippable = [":", "|", "-", "：", "(", "["].contains(scalars[t.start])
            case .latin, .hangul: skippable = fillers.lookup(word) != nil
            default: skippable = false
            }
            guard skippable else { return nil }
            i -= 1
            skipped += 1
        }
        return nil
    }

    /// 'SEOUL, Nov. 26, 2024 (Yonhap) --': a line that starts with a place in capitals and a comma.
    private static func isDateline(_ draft: DateDraft, scalars: [Unicode.Scalar], tokens: [DateToken]) -> Bool {
        var i = draft.first - 1
        guard i >= 1, tokens[i].kind == .punct, scalars[tokens[i].start] == "," else { return false }
        i -= 1
        var words = 0
        while i >= 0, tokens[i].kind == .latin,
            scalars[tokens[i].start..<tokens[i].end].allSatisfy({ $0.properties.isUppercase })
        {
            words += 1
            if i == 0 || tokens[i].spaceBefore && lineStartsBefore(tokens[i].start, scalars) { break }
            i -= 1
        }
        guard words > 0, words <= 4, i >= 0, i == 0 || lineStartsBefore(tokens[i].start, scalars) else { return false }
        // Followed by '(Agency)', '--', '—' or '-'.
        guard draft.last < tokens.count else { return false }
        let next = scalars[tokens[draft.last].start]
        return next == "(" || next == "-" || next == "—" || next == "–"
    }

    private static func lineStartsBefore(_ offset: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        var j = offset - 1
        while j >= 0, scalars[j] == " " || scalars[j] == "\t" { j -= 1 }
        return j < 0 || scalars[j] == "\n" || scalars[j] == "\r"
    }
}
