/// The date words of both languages, compiled once into hash tables over Unicode scalars so that the
/// scanner never builds a `String` per word. The words themselves are data, in
/// `DateLexicon+Korean.swift` and `DateLexicon+English.swift`.
enum DateLexicon {
    struct Entry: Sendable {
        var scalars: [Unicode.Scalar]
        var word: DateWord
        var exactOnly: Bool
    }

    /// A set of words keyed by the FNV-1a hash of their lowercased scalars; hits are verified.
    struct Table<Value: Sendable>: Sendable {
        private var buckets: [UInt64: [(scalars: [Unicode.Scalar], value: Value)]] = [:]
        private(set) var maxLength = 0

        init(_ pairs: [(String, Value)]) {
            for (key, value) in pairs {
                let scalars = Array(key.lowercased().unicodeScalars)
                buckets[Self.hash(scalars[...]), default: []].append((scalars, value))
                maxLength = max(maxLength, scalars.count)
            }
        }

        static func hash(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt64 {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for scalar in scalars { h = (h ^ UInt64(lower(scalar).value)) &* 0x100_0000_01b3 }
            return h
        }

        @inline(__always) static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            let v = scalar.value
            return v >= 65 && v <= 90 ? Unicode.Scalar(v + 32)! : scalar
        }

        /// The value of a word written exactly as `scalars` (ASCII case-insensitive).
        func lookup(_ scalars: ArraySlice<Unicode.Scalar>) -> Value? {
            guard scalars.count <= maxLength, let bucket = buckets[Self.hash(scalars)] else { return nil }
            for candidate in bucket where candidate.scalars.count == scalars.count {
                if zip(candidate.scalars, scalars).allSatisfy({ $0 == Self.lower($1) }) { return candidate.value }
            }
            return nil
        }
    }

    /// Korean words with whether they must stand alone.
    static let korean: Table<(word: DateWord, exactOnly: Bool)> = Table(
        koreanWords.map { ($0.key, ($0.value, koreanExactOnly.contains($0.key))) }
    )
    /// The first scalars of the Korean words: most Hangul words start otherwise and are skipped at once.
    static let koreanInitials: Set<UInt32> = Set(koreanWords.keys.compactMap { $0.unicodeScalars.first?.value })
    static let particles: Table<Bool> = Table(
        koreanParticles.map { ($0, koreanCoordinatingParticles.contains($0)) }
    )
    static let coordinators: Table<Bool> = Table(koreanCoordinators.map { ($0, true) })
    static let english: Table<DateWord> = Table(englishWords.map { ($0.key, $0.value) })
    static let englishCoordinators: Table<Bool> = Table(englishCoordinatorWords.map { ($0, true) })
    static let englishClauseStarters: Table<Bool> = Table(englishClauseStarterWords.map { ($0, true) })
    static let englishPast: Table<Bool> = Table(englishPastMarkers.map { ($0, true) })
    static let englishNotPast: Table<Bool> = Table(englishNotPastEd.map { ($0, true) })
    static let abbreviations: Table<Bool> = Table(englishAbbreviations.map { ($0, true) })
    /// Future markers keyed by their first word; the value is the words that must follow.
    static let englishFuture: Table<[[String]]> = {
        var byFirst: [String: [[String]]] = [:]
        for marker in englishFutureMarkers { byFirst[marker[0], default: []].append(Array(marker.dropFirst())) }
        return Table(byFirst.map { ($0.key, $0.value) })
    }()
    static let futureStems: [[Unicode.Scalar]] = koreanFutureStems.map { Array($0.unicodeScalars) }
    static let futureAfterRieul: Table<Bool> = Table(koreanFutureAfterRieul.map { ($0, true) })
    static let clauseEndings: [[Unicode.Scalar]] = koreanClauseEndings.map { Array($0.unicodeScalars) }
}
