import ArgumentParser
import ChronographDatabase
import EventLog
import Foundation
import Postgres

struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Append to, read and inspect the append-only event log.",
        subcommands: [Append.self, Read.self, Stats.self]
    )

    struct Append: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Append events to a stream, or many from JSON lines on stdin.",
            discussion: """
                One event: chronograph log append STREAM --type T --data JSON [--metadata JSON] [--id UUID] \
                [--expected-version any|none|N]

                Many: chronograph log append --jsonl - < events.jsonl, one {"stream","type","data","metadata"?,"id"?,\
                "expected_version"?} per line, appended in transactions of --batch-size lines. A line the log refuses \
                (bad JSON, wrong expected version, an id already on another stream) is reported with its number and \
                skipped; the exit status is then 1.
                """
        )

        @Argument(help: "The stream to append to (its category is the name before the first '-').")
        var stream: String?

        @Option(help: "The event's type.")
        var type: String?

        @Option(help: "The event's data, a JSON value.")
        var data: String?

        @Option(help: "The event's metadata, a JSON object.")
        var metadata: String?

        @Option(help: "The event's id (a UUID); re-appending the same id to the same stream does nothing.")
        var id: String?

        @Option(help: "any, none (the stream must not exist) or N (the stream's last version).")
        var expectedVersion: String = "any"

        @Option(help: "Read JSON lines from this file, or - for stdin.")
        var jsonl: String?

        @Option(help: "Lines per transaction with --jsonl.")
        var batchSize: Int = 1000

        func validate() throws {
            if jsonl != nil {
                guard stream == nil, type == nil, data == nil else {
                    throw ValidationError("--jsonl reads streams, types and data from its lines: give no STREAM, --type or --data")
                }
                guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
                return
            }
            guard stream != nil else { throw ValidationError("give a STREAM (or --jsonl -)") }
            guard type != nil else { throw ValidationError("give the event's --type") }
            guard let data else { throw ValidationError("give the event's --data (JSON)") }
            try checkJSON(data, what: "--data")
            if let metadata { try checkJSON(metadata, what: "--metadata", object: true) }
            if let id, UUID(uuidString: id) == nil { throw ValidationError("--id '\(id)' is not a UUID") }
            if ExpectedVersion(argument: expectedVersion) == nil {
                throw ValidationError("--expected-version must be any, none or a version number, not '\(expectedVersion)'")
            }
        }

        func run() async throws {
            let handle = try await DatabaseConnector().connect()
            if let jsonl {
                try await appendLines(from: jsonl, handle: handle)
                return
            }
            let event = NewEvent(id: id.flatMap(UUID.init(uuidString:)) ?? UUID(), type: type!, data: data!, metadata: metadata)
            let request = AppendRequest(stream: stream!, events: [event], expectedVersion: ExpectedVersion(argument: expectedVersion)!)
            let (version, status): (Int64, String) = switch try await handle.withConnection({ try EventStore().append([request], on: $0)[0] }) {
            case .appended(_, _, let last, _): (last, "appended")
            case .alreadyAppended(_, let last): (last, "already_appended")
            case .rejected(let error): throw error
            }
            print("{\"stream\":\(jsonString(request.stream)),\"version\":\(version),\"id\":\"\(event.id.uuidString.lowercased())\",\"status\":\"\(status)\"}")
        }

        private func appendLines(from path: String, handle: ConnectionHandle) async throws {
            guard let input = LineReader(path: path) else { throw ValidationError("cannot open \(path)") }
            let source = path == "-" ? "stdin" : path
            var appended = 0, already = 0, rejected = 0
            var batch: [(line: Int, request: AppendRequest)] = []
            func flush() async throws {
                guard !batch.isEmpty else { return }
                let requests = batch.map(\.request)
                let outcomes = try await handle.withConnection { try EventStore().append(requests, on: $0) }
                for (item, outcome) in zip(batch, outcomes) {
                    switch outcome {
                    case .appended(_, let first, let last, _): appended += Int(last - first + 1)
                    case .alreadyAppended: already += item.request.events.count
                    case .rejected(let error):
                        rejected += 1
                        printError("\(source):\(item.line): \(error)")
                    }
                }
                batch.removeAll(keepingCapacity: true)
            }
            var lineNumber = 0
            while let line = input.next() {
                lineNumber += 1
                if line.allSatisfy(\.isWhitespace) { continue }
                do {
                    batch.append((lineNumber, try Self.request(fromLine: line)))
                } catch {
                    rejected += 1
                    printError("\(source):\(lineNumber): \(error)")
                }
                if batch.count >= batchSize { try await flush() }
            }
            try await flush()
            print("{\"appended\":\(appended),\"already_appended\":\(already),\"rejected\":\(rejected)}")
            if rejected > 0 { throw ExitCode(1) }
        }

        static func request(fromLine line: String) throws -> AppendRequest {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw ValidationError("not a JSON object")
            }
            guard let stream = object["stream"] as? String, !stream.isEmpty else { throw ValidationError("missing \"stream\"") }
            guard let type = object["type"] as? String, !type.isEmpty else { throw ValidationError("missing \"type\"") }
            guard let data = object["data"] else { throw ValidationError("missing \"data\"") }
            var metadataText: String?
            if let metadata = object["metadata"], !(metadata is NSNull) {
                guard metadata is [String: Any] else { throw ValidationError("\"metadata\" must be an object") }
                metadataText = try jsonText(metadata)
            }
            var id = UUID()
            if let idText = object["id"] {
                guard let text = idText as? String, let parsed = UUID(uuidString: text) else { throw ValidationError("\"id\" is not a UUID") }
                id = parsed
            }
            var expected = ExpectedVersion.any
            if let value = object["expected_version"], !(value is NSNull) {
                let text = (value as? String) ?? (value as? NSNumber).map { $0.stringValue } ?? ""
                guard let parsed = ExpectedVersion(argument: text) else {
                    throw ValidationError("\"expected_version\" must be \"any\", \"none\" or a number")
                }
                expected = parsed
            }
            let event = NewEvent(id: id, type: type, data: try jsonText(data), metadata: metadataText)
            return AppendRequest(stream: stream, events: [event], expectedVersion: expected)
        }

        private static func jsonText(_ value: Any) throws -> String {
            let data = try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self)
        }
    }

    struct Read: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print events in commit-safe order: all, one stream, a category or a type.",
            discussion: """
                Events come in (transaction, position) order, which never skips an event a slow writer commits late. \
                With --follow, new events print as they commit until SIGINT or SIGTERM (exit status 0).
                JSON lines carry position, stream, version, type, id, data, metadata, recorded_at and xid.
                """
        )

        @Option(help: "Only events at or after this global position.")
        var from: Int64 = 0

        @Option(help: "Only this stream.")
        var stream: String?

        @Option(help: "Only streams of this category (the stream name before the first '-').")
        var category: String?

        @Option(help: "Only events of this type.")
        var type: String?

        @Option(help: "Stop after this many events.")
        var limit: Int?

        @Flag(help: "Keep printing new events as they are committed.")
        var follow = false

        @Option(help: "jsonl or table.")
        var format: RecordFormat = .jsonl

        func validate() throws {
            if [stream, category, type].compactMap({ $0 }).count > 1 {
                throw ValidationError("give at most one of --stream, --category and --type")
            }
            if let limit, limit <= 0 { throw ValidationError("--limit must be positive") }
        }

        func run() async throws {
            let stop = StopSignal()
            let handle = try await DatabaseConnector().connect()
            let filter: EventFilter =
                stream.map(EventFilter.stream) ?? category.map(EventFilter.category) ?? type.map(EventFilter.type) ?? .all
            let output = StandardOutput()
            var remaining = limit ?? Int.max
            if format == .table {
                output.write(Self.tableLine(["POSITION", "STREAM", "VERSION", "TYPE", "RECORDED", "DATA"]))
            }
            func emit(_ events: [RecordedEvent]) {
                for event in events.prefix(remaining) {
                    output.write(format == .jsonl ? Self.jsonLine(event) : Self.tableLine(event))
                }
                remaining -= min(remaining, events.count)
                output.flush()
            }
            if follow {
                let follower = LogFollower(filter: filter, fromPosition: from, batchSize: min(1000, remaining))
                do {
                    try await follower.follow(on: handle, shouldStop: { stop.isStopped }) { events in
                        emit(events)
                        if remaining == 0 { throw CancellationError() }
                    }
                } catch is CancellationError where remaining == 0 {
                    // --limit reached: a normal end.
                }
                return
            }
            // Everything committed when the command started, waiting a little for events an older open
            // transaction still holds behind the horizon.
            output.flush()
            let limit = remaining, from = from, jsonl = format == .jsonl
            try await handle.withConnection { connection in
                // Printed from the connection's thread, as the batches come; nothing else prints meanwhile.
                let output = StandardOutput()
                var left = limit
                try EventStore().readCommitted(filter: filter, fromPosition: from, batchSize: min(1000, limit), on: connection) { batch in
                    for event in batch.prefix(left) {
                        output.write(jsonl ? Self.jsonLine(event) : Self.tableLine(event))
                    }
                    left -= min(left, batch.count)
                    return left > 0
                }
                output.flush()
            }
        }

        static func jsonLine(_ event: RecordedEvent) -> String {
            "{\"position\":\(event.position),\"stream\":\(jsonString(event.stream)),\"version\":\(event.version),"
                + "\"type\":\(jsonString(event.type)),\"id\":\"\(event.id.uuidString.lowercased())\",\"data\":\(event.data),"
                + "\"metadata\":\(event.metadata ?? "null"),\"recorded_at\":\"\(event.recordedAt)\",\"xid\":\"\(event.xid)\"}"
        }

        static func tableLine(_ event: RecordedEvent) -> String {
            let data = event.data.count > 60 ? String(event.data.prefix(57)) + "..." : event.data
            return tableLine([String(event.position), event.stream, String(event.version), event.type, event.recordedAt, data])
        }

        /// Fixed column widths, so a followed table lines up without knowing the rows to come.
        static func tableLine(_ cells: [String]) -> String {
            let widths = [9, 28, 8, 22, 28]
            return zip(cells, widths + [0]).map { cell, width in
                width == 0 || cell.count >= width ? cell + (width == 0 ? "" : " ") : cell + String(repeating: " ", count: width - cell.count)
            }.joined()
        }
    }

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count events and streams, and show how far readers are held back by open transactions.")

        @Option(help: "table or json.")
        var format: DocumentFormat = .table

        func run() async throws {
            let handle = try await DatabaseConnector().connect()
            let stats = try await handle.withConnection { try EventStore().stats(on: $0) }
            switch format {
            case .json:
                try printJSON(stats)
            case .table:
                print(renderTable(header: ["", ""], rows: [
                    ["events", String(stats.events)],
                    ["streams", String(stats.streams)],
                    ["last position", stats.lastPosition.map(String.init) ?? "-"],
                    ["watermark xid", String(stats.watermarkXid)],
                    ["events behind watermark", String(stats.eventsBehindWatermark)],
                    ["oldest open transaction", String(format: "%.1f s", stats.oldestOpenTransactionSeconds)],
                ]).split(separator: "\n").dropFirst().joined(separator: "\n"))
            }
        }
    }
}

/// Refuses text that is not JSON (an object when `object` is set), naming the option.
func checkJSON(_ text: String, what: String, object: Bool = false) throws {
    guard let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else {
        throw ValidationError("\(what) is not valid JSON: \(text.prefix(60))")
    }
    if object, !(value is [String: Any]) { throw ValidationError("\(what) must be a JSON object") }
}
