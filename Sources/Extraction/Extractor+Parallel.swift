import Foundation

extension Extractor {
    /// Extracts articles on every core, at most one task per core at a time, and returns
    /// `transform(article, extraction)` for each, in the order of `articles`.
    public func extractAll<T: Sendable>(
        _ articles: [ArticleInput], published: EDTFDate? = nil, language: Language? = nil, explain: Bool = false,
        _ transform: @escaping @Sendable (ArticleInput, ArticleExtraction) throws -> T
    ) async throws -> [T] {
        try await withThrowingTaskGroup(of: (Int, T).self) { group in
            var results = [T?](repeating: nil, count: articles.count)
            let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
            var next = 0
            func add() {
                let index = next, article = articles[index]
                next += 1
                group.addTask {
                    (index, try transform(article, self.extract(article, published: published, language: language, explain: explain)))
                }
            }
            while next < min(width, articles.count) { add() }
            while let (index, value) = try await group.next() {
                results[index] = value
                if next < articles.count { add() }
            }
            return results.map { $0! }
        }
    }
}
