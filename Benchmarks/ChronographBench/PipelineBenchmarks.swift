import ArgumentParser
import ArticleGenerator
import EventLog
import Extraction
import Foundation
import Ingest
import Postgres
import Projections

/// Ingest end to end (read, extract, append) of generated articles, into a fresh database.
struct IngestBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Generate articles, then ingest them (read, extract on every core, append) into a fresh database.")

    @Option(help: "Generated articles (about 3-6 KB each, half Korean).")
    var articles = 10_000

    @Option(help: "The benchmark database (dropped and created).")
    var database = BenchDatabase.pipeline

    func run() async throws {
        let file = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("chronograph-bench-\(articles).jsonl")
        let generator = ArticleGenerator(seed: 2024)
        var bytes = 0
        let generation = try await measure {
            _ = FileManager.default.createFile(atPath: file.path, contents: nil)
            let out = try FileHandle(forWritingTo: file)
            var buffer = Data()
            for article in generator.articles(0..<articles) {
                buffer.append(contentsOf: article.json.utf8)
                buffer.append(0x0A)
                bytes += article.text.utf8.count
                if buffer.count > 1 << 20 {
                    out.write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            out.write(buffer)
            try out.close()
        }
        let handle = try await BenchDatabase.fresh(database)
        print("ingest benchmark: \(articles) generated articles, \(bytes / max(articles, 1)) bytes each on average (generated in \(String(format: "%.1f", generation)) s)")
        print("server: \(try await BenchDatabase.describe(handle)); \(ProcessInfo.processInfo.activeProcessorCount) cores")
        let ingester = Ingester(extractor: Extractor(gazetteer: try Gazetteer.bundled()))
        let startRSS = peakResidentMiB()
        var summary = Ingester.Summary()
        let seconds = try await measure {
            summary = try await ingester.ingest(paths: [file.path], on: handle)
        }
        report("ingest end to end (read, extract, append)", count: summary.articles, unit: "articles", seconds: seconds)
        print("  \(summary.new) new, \(summary.duplicates) duplicates, \(summary.failed) failed; \(summary.events) events, \(summary.relations) relations")
        let logEvents = try await handle.withConnection { try $0.query("SELECT count(*) FROM events")[0].decode(0, as: Int.self) }
        report("  log events appended", count: logEvents, unit: "events", seconds: seconds)
        print(String(format: "peak memory: %.0f MiB (%.0f MiB before ingesting)", peakResidentMiB(), startRSS))
        try? FileManager.default.removeItem(at: file)
    }
}

/// The projector catching up from zero on the benchmark database (after `ingest`), then a full rebuild.
struct ProjectBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Project the benchmark database's log into the read models from zero, and time a full rebuild.")

    @Option(help: "The benchmark database (filled by `ingest`).")
    var database = BenchDatabase.pipeline

    @Option(help: "Log events per projection transaction.")
    var batchSize = Projector.defaultBatchSize

    @Option(help: "Events the projector keeps in memory (its event cache).")
    var cacheCapacity = Projector.defaultCacheCapacity

    @Flag(help: "Only the catch-up, not the rebuild after it.")
    var noRebuild = false

    func run() async throws {
        let handle = try await BenchDatabase.open(database)
        let events = try await handle.withConnection { try $0.query("SELECT count(*) FROM events")[0].decode(0, as: Int.self) }
        print("projection benchmark: \(events) log events, \(batchSize) per transaction")
        let projector = Projector(batchSize: batchSize, cacheCapacity: cacheCapacity)
        guard try await projector.lock(on: handle) else { return }
        // The floor, in the same run: reading the log in the projector's batches, applying nothing.
        var read = 0
        let reading = try await measure { read = try await readWholeLog(on: handle, pageSize: batchSize) }
        report("reading the log alone (the floor)", count: read, unit: "events", seconds: reading)
        var progress = Projector.Progress()
        let catchUp = try await measure { progress = try await projector.run(on: handle, rebuild: true) }
        let floor = Double(read) / reading
        report("projection (catch-up from zero)", count: progress.applied, unit: "events", seconds: catchUp,
               baseline: floor, versus: "the log read")
        let counts = try await handle.withConnection { connection in
            try connection.query("""
                SELECT (SELECT count(*) FROM graph.events), (SELECT count(*) FROM graph.sources),
                       (SELECT count(*) FROM graph.entities), (SELECT count(*) FROM graph.relations)
                """)[0]
        }
        print("  read models: \(counts[0] ?? "?") events from \(counts[1] ?? "?") sources, \(counts[2] ?? "?") entities, \(counts[3] ?? "?") relations")
        if !noRebuild {
            let rebuild = try await measure { progress = try await projector.run(on: handle, rebuild: true) }
            report("full rebuild (--rebuild)", count: progress.applied, unit: "events", seconds: rebuild, baseline: floor, versus: "the log read")
        }
        print(String(format: "peak memory: %.0f MiB", peakResidentMiB()))
    }
}

/// Multiplies the benchmark database's ingested articles into distinct copies (new article ids, new event
/// ids), so a projection can be timed on a log of a million events without extracting a million articles.
struct AmplifyBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amplify",
        abstract: "Copy the benchmark database's article streams until the log holds --events events (for a rebuild at scale).")

    @Option(help: "The benchmark database (filled by `ingest`).")
    var database = BenchDatabase.pipeline

    @Option(help: "How many log events to reach.")
    var events = 1_000_000

    func run() async throws {
        let handle = try await BenchDatabase.open(database)
        let (original, start) = try await handle.withConnection { connection in
            (try connection.query("SELECT count(*) FROM events WHERE stream LIKE 'article-%' AND stream NOT LIKE '%~%'")[0].decode(0, as: Int.self),
             try connection.query("SELECT count(*) FROM events")[0].decode(0, as: Int.self))
        }
        guard original > 0 else { throw ValidationError("run `ChronographBench ingest` first") }
        var total = start
        var copy = 1
        let seconds = try await measure {
            while total < events {
                let suffix = "~copy\(copy)"
                // Each copy is a new article: its id (and so its stream and every payload's article field) gets
                // a suffix, and every event a new id. Server-side, one statement a copy.
                total += try await handle.withConnection { connection in
                    try connection.transaction { connection in
                        try connection.query("""
                            INSERT INTO events (stream, version, id, type, data, metadata)
                            SELECT e.stream || \(suffix), e.version, gen_random_uuid(), e.type,
                                   CASE e.type
                                       WHEN 'article.ingested' THEN jsonb_set(e.data, '{id}', to_jsonb((e.data->>'id') || \(suffix)))
                                       ELSE jsonb_set(e.data, '{article}', to_jsonb((e.data->>'article') || \(suffix)))
                                   END,
                                   e.metadata
                            FROM events e
                            WHERE e.stream LIKE 'article-%' AND e.stream NOT LIKE '%~%'
                            ORDER BY e.position
                            """).affectedRows
                    }
                }
                copy += 1
            }
        }
        print("log now holds \(total) events (\(copy - 1) copies of \(original) article events, \(String(format: "%.1f", seconds)) s)")
    }
}
