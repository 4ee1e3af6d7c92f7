/// Korean particles (조사) written straight after a noun: '오픈AI는', '한국산업은행과', '런던에서'.
///
/// The list is data (`Resources/gazetteer/particles.ko.txt`), read once.
public enum KoreanParticles {
    /// Every particle the list holds.
    public static var all: Set<String> { lexicon.particles }

    /// The longest particle `word` ends with, split off; the stem is never empty.
    ///
    /// `split("오픈AI는")` is `("오픈AI", "는")`; `split("런던에서")` is `("런던", "에서")`;
    /// a word with no particle comes back whole with a nil particle.
    public static func split(_ word: Substring) -> (stem: Substring, particle: Substring?) {
        let scalars = word.unicodeScalars
        let count = scalars.count
        let longest = min(lexicon.longestParticle, count - 1)
        guard longest > 0 else { return (word, nil) }
        for length in stride(from: longest, through: 1, by: -1) {
            let cut = scalars.index(scalars.endIndex, offsetBy: -length)
            let tail = String(scalars[cut...])
            if lexicon.particles.contains(tail) {
                return (Substring(scalars[..<cut]), Substring(scalars[cut...]))
            }
        }
        return (word, nil)
    }

    /// True when `text` is a particle.
    public static func isParticle(_ text: String) -> Bool { lexicon.particles.contains(text) }

    static let lexicon: KoreanLexicon = KoreanLexicon.bundled
}

/// The Korean word lists the name matcher uses: particles and suffixes that may follow a name.
struct KoreanLexicon: Sendable {
    var particles: Set<String>
    var longestParticle: Int
    /// Suffixes by the kind of entity they may follow; `nil` key means any kind.
    var suffixes: [EntityKind?: Set<String>]

    /// For each kind, its own suffixes and those for any kind, longest first.
    private var suffixesByKind: [EntityKind: [String]]

    init(particles: Set<String>, suffixes: [EntityKind?: Set<String>]) {
        self.particles = particles
        self.longestParticle = particles.map(\.unicodeScalars.count).max() ?? 0
        self.suffixes = suffixes
        var byKind: [EntityKind: [String]] = [:]
        for kind in EntityKind.allCases {
            let all = (suffixes[kind] ?? []).union(suffixes[nil] ?? [])
            byKind[kind] = all.sorted { ($0.unicodeScalars.count, $1) > ($1.unicodeScalars.count, $0) }
        }
        self.suffixesByKind = byKind
    }

    static let bundled: KoreanLexicon = {
        let particles = Set(GazetteerResources.lines(of: "particles.ko", extension: "txt"))
        var suffixes: [EntityKind?: Set<String>] = [:]
        for line in GazetteerResources.lines(of: "suffixes.ko", extension: "txt") {
            let parts = line.split(whereSeparator: \.isWhitespace)
            guard parts.count == 2 else { continue }
            let kind: EntityKind? = parts[0] == "any" ? nil : EntityKind(rawValue: String(parts[0]))
            if kind == nil && parts[0] != "any" { continue }
            suffixes[kind, default: []].insert(String(parts[1]))
        }
        return KoreanLexicon(particles: particles, suffixes: suffixes)
    }()

    /// Whether `rest`, the remainder of a word after a name of `kind`, keeps the name:
    /// a particle, a suffix for that kind, or such a suffix and then a particle.
    func split(rest: String, kind: EntityKind) -> (suffix: String?, particle: String?)? {
        if particles.contains(rest) { return (nil, rest) }
        for suffix in suffixesByKind[kind] ?? [] where rest.hasPrefix(suffix) {
            let after = String(rest.dropFirst(suffix.count))
            if after.isEmpty { return (suffix, nil) }
            if particles.contains(after) { return (suffix, after) }
        }
        return nil
    }
}
