import EventLog
import EventCatalog
public import Extraction
import Foundation
public import Logging
public import Postgres

/// Reads articles, extracts their facts on every core, and appends each article's facts to its own
/// stream (`article-<id>`, expected version "no stream") in batched transactions.
///
/// The same article again (renamed, CRLF, a .json envelope of the same text) has the same id and is
/// reported as a duplicate; a bad input is reported, recorded in the log (`article.failed`) and skipped.
/// Memory stays flat: articles are read lazily and handled a batch at a time.
public struct Ingester: Sendable {
    /// What happened to the inputs.
    public struct Summary: Codable, Sendable, Hashable {
        public var articles = 0
        public var new = 0
        public var duplicates = 0
        public var failed = 0
        public var events = 0
        public var relations = 0
        public init() {}
    }

    /// A note about one input, for the caller to show.
    public enum Notice: Sendable {
        case duplicate(source: String, article: String)
        case failed(InputError)
        case warning(source: String, message: String)
    }

    public var extractor: Extractor
    public var published: EDTFDate?
    public var language: Language?
    /// Articles per transaction.
    public var batchSize: Int
    public let logger: Logger

    public init(extractor: Extractor, published: EDTFDate? = nil, language: Language? = nil, batchSize: Int = 200,
                logger: Logger = Logger(label: "chronograph.ingest")) {
        self.extractor = extractor
        self.published = published
        self.language = language
        self.batchSize = batchSize
        self.logger = logger
    }

    /// Ingests everything under `paths` ("-" is standard input). `notice` hears of duplicates, failures and warnings; `progress`
    /// gets the running summary and how many input files are done, after each batch.
    public func ingest(
        paths: [String], on handle: ConnectionHandle,
        notice: @escaping @Sendable (Notice) -> Void = { _ in },
        progress: @Sendable (Summary, _ filesDone: Int, _ files: Int) -> Void = { _, _, _ in }
    ) async throws -> Summary {
        let reader = ArticleReader()
        // Each path's files are found now (for the count) and read as reached; "-" is standard input.
        let perPath = paths.map { $0 == "-" ? nil : reader.articles(for: [$0]) }
        let files = perPath.reduce(0) { $0 + ($1?.files.count ?? 1) }
        let inputs = perPath.lazy.flatMap { stream in
            stream.map(AnySequence.init) ?? AnySequence(reader.read(stdin: FileHandle.standardInput.readDataToEndOfFile()))
        }
        var summary = Summary()
        var pending: [ArticleInput] = []
        var failures: [InputError] = []
        // Files come one after another, so counting changes of source counts the files reached (in
        // constant memory, whatever the corpus).
        var filesReached = 0
        var lastSource: String?
        func reached(_ source: String) {
            if source != lastSource {
                filesReached += 1
                lastSource = source
            }
        }
        for item in inputs {
            switch item {
            case .success(let article):
                pending.append(article)
                reached(article.source)
            case .failure(let error) where error.articleKept:
                notice(.warning(source: error.source, message: error.description))
            case .failure(let error):
                failures.append(error)
                reached(error.source)
            }
            if pending.count >= batchSize || failures.count >= batchSize {
                try await flush(&pending, &failures, into: &summary, on: handle, notice: notice)
                progress(summary, filesReached, files)
            }
        }
        try await flush(&pending, &failures, into: &summary, on: handle, notice: notice)
        progress(summary, files, files)
        return summary
    }

    private func flush(
        _ pending: inout [ArticleInput], _ failures: inout [InputError], into summary: inout Summary,
        on handle: ConnectionHandle, notice: @Sendable (Notice) -> Void
    ) async throws {
        let articles = pending, errors = failures
        pending.removeAll(keepingCapacity: true)
        failures.removeAll(keepingCapacity: true)
        guard !articles.isEmpty || !errors.isEmpty else { return }

        let facts = try await extractor.extractAll(articles, published: published, language: language) {
            try ArticleFacts($1, text: $0.text)
        }
        var requests = facts.map(\.request)
        for error in errors {
            notice(.failed(error))
            let key = EventCatalog.deterministicID("\(error.source):\(error.line ?? 0):\(error.message)").uuidString.lowercased()
            let payload = ArticleFailed(source: error.source, line: error.line, reason: error.message)
            let data = String(decoding: try JSONEncoder().encode(payload), as: UTF8.self)
            requests.append(AppendRequest(
                stream: EventCatalog.Streams.failure(key),
                events: [NewEvent(id: EventCatalog.deterministicID("failure:\(key)"), type: EventCatalog.EventTypeName.articleFailed, data: data)]))
        }
        let batch = requests
        let outcomes = try await handle.withConnection { try EventStore().append(batch, on: $0) }
        summary.failed += errors.count
        for (index, fact) in facts.enumerated() {
            summary.articles += 1
            switch outcomes[index] {
            case .appended:
                summary.new += 1
                summary.events += fact.events
                summary.relations += fact.relations
            case .alreadyAppended:
                summary.duplicates += 1
                notice(.duplicate(source: articles[index].source, article: fact.article))
            case .rejected(let error) where error.code == .wrongExpectedVersion:
                summary.duplicates += 1
                notice(.duplicate(source: articles[index].source, article: fact.article))
            case .rejected(let error):
                summary.failed += 1
                notice(.failed(InputError(source: articles[index].source, line: articles[index].line, code: .unreadable, message: "not appended: \(error)")))
            }
        }
    }

    /// Extracts on every core, one task per article, results in input order.
}

extension Ingester {
    /// An input that could not be ingested, as the log recorded it.
    public struct Failure: Sendable, Hashable, Codable {
        public var source: String
        public var line: Int?
        public var reason: String
        public var recordedAt: String

        enum CodingKeys: String, CodingKey {
            case source, line, reason
            case recordedAt = "recorded_at"
        }
    }

    /// Every failure recorded by ingest, oldest first (read from the log itself).
    public static func failures(on connection: Connection) throws -> [Failure] {
        let decoder = JSONDecoder()
        return try EventStore().readCommitted(filter: .category(EventCatalog.Streams.failureCategory), on: connection)
            .filter { $0.type == EventCatalog.EventTypeName.articleFailed }
            .map { event in
                let payload = try decoder.decode(ArticleFailed.self, from: Data(event.data.utf8))
                return Failure(source: payload.source, line: payload.line, reason: payload.reason, recordedAt: event.recordedAt)
            }
    }
}
