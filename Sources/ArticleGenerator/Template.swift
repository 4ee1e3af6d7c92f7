/// Fills a sentence template: `{KEY}` is replaced by the slot's text, `{KEY|는}` by the text with the
/// Korean particle that suits its last sound (은/는, 이/가, 을/를, 과/와, 으로/로, 이라고/라고, 이다/다;
/// either form may be written). Other text after `|` is appended as it is ('{P|에}').
struct Slots: Sendable {
    private var values: [Substring: String] = [:]

    subscript(key: Substring) -> String? {
        get { values[key] }
        set { values[key] = newValue }
    }

    subscript(key: String) -> String? {
        get { values[Substring(key)] }
        set { values[Substring(key)] = newValue }
    }

    /// `template` with its slots filled; an unknown slot is left as written, so a test can catch it.
    func render(_ template: String) -> String {
        var output = ""
        output.reserveCapacity(template.utf8.count + 64)
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let inside = rest[rest.index(after: open)..<close]
            let key: Substring
            var particle: Substring?
            if let bar = inside.firstIndex(of: "|") {
                key = inside[..<bar]
                particle = inside[inside.index(after: bar)...]
            } else {
                key = inside
            }
            if let value = values[key] {
                output += value
                if let particle { output += KoreanParticle.form(particle, after: value) }
            } else {
                output += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        output += rest
        return output
    }
}

/// Korean particles whose form depends on whether the word before ends in a consonant.
enum KoreanParticle {
    /// (after a consonant, after a vowel)
    private static let pairs: [(String, String)] = [
        ("은", "는"), ("이", "가"), ("을", "를"), ("과", "와"), ("으로", "로"), ("이라고", "라고"), ("이다", "다"), ("이며", "며"),
        ("이라는", "라는"),
    ]
    private static let table: [Substring: (String, String)] = {
        var table: [Substring: (String, String)] = [:]
        for pair in pairs {
            table[Substring(pair.0)] = pair
            table[Substring(pair.1)] = pair
        }
        return table
    }()

    /// The form of `particle` that follows `word`.
    static func form(_ particle: Substring, after word: String) -> String {
        guard let pair = table[particle] else { return String(particle) }
        let coda = finalConsonant(of: word)
        if pair.0 == "으로" { return coda == .none || coda == .rieul ? pair.1 : pair.0 }
        return coda == .none ? pair.1 : pair.0
    }

    enum Coda { case none, rieul, other }

    /// The last sound of a word as Korean reads it: a Hangul syllable's final consonant, or how a Latin
    /// letter or digit is read aloud ('AI' 에이아이 ends in a vowel, 'LG' 엘지 too, 'SK텔레콤' in ㅁ).
    static func finalConsonant(of word: String) -> Coda {
        guard let last = word.unicodeScalars.last(where: { !")]'\"’”".unicodeScalars.contains($0) }) else { return .none }
        let value = last.value
        if (0xAC00...0xD7A3).contains(value) {
            let coda = (value - 0xAC00) % 28
            return coda == 0 ? .none : coda == 8 ? .rieul : .other
        }
        switch Character(last).lowercased() {
        case "l", "r", "1", "7", "8": return .rieul
        case "m", "n", "3", "6", "0": return .other
        default: return .none
        }
    }
}
