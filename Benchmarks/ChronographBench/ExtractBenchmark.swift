import ArgumentParser
import Extraction
import Foundation

/// Extraction alone, on one core: Korean and English sample articles padded to about 5 KB
/// (their paragraphs repeated), articles per second and peak memory. Prints figures, asserts nothing.
struct ExtractBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract", abstract: "Extraction throughput on one core.")

    @Option(help: "The folder of sample articles.")
    var samples = "samples/articles"

    @Option(help: "Seconds to run each language.")
    var seconds = 5.0

    @Option(help: "Target article size in bytes.")
    var size = 5_000

    @Option(help: "Write the extraction of every sample (unpadded, with the explain trace) to this file and stop: a speed-up must leave it unchanged.")
    var dump: String?

    func run() async throws {
        let reader = ArticleReader()
        let extractor = Extractor(gazetteer: try Gazetteer.bundled())
        if let dump {
            var outputs: [ArticleExtraction] = []
            for case .success(let article) in reader.articles(for: [samples]) {
                outputs.append(extractor.extract(article, published: EDTFDate(year: 2024, month: 11, day: 26), explain: true))
                outputs.append(extractor.extract(article, explain: true))
            }
            try ExtractionJSON.document(outputs).write(toFile: dump, atomically: true, encoding: .utf8)
            return
        }
        var byLanguage: [Language: [ArticleInput]] = [:]
        for case .success(let article) in reader.articles(for: [samples]) {
            let language = article.language ?? Language.detect(article.text)
            byLanguage[language, default: []].append(Self.padded(article, to: size))
        }
        print("extraction on one core, articles padded to about \(size) bytes (target 1,000 articles/s per core)")
        for language in [Language.ko, .en] {
            let articles = byLanguage[language] ?? []
            guard !articles.isEmpty else {
                print("\(language.rawValue): no sample articles in \(samples)")
                continue
            }
            let published = EDTFDate(year: 2024, month: 11, day: 26)
            // Warm up: the gazetteer and lexicons load once.
            for article in articles { _ = extractor.extract(article, published: published) }
            var count = 0
            var events = 0
            var bytes = 0
            var cpu = 0.0
            let elapsed = await measure {
                let cpuStart = threadCPUSeconds()
                defer { cpu = threadCPUSeconds() - cpuStart }
                let start = DispatchTime.now().uptimeNanoseconds
                while Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < seconds {
                    for article in articles {
                        events += extractor.extract(article, published: published).events.count
                        bytes += article.text.utf8.count
                        count += 1
                    }
                }
            }
            report(
                "\(language.rawValue) (\(articles.count) articles, avg \(bytes / max(count, 1)) B)", count: count,
                unit: "articles", seconds: elapsed
            )
            // CPU time of this thread: the figure a busy, shared machine disturbs least.
            print(String(
                format: "    %.1f MB/s, %d events; %.1f articles per CPU second", Double(bytes) / elapsed / 1e6, events,
                Double(count) / max(cpu, 1e-9)
            ))
        }
        print(String(format: "peak resident memory: %.1f MiB", peakResidentMiB()))
    }

    /// The article with its paragraphs repeated until it is about `size` bytes.
    static func padded(_ article: ArticleInput, to size: Int) -> ArticleInput {
        var padded = article
        let body = article.text
        guard body.utf8.count < size, !body.isEmpty else { return padded }
        var text = body
        while text.utf8.count < size { text += "\n\n" + body }
        padded.text = text
        return padded
    }
}
