/// An article on its way through extraction: cleaned text, sentences as items, dates, names found
/// so far, and roles. The mention stages fill it; the rules read it.
struct Document: Sendable {
    var language: Language
    var cleaned: CleanedText
    var scalars: [Unicode.Scalar]
    var sentences: [SentenceView]
    /// Roles stated in the text, in order.
    var roles: [RoleFact] = []
    /// Names found from context (and their short forms), by written form.
    var known: [String: EntityRef] = [:]
    /// Multi-word names found from context, as their words.
    var knownPhrases: [[String]: EntityRef] = [:]
    /// The organization the article is mostly about.
    var mainOrganization: EntityRef?
    /// The names the rules may consult beyond the matches (a known name starting a longer word).
    var gazetteer: Gazetteer?

    init(cleaned: CleanedText, language: Language, dates: [DateMention], matches: [NameMatch]) {
        self.language = language
        self.cleaned = cleaned
        let scalars = ScalarString.scalars(of: cleaned.text)
        self.scalars = scalars
        let tokenizer = SentenceTokenizer(scalars: scalars, language: language)
        var views: [SentenceView] = []
        views.reserveCapacity(cleaned.sentences.count)
        var matchIndex = 0
        var dateIndex = 0
        for (index, sentence) in cleaned.sentences.enumerated() {
            while matchIndex < matches.count && matches[matchIndex].start < sentence.start { matchIndex += 1 }
            var matchEnd = matchIndex
            while matchEnd < matches.count && matches[matchEnd].start < sentence.end { matchEnd += 1 }
            // A name never runs past its sentence.
            let inside = matches[matchIndex..<matchEnd].filter { $0.end <= sentence.end }
            let items = tokenizer.items(sentence.start..<sentence.end, matches: inside[...])
            while dateIndex < dates.count && dates[dateIndex].start < sentence.start { dateIndex += 1 }
            var sentenceDates: [DateMention] = []
            var d = dateIndex
            while d < dates.count && dates[d].start < sentence.end {
                sentenceDates.append(dates[d])
                d += 1
            }
            views.append(SentenceView(
                index: index, sentence: sentence, items: Self.ungloss(items, cleaned: cleaned, scalars: scalars), dates: sentenceDates
            ))
            matchIndex = matchEnd
        }
        self.sentences = views
    }

    /// Undoes a gloss the cleaner added around a Latin word glued to a Korean name: '코르반(AI)가' was
    /// written '코르반AI가', one name.
    static func ungloss(_ items: [Item], cleaned: CleanedText, scalars: [Unicode.Scalar]) -> [Item] {
        guard items.count >= 4 else { return items }
        var out: [Item] = []
        // Items before `copied` not yet in `out`: nothing is copied unless something merges.
        var copied = 0
        var i = 0
        while i < items.count {
            if i + 3 < items.count, items[i].isWord, items[i].mention == nil, items[i].isHangulWord,
               NameLexicon.koreanTitleTable[items[i].stem] == nil, !NameLexicon.koreanNonNames.contains(items[i].stem),
               items[i + 1].isPunct("("), items[i + 3].isPunct(")"), items[i + 2].isWord,
               items[i + 2].stem.unicodeScalars.allSatisfy({ $0.isASCIIUppercase || $0.isASCIIDigit }),
               cleaned.originalRange(start: items[i + 1].start, end: items[i + 1].end).isEmpty,
               cleaned.originalRange(start: items[i + 3].start, end: items[i + 3].end).isEmpty
            {
                var merged = items[i]
                merged.stem = items[i].stem + items[i + 2].stem
                merged.end = items[i + 3].end
                merged.particle = items[i + 3].particle ?? items[i].particle
                merged.gloss = nil
                merged.text = ScalarString.make(scalars[items[i].start..<merged.end])
                out.append(contentsOf: items[copied..<i])
                out.append(merged)
                i += 4
                copied = i
                continue
            }
            i += 1
        }
        guard copied > 0 else { return items }
        out.append(contentsOf: items[copied...])
        return out
    }

    /// The written text of a cleaned range.
    func text(_ start: Int, _ end: Int) -> String {
        ScalarString.make(scalars[max(0, start)..<min(end, scalars.count)])
    }

    // MARK: Building mentions

    /// Turns items `range` of sentence `s` into one name.
    @discardableResult
    mutating func collapse(_ s: Int, _ range: Range<Int>, entity: EntityRef, surface: String, source: Mention.Source) -> Int {
        let items = sentences[s].items
        let first = items[range.lowerBound]
        let last = items[range.upperBound - 1]
        let tailCount = (last.particle?.unicodeScalars.count ?? 0) + (last.suffix?.unicodeScalars.count ?? 0)
        let mentionEnd = max(first.start, last.end - (last.particle == "'s" ? 2 : tailCount))
        let mention = Mention(entity: entity, surface: surface, start: first.start, end: mentionEnd, source: source)
        let item = Item(
            start: first.start, end: last.end, stem: surface, particle: last.particle, suffix: last.suffix,
            isPunct: false, gloss: last.gloss, mention: mention, text: text(first.start, last.end)
        )
        sentences[s].items.replaceSubrange(range, with: [item])
        return range.lowerBound
    }

    /// Makes items `range` one mention of the organization their words name (the one already found
    /// under that name, else a new one), and remembers the name.
    @discardableResult
    mutating func nameOrganization(_ s: Int, _ range: Range<Int>, source: Mention.Source) -> EntityRef {
        let words = sentences[s].items[range].map(\.stem)
        let name = words.joined(separator: " ")
        let entity = known[name] ?? knownPhrases[words] ?? ContextName.entity(.organization, name)
        register(name, entity)
        collapse(s, range, entity: entity, surface: name, source: source)
        return entity
    }

    /// Remembers a name found from context so that its other occurrences are found too.
    mutating func register(_ surface: String, _ entity: EntityRef) {
        let words = surface.split(separator: " ").map(String.init)
        if words.count > 1 {
            if knownPhrases[words] == nil { knownPhrases[words] = entity }
        } else if known[surface] == nil {
            known[surface] = entity
        }
    }

    /// Marks every other occurrence of the names found from context.
    mutating func spreadKnownNames() {
        guard !known.isEmpty || !knownPhrases.isEmpty else { return }
        let longest = knownPhrases.keys.map(\.count).max() ?? 1
        let firstWords = Set(knownPhrases.keys.compactMap(\.first))
        // Cheap filter before hashing a word: the first code points known names start with.
        let initials = ScalarSet((Array(known.keys) + Array(firstWords)).compactMap(\.unicodeScalars.first))
        for s in sentences.indices {
            var i = 0
            while i < sentences[s].items.count {
                // The filter reads the item in place: copying every item costs more than the test.
                guard sentences[s].items[i].isWord,
                      let initial = sentences[s].items[i].stem.unicodeScalars.first, initials.contains(initial),
                      sentences[s].items[i].mention == nil || sentences[s].items[i].kind == .place
                else {
                    i += 1
                    continue
                }
                let item = sentences[s].items[i]
                var matched = false
                if longest > 1, firstWords.contains(item.stem) {
                    for length in stride(from: min(longest, sentences[s].items.count - i), through: 2, by: -1) {
                        let slice = sentences[s].items[i..<(i + length)]
                        // A place's name may start an organization's ('Saigon Lotus').
                        guard slice.allSatisfy({ $0.isWord && ($0.mention == nil || $0.kind == .place) }),
                              slice.contains(where: { $0.mention == nil })
                        else { continue }
                        guard slice.dropLast().allSatisfy({ $0.particle == nil }) else { continue }
                        let words = slice.map(\.stem)
                        if let entity = knownPhrases[words] {
                            collapse(s, i..<(i + length), entity: entity, surface: words.joined(separator: " "), source: .alias)
                            matched = true
                            break
                        }
                    }
                }
                if !matched, item.mention == nil, let entity = known[item.stem] {
                    collapse(s, i..<(i + 1), entity: entity, surface: item.stem, source: .alias)
                } else if !matched, item.mention == nil, item.particle != nil, item.suffix == nil, let entity = known[item.text] {
                    // '넥스페이' read as '넥스페' + '이': the name known whole keeps its last syllable.
                    sentences[s].items[i].stem = item.text
                    sentences[s].items[i].particle = nil
                    collapse(s, i..<(i + 1), entity: entity, surface: item.text, source: .alias)
                }
                i += 1
            }
        }
    }

    /// Drops ambiguous gazetteer matches that nothing confirms: the entity named unambiguously
    /// elsewhere, a place with a locative particle or preposition, a person or organization beside a title.
    mutating func confirmAmbiguousNames() {
        var sure = Set<String>()
        for sentence in sentences {
            for item in sentence.items {
                if let mention = item.mention, !mention.ambiguous { sure.insert(mention.entity.id) }
            }
        }
        for s in sentences.indices {
            for i in sentences[s].items.indices {
                guard let mention = sentences[s].items[i].mention, mention.ambiguous else { continue }
                if sure.contains(mention.entity.id) || confirms(s, i, mention.entity.kind) {
                    sentences[s].items[i].mention?.ambiguous = false
                } else {
                    sentences[s].items[i].mention = nil
                }
            }
        }
    }

    private func confirms(_ s: Int, _ i: Int, _ kind: EntityKind) -> Bool {
        let items = sentences[s].items
        let item = items[i]
        switch kind {
        case .place:
            if let particle = item.particle, Self.locativeParticles.contains(particle) { return true }
            if i > 0, Self.placePrepositions.contains(items[i - 1].lower) { return true }
            return false
        case .person, .organization:
            if i + 1 < items.count, isTitle(items[i + 1]) != nil { return true }
            if i > 0, isTitle(items[i - 1]) != nil { return true }
            return false
        }
    }

    static let locativeParticles: WordSet = ["에", "에서", "으로", "로", "을", "를", "에서는", "에도", "에는", "에서도", "까지"]
    static let placePrepositions: WordSet = ["in", "to", "at", "from", "visited", "near"]

    /// The canonical role when the item is a title ('회장', 'CEO', '최고경영자(CEO)').
    func isTitle(_ item: Item) -> String? {
        guard item.isWord, item.mention == nil, let last = item.stem.unicodeScalars.last else { return nil }
        if NameLexicon.koreanTitleLast.contains(last), let role = NameLexicon.koreanTitleTable[item.stem] { return role }
        if language == .en, let role = NameLexicon.englishTitleTable[item.lower] {
            if NameLexicon.englishCapitalOnlyTitles.contains(item.lower), !item.isCapitalized { return nil }
            return role
        }
        return nil
    }

    /// The organization most often named in the body.
    mutating func findMainOrganization() {
        var counts: [String: (Int, Int, EntityRef)] = [:]
        var order = 0
        for sentence in sentences where !sentence.isHeadline {
            for mention in sentence.mentions where mention.entity.kind == .organization {
                order += 1
                let current = counts[mention.entity.id]
                counts[mention.entity.id] = ((current?.0 ?? 0) + 1, current?.1 ?? order, mention.entity)
            }
        }
        mainOrganization = counts.values.max { a, b in a.0 != b.0 ? a.0 < b.0 : a.1 > b.1 }?.2
    }
}
