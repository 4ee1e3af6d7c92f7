import ArgumentParser
import EventLog
import Foundation
import Postgres

/// The event log against PostgreSQL's own COPY, in one run on one database:
/// (1) COPY of the same rows into a plain table with the same indexes (the baseline),
/// (2) batched appends, (3) single appends with an expected version, one transaction each,
/// (4) reading the whole log in (xid, position) order.
struct LogBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "Event log append and read throughput.")

    @Option(help: "Events for the COPY baseline and the batched appends.")
    var events = 200_000

    @Option(help: "Events per transaction for COPY and batched appends.")
    var batch = 1_000

    @Option(help: "Events per stream in batched appends (an article's facts are about ten).")
    var perStream = 10

    @Option(help: "Single appends, one transaction each.")
    var singles = 10_000

    func run() async throws {
        let handle = try await BenchDatabase.fresh("chronograph_bench")
        try await handle.withConnection { connection in
            // The baseline: a plain table with the same columns and the same indexes, no triggers, no checks.
            try connection.run(script: """
                CREATE TABLE copy_baseline (
                    position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
                    stream text NOT NULL,
                    category text NOT NULL GENERATED ALWAYS AS (split_part(stream, '-', 1)) STORED,
                    version bigint NOT NULL, id uuid NOT NULL UNIQUE, type text NOT NULL,
                    data jsonb NOT NULL, metadata jsonb, recorded_at timestamptz NOT NULL DEFAULT now(),
                    UNIQUE (stream, version));
                CREATE INDEX ON copy_baseline (xid, position);
                CREATE INDEX ON copy_baseline (category, xid, position);
                CREATE INDEX ON copy_baseline (type, xid, position);
                """)
        }
        let settings = try await BenchDatabase.describe(handle)
        print("chronograph log benchmark: \(events) events, \(batch) per transaction, \(perStream) per stream; \(singles) single appends")
        print("server: \(settings)")

        let data = "{\"type\":\"office.opened\",\"actor\":{\"id\":\"org/openai\",\"name\":\"OpenAI\"},\"place\":\"London\",\"date\":\"2023-06\",\"evidence\":\"지난해 6월 처음으로 영국 런던에 지사를 연 이후\"}"
        let metadata = "{\"extractor\":\"chronograph\",\"version\":\"1\"}"
        func makeBatch(_ index: Int) -> [AppendRequest] {
            (0..<(batch / perStream)).map { s in
                AppendRequest(
                    stream: "article-\(index)-\(s)",
                    events: (0..<perStream).map { _ in NewEvent(type: "event.reported", data: data, metadata: metadata) },
                    expectedVersion: .noStream)
            }
        }
        let batches = events / batch

        // (1) COPY baseline.
        let copySeconds = try await measure {
            for index in 0..<batches {
                let requests = makeBatch(index)
                try await handle.withConnection { connection in
                    try connection.transaction { connection in
                        try connection.copyIn("COPY copy_baseline (stream, version, id, type, data, metadata) FROM STDIN") { writer in
                            for request in requests {
                                for (version, event) in request.events.enumerated() {
                                    writer.field(request.stream)
                                    writer.field(version)
                                    writer.field(event.id)
                                    writer.field(event.type)
                                    writer.field(event.data)
                                    writer.field(event.metadata)
                                    writer.endRow()
                                }
                            }
                        }
                    }
                }
            }
        }
        let copyRate = Double(batches * batch) / copySeconds
        report("(1) COPY into a plain table, same indexes", count: batches * batch, unit: "events", seconds: copySeconds)

        // (2) Batched appends.
        let store = EventStore()
        let batchedSeconds = try await measure {
            for index in 0..<batches {
                let requests = makeBatch(index)
                let outcomes = try await handle.withConnection { try store.append(requests, on: $0) }
                precondition(outcomes.allSatisfy { $0.error == nil })
            }
        }
        report("(2) batched appends (\(batch)/transaction)", count: batches * batch, unit: "events", seconds: batchedSeconds, baseline: copyRate)

        // (3) Single appends with an expected version, one transaction each. The loop runs on the
        //     connection's own thread, as a writer service would (one hop per append into Swift's async
        //     world would measure the hop, not the log).
        let streams = max(1, singles / 20)
        let singles = singles
        let singleSeconds = try await measure {
            try await handle.withConnection { connection in
                var versions = [Int64?](repeating: nil, count: streams)
                for index in 0..<singles {
                    let s = index % streams
                    let expected: ExpectedVersion = versions[s].map { .exactly($0) } ?? .noStream
                    let event = NewEvent(type: "event.reported", data: data, metadata: metadata)
                    try store.append([event], to: "single-\(s)", expectedVersion: expected, on: connection)
                    versions[s] = (versions[s] ?? -1) + 1
                }
            }
        }
        report("(3) single appends, expected version", count: singles, unit: "events", seconds: singleSeconds, baseline: copyRate)

        // (4) Reading the whole log.
        var readCount = 0
        let readSeconds = try await measure { readCount = try await readWholeLog(on: handle, pageSize: 5_000) }
        report("(4) reading the whole log", count: readCount, unit: "events", seconds: readSeconds, baseline: copyRate)
        print(String(format: "peak memory of this process: %.0f MiB", peakResidentMiB()))
    }
}
