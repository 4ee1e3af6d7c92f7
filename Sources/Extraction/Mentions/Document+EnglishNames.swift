/// English names the gazetteer does not know, found from their context.
extension Document {
    mutating func findEnglishNames() {
        for s in sentences.indices { findEnglishOrganizations(s) }
        spreadKnownNames()
        for s in sentences.indices { findEnglishTitles(s) }
        spreadKnownNames()
    }

    static let connectors: WordSet = ["of", "for", "&", "de", "van", "von", "der", "la", "du"]
    static let legalForms: WordSet = ["Inc.", "Inc", "Corp.", "Corp", "Co.", "Co", "Ltd.", "Ltd", "LLC", "PLC", "plc", "AG", "SA", "GmbH", "NV"]

    /// A capitalised word that may be part of a name (a place name may sit inside an organization's).
    func isCapitalWord(_ item: Item) -> Bool {
        guard item.isWord, item.isCapitalized else { return false }
        if let kind = item.kind { return kind == .place }
        return true
    }

    /// The run of capitalised words starting at `i`: its end, skipping connectors between capitals.
    func capitalRun(_ s: Int, from i: Int) -> Int {
        let items = sentences[s].items
        var j = i
        while j < items.count {
            if j > i, NameLexicon.englishTitleTable[items[j].lower] != nil { break }
            if isCapitalWord(items[j]) {
                j += 1
                if items[j - 1].particle != nil { break }
                continue
            }
            if Self.connectors.contains(items[j].stem), j > i, j + 1 < items.count, isCapitalWord(items[j + 1]) {
                j += 1
                continue
            }
            break
        }
        return j
    }

    private mutating func findEnglishOrganizations(_ s: Int) {
        var i = 0
        while i < sentences[s].items.count {
            // The kind is read in place first: most items are no organization.
            if sentences[s].items[i].mention?.entity.kind == .organization, let end = longerOrganization(s, at: i) {
                nameOrganization(s, i..<end, source: .context)
                i += 1
                continue
            }
            let items = sentences[s].items
            guard isCapitalWord(items[i]), items[i].mention == nil || items[i].kind == .place else {
                i += 1
                continue
            }
            var start = i
            while start < items.count, NameLexicon.englishNonNames.contains(items[start].stem), items[start].mention == nil { start += 1 }
            guard start < items.count, isCapitalWord(items[start]) else {
                i = max(i + 1, start)
                continue
            }
            var end = capitalRun(s, from: start)
            guard end > start else {
                i += 1
                continue
            }
            // 'Sungwon Pharmaceutical Co., Ltd.': legal forms end the name and make it an organization.
            var legal = false
            while end - 1 > start, Self.legalForms.contains(items[end - 1].stem) {
                end -= 1
                legal = true
            }
            if end < items.count, Self.legalForms.contains(items[end].stem) { legal = true }
            let headed = headedNameEnd(s, start, end)
            if let headed { end = headed }
            let words = items[start..<end]
            if words.allSatisfy({ $0.mention != nil }) || words.allSatisfy({ NameLexicon.englishNonNames.contains($0.stem) }) {
                i = end
                continue
            }
            let lastWord = items[end - 1].stem
            let before = start > 0 ? items[start - 1] : nil
            let suffixed = NameLexicon.englishOrganizationSuffixes.contains(lastWord) && end - start >= 2
            let described = before.map { NameLexicon.englishDescriptors.contains($0.lower) || $0.lower.bytesHaveSuffix("-listed") } ?? false
            let cued = start >= 2 && items[start - 1].lower == "of" && NameLexicon.englishOrganizationCues.contains(items[start - 2].lower)
                || isDescribedAfter(s, end)
            if (legal || suffixed || described || cued || headed != nil), items[start].mention == nil || end - start >= 2 {
                // Words joined by spaces, a comma kept against the word before ('Ministry of Housing, Utilities and …').
                let name = words.reduce(into: "") { name, word in name += (name.isEmpty || word.isPunct ? "" : " ") + word.stem }
                let entity = known[name] ?? knownPhrases[words.map(\.stem)] ?? ContextName.entity(.organization, name)
                register(name, entity)
                registerShortForms(of: name, entity)
                collapse(s, start..<end, entity: entity, surface: name, source: suffixed || legal ? .suffix : described ? .descriptor : .context)
                i = start + 1
                continue
            }
            i = end
        }
    }

    /// 'Naver Cloud CEO Kim', 'CEO of Naver Cloud': a known organization's name followed by capitalised
    /// words, where a role names the whole, is another organization (a unit of the first, or unrelated).
    /// The end of the longer name, or nil.
    func longerOrganization(_ s: Int, at i: Int) -> Int? {
        let items = sentences[s].items
        guard items[i].kind == .organization, items[i].particle == nil, i + 1 < items.count,
              items[i + 1].isWord, items[i + 1].isCapitalized
        else { return nil }
        var end = i + 1
        while end < items.count, end - i <= 3, isCapitalWord(items[end]), !NameLexicon.englishNonNames.contains(items[end].stem),
              !Self.legalForms.contains(items[end].stem), englishTitle(s, at: end) == nil
        {
            end += 1
            if items[end - 1].particle != nil { break }
        }
        // A place may lengthen it too ('Samsung Electronics Vietnam').
        guard end > i + 1 else { return nil }
        let lastParticle = items[end - 1].particle
        // A title right after ('Naver Cloud CEO', "Naver Cloud's chief executive").
        if lastParticle == nil || lastParticle == "'s", end < items.count, englishTitle(s, at: end) != nil { return end }
        // A title before, joined by 'of' or 'at' ('CEO of Naver Cloud').
        if lastParticle == nil, i >= 2, ["of", "at"].contains(items[i - 1].lower),
           (max(0, i - 6)..<(i - 1)).contains(where: { englishTitle(s, at: $0)?.end == i - 1 })
        {
            return end
        }
        return nil
    }

    /// 'Ministry of Municipal and Rural Affairs and Housing', 'Ministry of Trade, Industry and Energy':
    /// a run holding a head noun and 'of' or 'for' names a body, and the name goes on through 'and', '&'
    /// and commas between capitalised words. The end of the whole name, or nil when the run has no head.
    func headedNameEnd(_ s: Int, _ start: Int, _ runEnd: Int) -> Int? {
        let items = sentences[s].items
        guard let head = (start..<runEnd).first(where: { NameLexicon.englishOrganizationHeads.contains(items[$0].stem) }),
              head + 2 < items.count, ["of", "for"].contains(items[head + 1].lower)
        else { return nil }
        func nameWord(_ k: Int) -> Bool {
            k < items.count && isCapitalWord(items[k]) && items[k].mention == nil && !NameLexicon.englishNonNames.contains(items[k].stem)
                && englishTitle(s, at: k) == nil
        }
        // The words after the head's preposition ('Ministry of the Interior'), then 'and X', ', X' and 'of Place'.
        let first = items[head + 2].lower == "the" ? head + 3 : head + 2
        var end = first
        while nameWord(end), items[end - 1].particle == nil { end += 1 }
        guard end > first else { return nil }
        while end + 1 < items.count, items[end - 1].particle == nil {
            let joiner = items[end]
            if (joiner.lower == "and" || joiner.stem == "&"), nameWord(end + 1) {
                end += 2
            } else if joiner.isPunct(","), nameWord(end + 1),
                      // A comma inside the name only before another part that ends with 'and' ('Trade, Industry and Energy').
                      (end + 2 < items.count && (items[end + 2].lower == "and" || items[end + 2].isPunct(",")))
            {
                end += 2
            } else if joiner.lower == "of", end + 1 < items.count, items[end + 1].kind == .place {
                end += 2
                break
            } else {
                break
            }
            while nameWord(end), items[end - 1].particle == nil { end += 1 }
        }
        return max(end, runEnd)
    }

    /// 'Orbitec, a Toulouse-based satellite parts maker,': an apposition whose head is a descriptor.
    func isDescribedAfter(_ s: Int, _ end: Int) -> Bool {
        let items = sentences[s].items
        guard end + 2 < items.count, items[end].isPunct(","), NameLexicon.englishArticles.contains(items[end + 1].lower) else { return false }
        var k = end + 2
        while k < min(items.count, end + 10), items[k].isWord { k += 1 }
        guard k < items.count, items[k].isPunct(","), k - 1 > end + 1 else { return false }
        return NameLexicon.englishDescriptors.contains(items[k - 1].lower)
    }

    /// 'Calder' for 'Calder Therapeutics', 'Saigon Lotus' for 'Saigon Lotus Group'.
    private mutating func registerShortForms(of name: String, _ entity: EntityRef) {
        let words = name.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return }
        let first = words[0]
        if first.count >= 3, !NameLexicon.englishNonNames.contains(first), !NameLexicon.englishOrganizationSuffixes.contains(first),
           known[first] == nil, !isGazetteerWord(first)
        {
            known[first] = entity
        }
        if words.count >= 3, NameLexicon.englishOrganizationSuffixes.contains(words[words.count - 1]) {
            let head = Array(words.dropLast())
            if knownPhrases[head] == nil { knownPhrases[head] = entity }
        }
    }

    /// True when some item of the article is a gazetteer name written exactly so.
    private func isGazetteerWord(_ word: String) -> Bool {
        // Items read in place (a closure over each item would copy it).
        for s in sentences.indices {
            for i in sentences[s].items.indices where sentences[s].items[i].stem == word {
                if sentences[s].items[i].mention?.source == .gazetteer { return true }
            }
        }
        return false
    }

    // MARK: People and titles

    /// The longest title starting at item `i`: its end and role.
    func englishTitle(_ s: Int, at i: Int) -> (end: Int, role: String)? {
        let items = sentences[s].items
        guard items[i].isWord, items[i].mention == nil, NameLexicon.englishTitleFirstWords.contains(items[i].lower) else { return nil }
        var best: (Int, String)?
        var phrase = ""
        var j = i
        while j < items.count, j - i < 5, items[j].isWord, items[j].mention == nil {
            phrase += (phrase.isEmpty ? "" : " ") + items[j].lower
            if let role = NameLexicon.englishTitleTable[phrase] {
                let afterOrganization = i > 0 && items[i - 1].kind == .organization
                if j == i, NameLexicon.englishCapitalOnlyTitles.contains(phrase), !items[i].isCapitalized, !afterOrganization {
                    // 'the president' is no title.
                } else {
                    best = (j + 1, role)
                }
            }
            if items[j].particle != nil { break }
            j += 1
        }
        return best
    }

    /// A person's name starting at `i` (honorific skipped): a known person or two to four capitalised words.
    func personRun(_ s: Int, from i: Int) -> Range<Int>? {
        let items = sentences[s].items
        var start = i
        if start < items.count, NameLexicon.englishHonorifics.contains(items[start].stem) { start += 1 }
        guard start < items.count else { return nil }
        if items[start].kind == .person { return start..<(start + 1) }
        guard items[start].mention == nil, items[start].isCapitalized, !NameLexicon.englishNonNames.contains(items[start].stem) else { return nil }
        var end = start
        while end < items.count, end - start < 4, items[end].isWord, items[end].mention == nil, items[end].isCapitalized,
              !NameLexicon.englishNonNames.contains(items[end].stem), englishTitle(s, at: end) == nil
        {
            end += 1
            if items[end - 1].particle != nil { break }
        }
        if end - start == 1, known[items[start].stem]?.kind == .person { return start..<end }
        return end - start >= 2 ? start..<end : nil
    }

    private mutating func findEnglishTitles(_ s: Int) {
        var i = 0
        while i < sentences[s].items.count {
            guard let (titleEnd, role) = englishTitle(s, at: i) else {
                i += 1
                continue
            }
            let items = sentences[s].items
            // '[Org] Chairman [Person]', 'chief executive [Person]'.
            if let run = personRun(s, from: titleEnd) {
                let organization = organizationBefore(s, i)
                if let person = englishPerson(s, run) {
                    roles.append(RoleFact(person: person, organization: organization, role: role, sentence: s))
                }
                i = titleEnd
                continue
            }
            // '[Person], [Org's] [title] [of Org]'.
            var k = i - 1
            if k >= 0, ["a", "the", "its", "their"].contains(items[k].lower) { k -= 1 }
            var organization: EntityRef?
            if k >= 0, items[k].particle == "'s", items[k].kind == .organization {
                organization = items[k].entity
                k -= 1
            }
            if k >= 1, items[k].isPunct(",") {
                // The person ends right before the comma.
                var start = k - 1
                while start > 0, start > k - 4, items[start - 1].isWord, (items[start - 1].isCapitalized || NameLexicon.englishHonorifics.contains(items[start - 1].stem)),
                      items[start - 1].mention == nil, items[start].mention == nil
                {
                    start -= 1
                }
                if organization == nil { organization = organizationAfter(s, titleEnd) }
                if let run = personRun(s, from: start), run.upperBound == k, let person = englishPerson(s, run) {
                    roles.append(RoleFact(person: person, organization: organization, role: role, sentence: s))
                }
            }
            i = titleEnd
        }
    }

    /// The organization named right before item `i` (a gloss in parentheses skipped).
    private func organizationBefore(_ s: Int, _ i: Int) -> EntityRef? {
        let items = sentences[s].items
        var k = i - 1
        if k >= 0, items[k].isPunct(")"), let open = items[..<k].lastIndex(where: { $0.isPunct("(") }) { k = open - 1 }
        guard k >= 0, let entity = items[k].entity, entity.kind == .organization else { return nil }
        return entity
    }

    /// 'of [adjectives and descriptors] Org' after a title.
    private func organizationAfter(_ s: Int, _ i: Int) -> EntityRef? {
        let items = sentences[s].items
        guard i < items.count, items[i].lower == "of" || items[i].lower == "at" else { return nil }
        var k = i + 1
        while k < items.count, k - i <= 5 {
            if let entity = items[k].entity, entity.kind == .organization { return entity }
            if items[k].isPunct || items[k].mention != nil { return nil }
            k += 1
        }
        return nil
    }

    private mutating func englishPerson(_ s: Int, _ run: Range<Int>) -> EntityRef? {
        let items = sentences[s].items
        if run.count == 1, let entity = items[run.lowerBound].entity ?? known[items[run.lowerBound].stem] {
            if items[run.lowerBound].mention == nil {
                collapse(s, run, entity: entity, surface: items[run.lowerBound].stem, source: .alias)
            }
            return entity.kind == .person ? entity : nil
        }
        let words = items[run].map(\.stem)
        let name = words.joined(separator: " ")
        let entity = knownPhrases[words] ?? ContextName.entity(.person, name)
        register(name, entity)
        for word in words where word.count >= 3 && known[word] == nil && !isGazetteerWord(word) {
            known[word] = entity
        }
        collapse(s, run, entity: entity, surface: name, source: .title)
        return entity
    }
}
