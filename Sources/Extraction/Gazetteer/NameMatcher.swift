/// The compiled form of a gazetteer: every alias in a trie, with the entry that wins it.
struct NameMatcher: Sendable {
    struct Target: Sendable {
        var entry: Int
        var kind: EntityKind
        var ambiguous: Bool
    }

    let trie: ScalarTrie
    let targets: [Target]
    /// For each alias text, the entries that claim it, the winner first.
    let owners: [String: [Int]]
    let lexicon: KoreanLexicon

    init(data: GazetteerData, lexicon: KoreanLexicon) {
        var trie = ScalarTrie()
        var targets: [Target] = []
        var owners: [String: [Int]] = [:]
        owners.reserveCapacity(data.claims.count)
        targets.reserveCapacity(data.claims.count)
        // Sorted so that the trie's node numbering does not depend on hashing.
        for text in data.claims.keys.sorted() {
            guard let claimants = data.claims[text], let winner = claimants.last else { continue }
            owners[text] = claimants.reversed()
            let entry = data.entries[winner]
            let alias = entry.aliases.first { $0.text == text }
            let ambiguous = entry.ambiguous || (alias?.ambiguous ?? false)
            var key: [Unicode.Scalar] = []
            key.reserveCapacity(text.unicodeScalars.count)
            for scalar in text.unicodeScalars { key.append(Self.fold(scalar)) }
            trie.insert(key, value: targets.count)
            targets.append(Target(entry: winner, kind: entry.kind, ambiguous: ambiguous))
        }
        self.trie = trie
        var initials: [Unicode.Scalar] = []
        for text in data.claims.keys { if let first = text.unicodeScalars.first { initials.append(Self.fold(first)) } }
        self.initials = ScalarSet(initials)
        self.targets = targets
        self.owners = owners
        self.lexicon = lexicon
        self.refs = data.entries.map(\.ref)
    }

    /// The reference of each entry, made once.
    let refs: [EntityRef]
    /// The first code points of the trie's keys: a bit test that spares most hash look-ups.
    let initials: ScalarSet

    func matches(in text: String) -> [NameMatch] {
        var original: [Unicode.Scalar] = []
        var scalars: [Unicode.Scalar] = []
        original.reserveCapacity(text.utf8.count)
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            original.append(scalar)
            scalars.append(Self.fold(scalar))
        }

        var result: [NameMatch] = []
        var index = 0
        let count = scalars.count
        while index < count {
            guard canStart(at: index, in: scalars), initials.contains(scalars[index]) else {
                index += 1
                continue
            }
            var best: (end: Int, target: Int, suffix: String?, particle: String?)?
            trie.forEachPrefix(in: scalars, from: index) { end, target in
                if let (suffix, particle) = acceptsEnd(at: end, in: scalars, kind: targets[target].kind) {
                    best = (end, target, suffix, particle)
                }
            }
            guard let found = best else {
                index += 1
                continue
            }
            let target = targets[found.target]
            var surface = String.UnicodeScalarView()
            surface.append(contentsOf: original[index..<found.end])
            result.append(
                NameMatch(
                    entity: refs[target.entry], surface: String(surface), start: index, end: found.end,
                    particle: found.particle, suffix: found.suffix, ambiguous: target.ambiguous
                )
            )
            index = found.end
        }
        return result
    }

    func organizationPrefix(of word: String) -> EntityRef? {
        let scalars = word.unicodeScalars.map(Self.fold)
        var best: Int?
        trie.forEachPrefix(in: scalars, from: 0) { end, target in
            let found = targets[target]
            if end >= 2, scalars.count - end >= 2, found.kind == .organization, !found.ambiguous { best = found.entry }
        }
        return best.map { refs[$0] }
    }

    /// A name may start here: a Hangul name not inside a Hangul word, a Latin one not inside a Latin word.
    private func canStart(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard index > 0 else { return true }
        let previous = scalars[index - 1]
        let first = scalars[index]
        if first.isHangul { return !previous.isHangul }
        if first.isLatinWordScalar { return !previous.isLatinWordScalar }
        return true
    }

    /// A name may end here; returns the suffix and particle that follow it inside its word
    /// (both nil when the word ends with the name), or nil when the name is part of a longer word.
    private func acceptsEnd(at end: Int, in scalars: [Unicode.Scalar], kind: EntityKind) -> (String?, String?)? {
        guard end < scalars.count else { return (nil, nil) }
        let next = scalars[end]
        let last = scalars[end - 1]
        if next.isHangul {
            var stop = end
            while stop < scalars.count, scalars[stop].isHangul { stop += 1 }
            var rest = String.UnicodeScalarView()
            rest.append(contentsOf: scalars[end..<stop])
            guard let split = lexicon.split(rest: String(rest), kind: kind) else { return nil }
            return (split.suffix, split.particle)
        }
        if last.isLatinWordScalar && next.isLatinWordScalar { return nil }
        return (nil, nil)
    }

    /// Folds the scalars that vary without changing a name: spaces, apostrophes, full-width forms.
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value < 0x80 { return scalar == "\t" ? " " : scalar }
        switch value {
        case 0xA0, 0x2002...0x200A, 0x202F, 0x3000: return " "
        case 0x2019, 0x2018, 0x02BC: return "'"
        case 0xFF01...0xFF5E: return Unicode.Scalar(value - 0xFEE0) ?? scalar
        default: return scalar
        }
    }
}

extension Unicode.Scalar {
    /// A letter or digit of a Latin-script word: where a Latin name may not start or end inside.
    fileprivate var isLatinWordScalar: Bool { isASCIIDigit || isLatinLetter }
}
