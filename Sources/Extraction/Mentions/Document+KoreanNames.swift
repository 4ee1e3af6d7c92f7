/// Korean names the gazetteer does not know, found from their context.
extension Document {
    mutating func findKoreanNames() {
        for s in sentences.indices { findKoreanOrganizations(s) }
        spreadKnownNames()
        for s in sentences.indices { findKoreanTitles(s) }
        spreadKnownNames()
    }

    // MARK: Word shapes

    static func isKoreanPersonName(_ word: String) -> Bool {
        let s = Array(word.unicodeScalars)
        guard s.allSatisfy(\.isHangulSyllable) else { return false }
        if s.count == 4, NameLexicon.koreanDoubleSurnames.contains(String(String.UnicodeScalarView(s[0..<2]))) { return true }
        guard (2...3).contains(s.count), NameLexicon.koreanSurnames.contains(String(s[0])) else { return false }
        return !s.dropFirst().contains { NameLexicon.foreignSyllables.contains($0) }
    }

    static func looksForeign(_ word: String) -> Bool {
        let s = Array(word.unicodeScalars)
        guard s.count >= 2, s.allSatisfy(\.isHangulSyllable) else { return false }
        return s.contains { NameLexicon.foreignSyllables.contains($0) } || (s.count >= 4 && !isKoreanPersonName(word))
    }

    static let verbLikeEndings: ScalarSet = [
        "면", "고", "며", "서", "다", "게", "된", "던", "할", "될", "해", "록", "지", "간", "한", "는", "은", "인", "운",
    ]

    static func isKoreanOrganizationWord(_ stem: String) -> Bool {
        guard let last = stem.unicodeScalars.last, NameLexicon.koreanSuffixLast.contains(last) else { return false }
        guard !NameLexicon.koreanSuffixStopwords.contains(stem), !NameLexicon.koreanNonNames.contains(stem) else { return false }
        let count = stem.unicodeScalars.count
        for suffix in NameLexicon.koreanOrganizationSuffixes where stem.bytesHaveSuffix(suffix) {
            if count > suffix.unicodeScalars.count { return true }
        }
        return false
    }

    static func isDescriptor(_ stem: String) -> Bool {
        guard let last = stem.unicodeScalars.last, NameLexicon.koreanDescriptorLast.contains(last) else { return false }
        return NameLexicon.koreanDescriptorEndings.contains { stem.bytesHaveSuffix($0) }
    }

    /// A word that can be (part of) a name: letters, not a common noun, not a title or descriptor.
    func isNameWord(_ item: Item) -> Bool {
        guard item.isWord, item.mention == nil else { return false }
        let stem = item.stem
        guard let first = stem.unicodeScalars.first, !first.isASCIIDigit else { return false }
        guard stem.unicodeScalars.contains(where: { $0.isHangulSyllable || $0.isLatinLetter }) else { return false }
        if NameLexicon.koreanNonNames.contains(stem) || NameLexicon.koreanOrganizationCues.contains(stem) { return false }
        if isTitle(item) != nil || Self.isDescriptor(stem) { return false }
        return true
    }

    // MARK: Organizations

    private mutating func findKoreanOrganizations(_ s: Int) {
        var i = 0
        while i < sentences[s].items.count {
            let items = sentences[s].items
            let item = items[i]
            // '게임사 루멘게임즈가', '수소 기업 노르드빈드 하이드로젠,'
            if item.isWord, item.mention == nil, item.particle == nil, Self.isDescriptor(item.stem) {
                var k = i + 1
                if k < items.count, items[k].isPunct("("), let close = items[k...].firstIndex(where: { $0.isPunct(")") }) {
                    k = close + 1
                }
                if k < items.count, isNameWord(items[k]), !(k + 1 < items.count && isTitle(items[k + 1]) != nil),
                   Self.isKoreanOrganizationWord(items[k].stem) || Self.looksForeign(items[k].stem)
                    || items[k].stem.unicodeScalars.contains(where: \.isLatinLetter)
                {
                    var end = k + 1
                    if items[k].isBare, k + 1 < items.count, isNameWord(items[k + 1]),
                       items[k + 1].particle != nil || (k + 2 < items.count && items[k + 2].isPunct)
                        || (k + 2 < items.count && NameLexicon.koreanOrganizationCues.contains(items[k + 2].stem))
                    {
                        end = k + 2
                    }
                    nameOrganization(s, k..<end, source: .descriptor)
                    i = k + 1
                    continue
                }
            }
            // '브릭스턴 클리니컬': a foreign name and a suffix written apart.
            if let last = item.stem.unicodeScalars.last, NameLexicon.koreanSuffixLast.contains(last),
               isNameWord(item), NameLexicon.koreanSuffixSet.contains(item.stem), Self.looksForeign(item.stem), i > 0,
               items[i - 1].isBare, Self.looksForeign(items[i - 1].stem), items[i - 1].mention == nil || items[i - 1].kind == .place,
               !(i > 1 && items[i - 2].isBare && items[i - 2].mention == nil && Self.looksForeign(items[i - 2].stem))
            {
                let entity = nameOrganization(s, (i - 1)..<(i + 1), source: .suffix)
                register(items[i - 1].stem, entity)
                i += 1
                continue
            }
            // '한울반도체', '케스트럴 포토닉스'
            if isNameWord(item), Self.isKoreanOrganizationWord(item.stem), !Self.isKoreanPersonName(item.stem) {
                var start = i
                if i > 0, items[i - 1].isBare, isNameWord(items[i - 1]), Self.looksForeign(items[i - 1].stem),
                   !(i > 1 && items[i - 2].isBare && isNameWord(items[i - 2]) && Self.looksForeign(items[i - 2].stem))
                {
                    start = i - 1
                }
                let entity = nameOrganization(s, start..<(i + 1), source: .suffix)
                if start < i, Self.looksForeign(items[start].stem) { register(items[start].stem, entity) }
                noteGloss(s, start)
                i = start + 1
                continue
            }
            // 'X 경영진', 'X 관계자들과'
            if item.isWord, NameLexicon.koreanOrganizationCues.contains(item.stem), i > 0, items[i - 1].isBare,
               isNameWord(items[i - 1]), !Self.isKoreanPersonName(items[i - 1].stem)
            {
                var start = i - 1
                if i > 1, items[i - 2].isBare, isNameWord(items[i - 2]), Self.looksForeign(items[i - 2].stem) { start = i - 2 }
                nameOrganization(s, start..<i, source: .context)
                i = start + 1
                continue
            }
            if item.mention?.entity.kind == .organization { noteGloss(s, i) }
            i += 1
        }
    }

    /// '부산항만공사(BPA, 사장 최정훈)': 'BPA' is another name of the organization.
    private mutating func noteGloss(_ s: Int, _ i: Int) {
        let items = sentences[s].items
        guard let entity = items[i].entity, entity.kind == .organization, i + 2 < items.count, items[i + 1].isPunct("(") else { return }
        let inner = items[i + 2]
        guard inner.isWord, inner.mention == nil, inner.stem.unicodeScalars.allSatisfy({ $0.isASCIIUppercase || $0 == "&" }),
              inner.stem.unicodeScalars.count >= 2
        else { return }
        register(inner.stem, entity)
        collapse(s, (i + 2)..<(i + 3), entity: entity, surface: inner.stem, source: .alias)
    }

    // MARK: People and titles

    private mutating func findKoreanTitles(_ s: Int) {
        var i = 0
        while i < sentences[s].items.count {
            let items = sentences[s].items
            guard let role = isTitle(items[i]) else {
                i += 1
                continue
            }
            // '(BPA, 사장 최정훈)': title first, inside a gloss.
            if i > 0, items[i - 1].isPunct(",") || items[i - 1].isPunct("("), i + 2 < items.count,
               items[i + 2].isPunct(")"), items[i + 1].isWord
            {
                let open = items[..<i].lastIndex { $0.isPunct("(") }
                let owner = open.flatMap { $0 > 0 ? items[$0 - 1].entity : nil }
                if let person = personEntity(s, i + 1, i + 2) {
                    roles.append(RoleFact(person: person, organization: owner?.kind == .organization ? owner : nil, role: role, sentence: s))
                }
                i += 3
                continue
            }
            // No particle stands before a title: '베르크만 회장' is a name ending in '만'.
            if i > 0, let particle = items[i - 1].particle, NameLexicon.koreanNameFinalParticles.contains(particle),
               items[i - 1].mention == nil, items[i - 1].suffix == nil, items[i - 1].stem.unicodeScalars.count >= 2
            {
                sentences[s].items[i - 1].stem = items[i - 1].text
                sentences[s].items[i - 1].particle = nil
                continue
            }
            // Words before the title: person and organization, in either order.
            var k = i - 1
            var block: [Int] = []
            while k >= 0, block.count < 4 {
                let item = items[k]
                guard item.isWord else { break }
                if item.particle == "의", item.entity?.kind == .organization {
                    block.insert(k, at: 0)
                    break
                }
                guard item.particle == nil, item.suffix == nil else { break }
                if item.mention == nil, !isNameWord(item), !(item.stem.unicodeScalars.count == 1 && item.isHangulWord) { break }
                block.insert(k, at: 0)
                if item.entity?.kind == .person { break }
                k -= 1
            }
            guard !block.isEmpty else {
                i += 1
                continue
            }
            // '네이버 클라우드 김유원 대표': words between a known organization and a Korean person's name
            // lengthen the organization's name; the longer name is another organization.
            if block.count >= 3, block.count <= 4, let first = block.first, items[first].entity?.kind == .organization,
               items[first].particle == nil, let last = block.last, items[last].mention == nil,
               Self.isKoreanPersonName(items[last].stem),
               block.dropFirst().dropLast().allSatisfy({ items[$0].mention == nil && items[$0].isBare && isNameWord(items[$0]) })
            {
                nameOrganization(s, first..<last, source: .context)
                i -= last - first - 1
                continue
            }
            var organization: EntityRef?
            var personRange: Range<Int>?
            var person: EntityRef?
            // The organization: a name of one, nearest the title or at the far end ('X의').
            if let last = block.last, items[last].entity?.kind == .organization {
                organization = items[last].entity
                block.removeLast()
            } else if let first = block.first, items[first].entity?.kind == .organization {
                organization = items[first].entity
                block.removeFirst()
            }
            if let personIndex = block.last(where: { items[$0].entity?.kind == .person }) {
                person = items[personIndex].entity
                if organization == nil, let before = block.first, before < personIndex, items[before].mention == nil,
                   isNameWord(items[before]), !Self.isKoreanPersonName(items[before].stem) || Self.isKoreanOrganizationWord(items[before].stem)
                {
                    organization = organizationEntity(s, before)
                }
            } else if let last = block.last {
                let stem = items[last].stem
                if stem.unicodeScalars.count == 1, items[last].isHangulWord {
                    // '이 대표', '최 사장': a surname and a title name someone named before.
                    if let earlier = personBySurname(stem, role: role) {
                        collapse(s, last..<(last + 1), entity: earlier, surface: stem + " " + items[i].stem, source: .alias)
                        i = last + 2
                        continue
                    }
                    // '엘리자 문': a foreign name whose last word is one syllable.
                    if block.count >= 2, items[block[block.count - 2]].mention == nil, isNameWord(items[block[block.count - 2]]),
                       !Self.verbLikeEndings.contains(items[block[block.count - 2]].stem.unicodeScalars.last!)
                    {
                        personRange = block[block.count - 2]..<(last + 1)
                    }
                } else if Self.isKoreanPersonName(stem),
                          !(block.count >= 2 && Self.looksForeign(items[block[block.count - 2]].stem))
                {
                    personRange = last..<(last + 1)
                    if organization == nil, block.count >= 2 {
                        let before = block[block.count - 2]
                        if items[before].mention == nil, isNameWord(items[before]), !Self.isKoreanPersonName(items[before].stem) {
                            organization = organizationEntity(s, before)
                        }
                    }
                } else if block.count >= 2, Self.isKoreanPersonName(items[block[block.count - 2]].stem),
                          items[block[block.count - 2]].mention == nil, items[last].mention == nil, isNameWord(items[last])
                {
                    // '이정훈 한빛수소 대표': a Korean person's name, then the organization.
                    personRange = block[block.count - 2]..<(block[block.count - 2] + 1)
                    if organization == nil { organization = organizationEntity(s, last) }
                } else if block.count >= 2, Self.looksForeign(items[block[block.count - 2]].stem) || Self.looksForeign(stem),
                          items[block[block.count - 2]].mention == nil,
                          !Self.verbLikeEndings.contains(items[block[block.count - 2]].stem.unicodeScalars.last!)
                {
                    personRange = block[block.count - 2]..<(last + 1)
                } else if items[last].mention == nil, !Self.isKoreanOrganizationWord(stem) {
                    if gazetteer?.organizationPrefix(of: stem) != nil {
                        // '카카오엔터프라이즈 대표': a known organization's name starts the word, another organization.
                        organization = organizationEntity(s, last)
                    } else {
                        personRange = last..<(last + 1)
                    }
                }
            }
            // Re-read the items: making the organization may have collapsed words before the person.
            if let range = personRange {
                let now = sentences[s].items
                let shift = now.count - items.count
                let r = (range.lowerBound + shift)..<(range.upperBound + shift)
                if r.lowerBound >= 0, r.upperBound <= now.count, now[r].allSatisfy({ $0.mention == nil && $0.isWord }) {
                    person = personEntity(s, r.lowerBound, r.upperBound)
                }
            }
            if let person {
                roles.append(RoleFact(person: person, organization: organization, role: role, sentence: s))
            }
            i = (sentences[s].items.firstIndex { $0.start == items[i].start } ?? i) + 1
        }
    }

    /// The person named by items `from..<to`, made into one mention (registered for later).
    private mutating func personEntity(_ s: Int, _ from: Int, _ to: Int) -> EntityRef? {
        let items = sentences[s].items
        if to - from == 1, let entity = items[from].entity { return entity.kind == .person ? entity : nil }
        guard items[from..<to].allSatisfy({ $0.mention == nil && $0.isWord }) else { return nil }
        let name = items[from..<to].map(\.stem).joined(separator: " ")
        guard name.unicodeScalars.count >= 2 else { return nil }
        let entity = known[name] ?? knownPhrases[name.split(separator: " ").map(String.init)]
            ?? ContextName.entity(.person, name)
        register(name, entity)
        if to - from > 1, let last = items[to - 1].stem as String?, last.unicodeScalars.count >= 2 { register(last, entity) }
        collapse(s, from..<to, entity: entity, surface: name, source: .title)
        return entity
    }

    private mutating func organizationEntity(_ s: Int, _ index: Int) -> EntityRef {
        nameOrganization(s, index..<(index + 1), source: .title)
    }

    /// The latest person with this surname (or last word) named with a role.
    func personBySurname(_ surname: String, role: String) -> EntityRef? {
        let candidates = roles.reversed().map(\.person)
        if let same = roles.reversed().first(where: { fact in
            fact.role == role && (fact.person.name.bytesHavePrefix(surname) || fact.person.name.bytesHaveSuffix(" " + surname))
        }) {
            return same.person
        }
        return candidates.first { $0.name.bytesHavePrefix(surname) || $0.name.bytesHaveSuffix(" " + surname) }
    }
}
