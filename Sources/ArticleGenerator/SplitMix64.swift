/// A small, fast, seedable random number generator (SplitMix64): the same seed gives the same
/// numbers on every platform, which `SystemRandomNumberGenerator` does not.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for one article: the seed and the index mixed so neighbouring indexes differ widely.
    init(seed: UInt64, index: Int) {
        var mixer = SplitMix64(seed: seed ^ 0x9E37_79B9_7F4A_7C15)
        let first = mixer.next()
        state = first ^ (UInt64(bitPattern: Int64(index)) &* 0xD1B5_4A32_D192_ED03)
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (bound > 0).
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// A number in a closed range.
    mutating func within(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    /// An element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// `count` distinct elements of `items` (all of them when there are fewer).
    mutating func pick<T>(_ count: Int, of items: [T]) -> [T] {
        var indexes: [Int] = []
        while indexes.count < min(count, items.count) {
            let i = below(items.count)
            if !indexes.contains(i) { indexes.append(i) }
        }
        return indexes.map { items[$0] }
    }
}
