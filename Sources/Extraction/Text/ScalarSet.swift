/// A set of code points tested with one bit lookup: the lexicons' filters ('the last syllables of
/// office nouns') and the tokenizer's punctuation run once per word or per code point, where
/// hashing a `Set<Unicode.Scalar>` would cost more than the test it guards.
struct ScalarSet: Sendable, ExpressibleByArrayLiteral {
    /// One bit per code point, up to the largest member.
    private let bits: [UInt64]

    init(_ scalars: some Sequence<Unicode.Scalar>) {
        let values = scalars.map(\.value)
        var bits = [UInt64](repeating: 0, count: Int((values.max() ?? 0) >> 6) + 1)
        for value in values { bits[Int(value >> 6)] |= 1 << UInt64(value & 63) }
        self.bits = bits
    }

    init(arrayLiteral scalars: Unicode.Scalar...) {
        self.init(scalars)
    }

    @inline(__always)
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let word = Int(scalar.value >> 6)
        return word < bits.count && bits[word] & (1 << UInt64(scalar.value & 63)) != 0
    }
}
