import Extraction

/// Makes realistic Korean and English news articles with known events: agreements signed, offices
/// opened and announced, executives' visits, among background, quotes, market talk, sentences that
/// look like events and are not, and sometimes site furniture.
///
/// An article depends only on the seed and its index, so any range can be generated anywhere, in
/// any order, on any number of threads. Names come from the bundled gazetteer, so the canonical names
/// of the expected events are the ones extraction reports.
public struct ArticleGenerator: Sendable {
    /// The seed every article derives from.
    public let seed: UInt64
    let bank: NameBank

    /// A generator; the bundled gazetteer is loaded once per process.
    public init(seed: UInt64) {
        self.seed = seed
        self.bank = .bundled
    }

    /// The article at `index`: the same for the same seed and index, about 3 to 6 KB of UTF-8.
    public func article(_ index: Int) -> GeneratedArticle {
        var composer = ArticleComposer(bank: bank, index: index, rng: SplitMix64(seed: seed, index: index))
        return composer.compose()
    }

    /// The articles of `range`, generated lazily as the sequence is iterated.
    public func articles(_ range: Range<Int>) -> some Sequence<GeneratedArticle> {
        range.lazy.map { article($0) }
    }
}
