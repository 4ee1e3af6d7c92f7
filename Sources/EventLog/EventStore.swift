import Foundation
#if canImport(Glibc)
import Glibc
#endif
public import Postgres

/// The append-only event log in PostgreSQL (table `events`, migration 0001).
///
/// Calls block on the given ``Connection``: run them through a `ConnectionHandle`.
///
/// Appending: every stream of a batch is locked with a transaction-level advisory lock, in one sorted
/// order, before the transaction writes anything, so the transaction gets its xid only after it holds
/// the locks. Stream order and xid order therefore agree, which is what lets readers order by
/// (xid, position). See docs/event-log.md.
public struct EventStore: Sendable {
    /// The channel appends notify, once per transaction.
    public static let notificationChannel = "chronograph_events"
    /// Batches at least this large are written with COPY, smaller ones with one INSERT.
    public static let copyThreshold = 64

    public init() {}

    /// The category of a stream: its name up to the first '-'.
    public static func category(of stream: String) -> String {
        guard let dash = stream.firstIndex(of: "-") else { return stream }
        return String(stream[..<dash])
    }

    // MARK: - Appending

    /// Appends to one stream, atomically, and throws if the log refuses.
    @discardableResult
    public func append(
        _ events: [NewEvent], to stream: String, expectedVersion: ExpectedVersion = .any, on connection: Connection
    ) throws -> AppendOutcome {
        let outcome = try append([AppendRequest(stream: stream, events: events, expectedVersion: expectedVersion)], on: connection)[0]
        if let error = outcome.error { throw error }
        return outcome
    }

    /// Appends many requests in one transaction (joining the caller's, if one is open).
    ///
    /// Every request is checked before anything is written; a refused request comes back as
    /// `.rejected` and writes nothing, the others are appended. Requests for one stream apply in order.
    public func append(_ requests: [AppendRequest], on connection: Connection) throws -> [AppendOutcome] {
        guard !requests.isEmpty else { return [] }
        for request in requests {
            if let problem = validate(request) { return rejectAll(requests, problem: problem, on: request) }
        }
        let small = requests.reduce(0) { $0 + $1.events.count } < EventStore.copyThreshold
        if small && !connection.inTransaction {
            return requests.count == 1
                ? [try appendOne(requests[0], on: connection)]
                : try appendPipelined(requests, on: connection)
        }
        return try connection.transaction { connection in
            try appendLocked(requests, on: connection)
        }
    }

    /// One stream's append in one call of `chronograph_append` (migration 0001), which applies the same
    /// rules as ``decide(_:state:existing:seenInBatch:rows:)`` server-side: one round trip and the commit.
    private func appendOne(_ request: AppendRequest, on connection: Connection) throws -> AppendOutcome {
        let expected: Int64? = switch request.expectedVersion {
        case .any: nil
        case .noStream: -1
        case .exactly(let version): version
        }
        let events = request.events
        let row = try reportingDuplicates {
            try connection.preparedQuery("""
                SELECT outcome, first_version, last_version, skipped, actual, other_stream, other_id
                FROM chronograph_append(\(request.stream), \(expected)::int8, \(PostgresArray(events.map(\.id)))::uuid[],
                                        \(PostgresArray(events.map(\.type)))::text[], \(PostgresArray(events.map(\.data)))::jsonb[],
                                        \(PostgresArray(events.map(\.metadata)))::jsonb[])
                """)[0]
        }
        let stream = request.stream
        let actual: Int64? = try row.decodeIfPresent("actual")
        switch row["outcome"] {
        case "appended":
            return .appended(stream: stream, firstVersion: try row.decode("first_version"), lastVersion: try row.decode("last_version"),
                             skipped: try row.decode("skipped"))
        case "already_appended":
            return .alreadyAppended(stream: stream, lastVersion: try row.decode("last_version"))
        case "wrong_expected_version":
            return .rejected(EventLogError(
                code: .wrongExpectedVersion,
                message: "stream \(stream): expected version \(request.expectedVersion), found \(actual.map(String.init) ?? "none (no stream)")",
                stream: stream, expected: request.expectedVersion, actual: actual))
        case "duplicate_id":
            let id: UUID? = try row.decodeIfPresent("other_id")
            return .rejected(EventLogError(
                code: .duplicateEventID,
                message: "event id \(id.map { "\($0)" } ?? "?") is already in the log on stream \(row["other_stream"] ?? "?"), not \(stream)",
                stream: stream, eventID: id))
        default:
            return .rejected(EventLogError(code: .duplicateEventID, message: "an event id appears twice in one append", stream: stream))
        }
    }

    /// A small append in its own transaction, in two round trips: BEGIN with the locks and reads, then
    /// the insert with COMMIT. The decisions are the same as ``appendLocked(_:on:)``'s.
    private func appendPipelined(_ requests: [AppendRequest], on connection: Connection) throws -> [AppendOutcome] {
        let streams = Self.lockOrder(requests)
        let ids = requests.flatMap { $0.events.map(\.id) }
        do {
            let results = try connection.pipeline(["BEGIN", Self.lockStatement(streams, ids)])
            let locked = try Self.parseLock(results[1])
            let (outcomes, rows, _) = decideAll(requests, state: locked.state, existing: locked.existing)
            guard !rows.isEmpty else {
                try connection.run(script: "COMMIT")
                return outcomes
            }
            try reportingDuplicates { try connection.pipeline([Self.insertStatement(rows), "COMMIT"]) }
            return outcomes
        } catch {
            try? connection.run(script: "ROLLBACK")
            throw error
        }
    }

    private func rejectAll(_ requests: [AppendRequest], problem: EventLogError, on bad: AppendRequest) -> [AppendOutcome] {
        requests.map { $0 == bad ? .rejected(problem) : .rejected(EventLogError(code: .invalidEvent, message: "batch not written: \(problem)", stream: $0.stream)) }
    }

    private func validate(_ request: AppendRequest) -> EventLogError? {
        if request.stream.isEmpty || request.stream.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            return EventLogError(code: .invalidEvent, message: "stream name '\(request.stream)' is empty or has control characters", stream: request.stream)
        }
        for event in request.events where event.type.isEmpty {
            return EventLogError(code: .invalidEvent, message: "event \(event.id) has an empty type", stream: request.stream, eventID: event.id)
        }
        return nil
    }

    struct StreamState {
        var version: Int64?
        var xid: UInt64?
    }

    private func appendLocked(_ requests: [AppendRequest], on connection: Connection) throws -> [AppendOutcome] {
        let streams = Self.lockOrder(requests)
        let ids = requests.flatMap { $0.events.map(\.id) }
        // Large batches (an ingest) are mostly new streams: their ids are left to the unique index, and only
        // if it objects is every id looked up. Small appends look every id up at once.
        let optimistic = ids.count >= EventStore.copyThreshold

        // 1. Lock the streams in one fixed order, before this transaction writes (and so gets its xid);
        //    then read each stream's last version and xid, and which ids the log already holds.
        let original = try Self.parseLock(try connection.preparedQuery(Self.lockStatement(streams, optimistic ? [] : ids)))
        var existing = original.existing
        if optimistic {
            let onKnownStreams = requests.filter { original.state[$0.stream]?.version != nil }.flatMap { $0.events.map(\.id) }
            if !onKnownStreams.isEmpty { existing = try lookUp(onKnownStreams, on: connection) }
        }

        // 2. Decide each request, in order, against the state the earlier ones leave; then write.
        var (outcomes, rows, state) = decideAll(requests, state: original.state, existing: existing)
        guard !rows.isEmpty else { return outcomes }
        do {
            if optimistic {
                try connection.transaction { try insert(rows, on: $0) }  // a savepoint, to retry below
            } else {
                try reportingDuplicates { try insert(rows, on: connection) }
            }
        } catch let error as PostgresError where error.isUniqueViolation {
            // Some id is already in the log on another stream: look every id up and decide again.
            (outcomes, rows, state) = decideAll(requests, state: original.state, existing: try lookUp(ids, on: connection))
            guard !rows.isEmpty else { return outcomes }
            try reportingDuplicates { try insert(rows, on: connection) }
        }

        // 3. No stream's earlier event may have a newer xid than ours (possible only when the caller's
        //    transaction had written before taking the locks).
        if let mine = original.xid {
            for stream in streams {
                if let theirs = state[stream]?.xid, theirs > mine {
                    throw EventLogError(
                        code: .transactionOrder,
                        message: "stream \(stream) was written by a newer transaction than this one; retry the transaction",
                        stream: stream
                    )
                }
            }
        }
        return outcomes
    }

    /// Runs `body`, turning a unique violation (another writer logged one of these ids meanwhile) into
    /// the log's own error.
    @discardableResult
    private func reportingDuplicates<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PostgresError where error.isUniqueViolation {
            throw EventLogError(code: .duplicateEventID, message: "an event id is already in the log (written concurrently): \(error.detail ?? error.message)")
        }
    }

    /// The streams of a batch in the one order every writer locks them in.
    static func lockOrder(_ requests: [AppendRequest]) -> [String] {
        Array(Set(requests.map(\.stream))).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    static func lockStatement(_ streams: [String], _ ids: [UUID]) -> SQL {
        """
        SELECT kind, stream, version, xid::text AS xid, id
        FROM chronograph_lock_streams(\(PostgresArray(streams))::text[], \(PostgresArray(ids))::uuid[])
        """
    }

    static func parseLock(_ result: QueryResult) throws -> (state: [String: StreamState], existing: [UUID: String], xid: UInt64?) {
        var state: [String: StreamState] = [:]
        var existing: [UUID: String] = [:]
        var xid: UInt64?
        for row in result {
            switch row[0] {
            case "transaction": xid = row[3].flatMap(UInt64.init)
            case "stream": state[try row.decode(1)] = StreamState(version: row[2].flatMap(Int64.init), xid: row[3].flatMap(UInt64.init))
            default: existing[try row.decode(4)] = try row.decode(1)
            }
        }
        return (state, existing, xid)
    }

    private func lookUp(_ ids: [UUID], on connection: Connection) throws -> [UUID: String] {
        var existing: [UUID: String] = [:]
        for row in try connection.preparedQuery("SELECT id, stream FROM events WHERE id = ANY(\(PostgresArray(ids))::uuid[])") {
            existing[try row.decode(0)] = try row.decode(1)
        }
        return existing
    }

    private func decideAll(
        _ requests: [AppendRequest], state initial: [String: StreamState], existing: [UUID: String]
    ) -> ([AppendOutcome], [(stream: String, version: Int64, event: NewEvent)], [String: StreamState]) {
        var state = initial
        var outcomes: [AppendOutcome] = []
        var rows: [(stream: String, version: Int64, event: NewEvent)] = []
        var seenInBatch: Set<UUID> = []
        for request in requests {
            outcomes.append(decide(request, state: &state, existing: existing, seenInBatch: &seenInBatch, rows: &rows))
        }
        return (outcomes, rows, state)
    }

    private func decide(
        _ request: AppendRequest,
        state: inout [String: StreamState],
        existing: [UUID: String],
        seenInBatch: inout Set<UUID>,
        rows: inout [(stream: String, version: Int64, event: NewEvent)]
    ) -> AppendOutcome {
        let stream = request.stream
        let current = state[stream]?.version
        var fresh: [NewEvent] = []
        var skipped = 0
        var idsHere: Set<UUID> = []
        for event in request.events {
            if !idsHere.insert(event.id).inserted || seenInBatch.contains(event.id) {
                return .rejected(EventLogError(code: .duplicateEventID, message: "event id \(event.id) appears twice in one append", stream: stream, eventID: event.id))
            }
            if let other = existing[event.id] {
                guard other == stream else {
                    return .rejected(EventLogError(
                        code: .duplicateEventID,
                        message: "event id \(event.id) is already in the log on stream \(other), not \(stream)",
                        stream: stream, eventID: event.id))
                }
                skipped += 1
            } else {
                fresh.append(event)
            }
        }
        if fresh.isEmpty, skipped > 0 {
            return .alreadyAppended(stream: stream, lastVersion: current ?? -1)
        }
        let matches: Bool
        switch request.expectedVersion {
        case .any: matches = true
        case .noStream: matches = current == nil
        case .exactly(let version): matches = current == version
        }
        guard matches else {
            let actual = current.map(String.init) ?? "none (no stream)"
            return .rejected(EventLogError(
                code: .wrongExpectedVersion,
                message: "stream \(stream): expected version \(request.expectedVersion), found \(actual)",
                stream: stream, expected: request.expectedVersion, actual: current))
        }
        guard !fresh.isEmpty else {
            return .appended(stream: stream, firstVersion: (current ?? -1) + 1, lastVersion: current ?? -1, skipped: 0)
        }
        seenInBatch.formUnion(idsHere)
        let first = (current ?? -1) + 1
        for (offset, event) in fresh.enumerated() {
            rows.append((stream, first + Int64(offset), event))
        }
        let last = first + Int64(fresh.count) - 1
        state[stream, default: StreamState()].version = last
        return .appended(stream: stream, firstVersion: first, lastVersion: last, skipped: skipped)
    }

    /// One INSERT of the rows from arrays, notifying readers in the same statement.
    static func insertStatement(_ rows: [(stream: String, version: Int64, event: NewEvent)]) -> SQL {
        """
        WITH inserted AS (
            INSERT INTO events (stream, version, id, type, data, metadata)
            SELECT * FROM unnest(
                \(PostgresArray(rows.map(\.stream)))::text[],
                \(PostgresArray(rows.map(\.version)))::int8[],
                \(PostgresArray(rows.map(\.event.id)))::uuid[],
                \(PostgresArray(rows.map(\.event.type)))::text[],
                \(PostgresArray(rows.map(\.event.data)))::jsonb[],
                \(PostgresArray(rows.map(\.event.metadata)))::jsonb[])
            RETURNING 1
        )
        SELECT pg_notify(\(EventStore.notificationChannel), '') FROM (SELECT 1 FROM inserted LIMIT 1) AS any_row
        """
    }

    private func insert(_ rows: [(stream: String, version: Int64, event: NewEvent)], on connection: Connection) throws {
        if rows.count >= EventStore.copyThreshold {
            try connection.copyIn("COPY events (stream, version, id, type, data, metadata) FROM STDIN") { writer in
                for row in rows {
                    writer.field(row.stream)
                    writer.field(row.version)
                    writer.field(row.event.id)
                    writer.field(row.event.type)
                    writer.field(row.event.data)
                    writer.field(row.event.metadata)
                    writer.endRow()
                }
            }
            try connection.preparedQuery("SELECT pg_notify(\(EventStore.notificationChannel), '')")
            return
        }
        try connection.preparedQuery(Self.insertStatement(rows))
    }

    // MARK: - Reading

    /// Reads up to `limit` events after `after`, in (xid, position) order, never past the oldest
    /// running transaction: an event committed late is returned by a later read, never skipped.
    ///
    /// Must run outside a transaction that has written (its own xid would hold the horizon back).
    /// `fromPosition` keeps only events at or after a global position.
    public func read(
        after: LogPosition = .start, filter: EventFilter = .all, fromPosition: Int64 = 0, limit: Int = 1000,
        on connection: Connection
    ) throws -> [RecordedEvent] {
        var condition: SQL = ""
        switch filter {
        case .all: break
        case .stream(let stream): condition = "AND stream = \(stream)"
        case .category(let category): condition = "AND category = \(category)"
        case .type(let type): condition = "AND type = \(type)"
        }
        let rows = try connection.preparedQuery("""
            SELECT position, xid::text AS xid, stream, version, id, type, data::text AS data,
                   metadata::text AS metadata, recorded_at
            FROM events
            WHERE (xid, position) > (\(String(after.xid))::xid8, \(after.position))
              AND xid < pg_snapshot_xmin(pg_current_snapshot())
              AND position >= \(fromPosition)
              \(condition)
            ORDER BY events.xid, events.position  -- the table columns, not the text aliases above
            LIMIT \(limit)
            """)
        return try rows.map(Self.decodeEvent)
    }

    /// Reads one stream in version order, from a version on.
    public func readStream(_ stream: String, fromVersion: Int64 = 0, limit: Int = 1000, on connection: Connection) throws -> [RecordedEvent] {
        let rows = try connection.query("""
            SELECT position, xid::text AS xid, stream, version, id, type, data::text AS data,
                   metadata::text AS metadata, recorded_at
            FROM events
            WHERE stream = \(stream) AND version >= \(fromVersion)
            ORDER BY version
            LIMIT \(limit)
            """)
        return try rows.map(Self.decodeEvent)
    }

    /// The last event committed now, whether or not readers can see it yet (an older transaction still
    /// open holds the horizon back): what a reader that wants "everything so far" waits for.
    public func lastCommitted(on connection: Connection) throws -> LogPosition? {
        try connection.query("""
            SELECT xid::text AS xid, position FROM events
            ORDER BY events.xid DESC, events.position DESC  -- the xid8 column, not the text alias
            LIMIT 1
            """).first.map {
            LogPosition(xid: try $0.decode("xid"), position: try $0.decode("position"))
        }
    }

    /// Every event matching `filter` committed when it is called, in (xid, position) order, waiting up to
    /// `timeout` seconds for older transactions that still hold some of them behind the horizon.
    public func readCommitted(filter: EventFilter = .all, timeout: Double = 10, on connection: Connection) throws -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        try readCommitted(filter: filter, timeout: timeout, on: connection) { batch in
            events += batch
            return true
        }
        return events
    }

    /// The same in batches: `body` gets each batch and returns false to stop.
    public func readCommitted(
        filter: EventFilter = .all, fromPosition: Int64 = 0, batchSize: Int = 1000, timeout: Double = 10,
        on connection: Connection, _ body: ([RecordedEvent]) throws -> Bool
    ) throws {
        guard let target = try lastCommitted(on: connection) else { return }
        let deadline = ContinuousClock.now + .seconds(timeout)
        var position = LogPosition.start
        var horizonPassed = false
        while true {
            let batch = try read(after: position, filter: filter, fromPosition: fromPosition, limit: batchSize, on: connection)
            if let last = batch.last {
                guard try body(batch) else { return }
                position = last.logPosition
                continue
            }
            // Done once no transaction older than the target's is still open (and one more read found nothing).
            if horizonPassed || ContinuousClock.now >= deadline { return }
            horizonPassed = try horizon(on: connection) > target.xid
            if !horizonPassed { usleep(50_000) }
        }
    }

    /// The readers' horizon: the oldest transaction still running. Everything written by older
    /// transactions is readable.
    public func horizon(on connection: Connection) throws -> UInt64 {
        try connection.query("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")[0].decode(0)
    }

    /// The stream's last version, or nil when it does not exist.
    public func currentVersion(of stream: String, on connection: Connection) throws -> Int64? {
        let rows = try connection.query("SELECT max(version) AS version FROM events WHERE stream = \(stream)")
        return try rows[0].decodeIfPresent("version")
    }

    static func decodeEvent(_ row: QueryResult.Row) throws -> RecordedEvent {
        RecordedEvent(
            position: try row.decode(0),
            xid: try row.decode(1),
            stream: try row.decode(2),
            version: try row.decode(3),
            id: try row.decode(4),
            type: try row.decode(5),
            data: try row.decode(6),
            metadata: row[7],
            recordedAt: try row.decode(8, as: Timestamp.self).rfc3339
        )
    }

    // MARK: - Stats

    /// Counts and the reading horizon.
    public func stats(on connection: Connection) throws -> LogStats {
        let row = try connection.query("""
            WITH horizon AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
            SELECT (SELECT count(*) FROM events) AS events,
                   (SELECT count(*) FROM (SELECT DISTINCT stream FROM events) s) AS streams,
                   (SELECT max(position) FROM events) AS last_position,
                   horizon.xmin::text AS watermark,
                   (SELECT count(*) FROM events WHERE xid >= horizon.xmin) AS behind,
                   (SELECT coalesce(extract(epoch FROM max(clock_timestamp() - xact_start)), 0)::float8
                      FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()) AS oldest
            FROM horizon
            """)[0]
        return LogStats(
            events: try row.decode("events"),
            streams: try row.decode("streams"),
            lastPosition: try row.decodeIfPresent("last_position"),
            watermarkXid: try row.decode("watermark"),
            eventsBehindWatermark: try row.decode("behind"),
            oldestOpenTransactionSeconds: try row.decode("oldest")
        )
    }
}
