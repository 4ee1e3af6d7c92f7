/// A set of short phrases matched against scalar arrays: at a position, as a line prefix, or
/// anywhere. Latin letters compare without case, and a phrase starting or ending with a Latin
/// letter must stand on word boundaries there ("Related" does not match inside "Unrelated").
struct PhraseSet: Sendable {
    /// Phrases by their first scalar (case-folded), longest first.
    private let byFirst: [UInt32: [[Unicode.Scalar]]]
    /// A 4096-bit filter of first scalars (by value modulo 4096): most positions fail here, without hashing.
    private let firstBits: [UInt64]
    let isEmpty: Bool

    init(_ phrases: some Sequence<String>) {
        var table: [UInt32: [[Unicode.Scalar]]] = [:]
        var any = false
        for phrase in phrases where !phrase.isEmpty {
            let scalars = Array(phrase.unicodeScalars)
            table[PhraseSet.fold(scalars[0]).value, default: []].append(scalars)
            any = true
        }
        byFirst = table.mapValues { $0.sorted { $0.count > $1.count } }
        var bits = [UInt64](repeating: 0, count: 64)
        for key in table.keys { bits[Int(key & 4095) >> 6] |= 1 << UInt64(key & 63) }
        firstBits = bits
        isEmpty = !any
    }

    /// The length of the longest phrase starting at `position`, ending by `end`.
    func match(_ text: [Unicode.Scalar], at position: Int, end: Int) -> Int? {
        guard position < end else { return nil }
        let first = PhraseSet.fold(text[position]).value
        guard firstBits[Int(first & 4095) >> 6] & (1 << UInt64(first & 63)) != 0, let candidates = byFirst[first] else { return nil }
        for phrase in candidates where position + phrase.count <= end {
            var same = true
            for offset in 1..<phrase.count where PhraseSet.fold(text[position + offset]) != PhraseSet.fold(phrase[offset]) {
                same = false
                break
            }
            guard same else { continue }
            if phrase[0].isLatinLetter, position > 0, text[position - 1].isLatinLetter { continue }
            let after = position + phrase.count
            if phrase[phrase.count - 1].isLatinLetter, after < text.count, text[after].isLatinLetter { continue }
            return phrase.count
        }
        return nil
    }

    /// The first position in `range` where a phrase starts, and its length.
    func firstMatch(_ text: [Unicode.Scalar], in range: Range<Int>) -> (position: Int, length: Int)? {
        guard !isEmpty else { return nil }
        for position in range {
            if let length = match(text, at: position, end: range.upperBound) { return (position, length) }
        }
        return nil
    }

    /// ASCII case folding: enough for the Latin phrases of the lexicons.
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.isASCIIUppercase ? Unicode.Scalar(scalar.value + 32)! : scalar
    }
}
