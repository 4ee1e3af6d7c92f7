/// The languages Chronograph reads.
public enum Language: String, Sendable, Codable, CaseIterable {
    case ko
    case en

    /// Guesses the language of a text from its letters: Korean when Hangul makes up at least
    /// 30% of them (Korean articles are full of Latin acronyms and names), English otherwise,
    /// including for a text without letters.
    public static func detect(_ text: some StringProtocol) -> Language {
        var hangul = 0
        var latin = 0
        for scalar in text.unicodeScalars {
            if scalar.isHangul {
                hangul += 1
            } else if scalar.isLatinLetter {
                latin += 1
            }
        }
        guard hangul + latin > 0 else { return .en }
        return hangul * 10 >= (hangul + latin) * 3 ? .ko : .en
    }

    /// The language a code such as `ko`, `ko-KR`, `en_US` or `English` names; nil for others.
    public init?(code: some StringProtocol) {
        let lowered = code.lowercased()
        let primary = lowered.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? lowered
        switch primary {
        case "ko", "kor", "korean": self = .ko
        case "en", "eng", "english": self = .en
        default: return nil
        }
    }
}
