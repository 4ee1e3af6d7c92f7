import Foundation

/// A lexicon of words, looked up by UTF-8 bytes with a small open-addressing table.
///
/// `Set<String>` normalises every Korean word it hashes (String equality is canonical
/// equivalence), which made lexicon lookups a large share of extraction. A word made only of code
/// points that are NFC whatever surrounds them (below U+0300, Hangul syllables, CJK ideographs)
/// is compared byte for byte with the lexicon's NFC forms: the same answer `Set<String>` gives,
/// for far less. Any other word goes to a `Set<String>`, so the answer is always the same.
final class WordMap<Value: Sendable>: Sendable {
    /// The lexicon's words in NFC, their UTF-8 bytes, and values; the table holds indices into these.
    private let keys: [[UInt8]]
    private let values: [Value]
    /// The hash of each key.
    private let hashes: [UInt64]
    /// Index + 1 into `keys`, 0 for an empty slot; a power of two long, at most half full.
    private let slots: [Int32]
    private let mask: Int
    /// The words as given, for lookups of words that are not surely NFC.
    private let fallback: [String: Value]
    /// The words as given, in order.
    let words: [String]

    init(_ pairs: some Sequence<(String, Value)>) {
        var fallback: [String: Value] = [:]
        var words: [String] = []
        for (word, value) in pairs where fallback[word] == nil {
            fallback[word] = value
            words.append(word)
        }
        var keys: [[UInt8]] = []
        var values: [Value] = []
        var seen = Set<[UInt8]>()
        for word in words {
            let bytes = Array(word.precomposedStringWithCanonicalMapping.utf8)
            // Canonically equivalent spellings: the first one's value, as in a dictionary keyed by String.
            guard seen.insert(bytes).inserted else { continue }
            keys.append(bytes)
            values.append(fallback[word]!)
        }
        var size = 8
        while size < keys.count * 2 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        for (index, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: key.withUnsafeBufferPointer { WordMap.hash($0) }) & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(index + 1)
        }
        self.keys = keys
        self.hashes = keys.map { key in key.withUnsafeBufferPointer { WordMap.hash($0) } }
        self.values = values
        self.slots = slots
        self.mask = size - 1
        self.fallback = fallback
        self.words = words
    }

    /// FNV-1a over the bytes.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return h
    }

    /// The FNV-1a hash of the UTF-8 bytes, or nil when a code point may change under NFC
    /// depending on its neighbours (anything but U+0000–U+02FF, Hangul syllables, CJK ideographs).
    @inline(__always)
    static func hashIfSurelyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                h = (h ^ UInt64(b)) &* 0x100_0000_01b3
                i += 1
            } else if b < 0xE0 {
                // Two bytes: U+0080–U+07FF; below U+0300 means a lead byte below 0xCC.
                guard b < 0xCC, i + 1 < n else { return nil }
                h = (h ^ UInt64(b)) &* 0x100_0000_01b3
                h = (h ^ UInt64(bytes[i + 1])) &* 0x100_0000_01b3
                i += 2
            } else if b < 0xF0, i + 2 < n {
                let b1 = bytes[i + 1]
                let b2 = bytes[i + 2]
                let v = UInt32(b & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)
                guard (0xAC00...0xD7A3).contains(v) || (0x4E00...0x9FFF).contains(v) else { return nil }
                h = (h ^ UInt64(b)) &* 0x100_0000_01b3
                h = (h ^ UInt64(b1)) &* 0x100_0000_01b3
                h = (h ^ UInt64(b2)) &* 0x100_0000_01b3
                i += 3
            } else {
                return nil
            }
        }
        return h
    }

    /// The value of `word`, as `[String: Value]` would give it.
    @inline(__always)
    func value(_ word: String) -> Value? { find(word) }

    @inline(__always)
    func value(_ word: Substring) -> Value? { find(word) }

    subscript(_ word: String) -> Value? { find(word) }

    subscript(_ word: Substring) -> Value? { find(word) }

    private func find(_ word: some StringProtocol) -> Value? {
        // The index of the entry; -1 when the word must go to the fallback; nil when not found.
        let found: Int?? = word.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard let hash = WordMap.hashIfSurelyNFC(bytes) else { return -1 }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = Int(slots[slot])
                if entry == 0 { return nil }
                if hashes[entry - 1] == hash, keys[entry - 1].withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) {
                    return entry - 1
                }
                slot = (slot + 1) & mask
            }
        }
        switch found {
        case .some(.some(let index)) where index >= 0: return values[index]
        case .some(.none): return nil
        default: return fallback[String(word)]
        }
    }
}

/// A lexicon of words with `Set<String>`'s answers and a faster lookup (see `WordMap`).
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private let table: WordMap<Bool>

    init(_ words: some Sequence<String>) {
        table = WordMap(words.map { ($0, true) })
    }

    init(arrayLiteral words: String...) {
        self.init(words)
    }

    @inline(__always)
    func contains(_ word: String) -> Bool { table.value(word) != nil }

    @inline(__always)
    func contains(_ word: Substring) -> Bool { table.value(word) != nil }

    /// The words of both sets.
    func union(_ other: WordSet) -> WordSet {
        WordSet(table.words + other.table.words)
    }

    var isEmpty: Bool { table.words.isEmpty }

    /// The words as given, in order.
    var words: [String] { table.words }
}
