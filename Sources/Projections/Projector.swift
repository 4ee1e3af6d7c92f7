public import EventLog
import Foundation
public import Logging
public import Postgres

/// Keeps the read models (schema `graph`) in step with the log.
///
/// - Exactly once: each batch is applied in one transaction together with the checkpoint, the log's
///   (xid, position) pair, so a projector killed at any instant resumes where its last commit left it.
/// - One writer: a session advisory lock; a second projector waits and takes over when the first dies.
/// - The batch is read before the transaction writes anything: a transaction holding an xid would hold
///   the log's horizon back on itself.
/// - A projection whose code version changed, or `--rebuild`, starts again from an empty graph.
/// - A catch-up from an empty graph defers the relations to its end, where one set-based statement makes
///   them all (``GraphProjection/buildEdges(on:)``), and builds the secondary indexes it dropped at its
///   start (``DeferredIndexes``); the checkpoint says so (`deferred`), so a run killed before the end
///   defers them again and builds them when it gets there.
public struct Projector: Sendable {
    /// The projection's name in graph.checkpoints.
    public static let name = "graph"
    /// Bump when the projection's output changes: the read models then rebuild themselves.
    public static let codeVersion = 3
    /// Every read-model table (graph.checkpoints aside): what a rebuild empties and statistics cover.
    static let readModelTables = [
        "graph.articles", "graph.entities", "graph.aliases", "graph.sources", "graph.events",
        "graph.event_entities", "graph.relation_reports", "graph.edge_articles", "graph.relations", "graph.retractions",
    ]
    private static var readModels: String { readModelTables.joined(separator: ", ") }
    /// The advisory lock projectors hold.
    static let lockKey: Int64 = 0x43_68_72_6F_6E_6F_02

    /// Log events per transaction: large enough that a statement's fixed cost is spread thin.
    public static let defaultBatchSize = 2_000

    /// Events kept in memory (about 15 MB): past a few thousand, more buys little, since the key filter
    /// already spares the reads of new keys.
    public static let defaultCacheCapacity = 10_000

    public var batchSize: Int
    /// Events the projector keeps in memory (``EventCache``).
    public var cacheCapacity: Int
    public let logger: Logger

    public init(
        batchSize: Int = Projector.defaultBatchSize, cacheCapacity: Int = Projector.defaultCacheCapacity,
        logger: Logger = Logger(label: "chronograph.projector")
    ) {
        self.batchSize = batchSize
        self.cacheCapacity = cacheCapacity
        self.logger = logger
    }

    /// What a run did.
    public struct Progress: Sendable {
        public var applied = 0
        public var batches = 0
        public var position = LogPosition.start
        public var rebuilt = false
        public init() {}
    }

    /// Takes the projector lock if no other projector holds it.
    public func tryLock(on handle: ConnectionHandle) async throws -> Bool {
        try await handle.withConnection {
            try $0.query("SELECT pg_try_advisory_lock(\(Projector.lockKey)) AS got")[0].decode("got", as: Bool.self)
        }
    }

    /// Releases the projector lock (it also goes with the session).
    public func unlock(on handle: ConnectionHandle) async throws {
        try await handle.withConnection { _ = try $0.query("SELECT pg_advisory_unlock(\(Projector.lockKey))") }
    }

    /// Takes the projector lock, waiting (and calling `waiting` once) while another projector holds it,
    /// for at most `timeout` (forever when nil). Returns false when it did not get it.
    public func lock(
        on handle: ConnectionHandle, timeout: Duration? = nil, shouldStop: @escaping @Sendable () -> Bool = { false },
        waiting: @Sendable () -> Void = {}
    ) async throws -> Bool {
        let deadline = timeout.map { ContinuousClock.now + $0 }
        var told = false
        while !shouldStop() && !Task.isCancelled {
            if try await tryLock(on: handle) { return true }
            if let deadline, ContinuousClock.now >= deadline { return false }
            if !told {
                waiting()
                told = true
            }
            try await Task.sleep(for: .milliseconds(deadline == nil ? 250 : 50))
        }
        return false
    }

    /// Runs `body` holding the projector lock and releases it afterwards, so that a command run right
    /// after finds it free (it would also go with the session, a moment later). Returns nil when the lock
    /// was not had (see ``lock(on:timeout:shouldStop:waiting:)``).
    public func withLock<T: Sendable>(
        on handle: ConnectionHandle, timeout: Duration? = nil, shouldStop: @escaping @Sendable () -> Bool = { false },
        waiting: @Sendable () -> Void = {}, _ body: () async throws -> T
    ) async throws -> T? {
        guard try await lock(on: handle, timeout: timeout, shouldStop: shouldStop, waiting: waiting) else { return nil }
        do {
            let value = try await body()
            try? await unlock(on: handle)
            return value
        } catch {
            try? await unlock(on: handle)
            throw error
        }
    }

    /// Applies everything readable now and returns; with `follow`, keeps going (woken by NOTIFY) until
    /// `shouldStop`. The caller must hold the lock (``withLock(on:timeout:shouldStop:waiting:_:)``).
    public func run(
        on handle: ConnectionHandle, rebuild: Bool = false, follow: Bool = false,
        shouldStop: @escaping @Sendable () -> Bool = { false },
        progress: @Sendable (Progress) -> Void = { _ in }
    ) async throws -> Progress {
        var state = Progress()
        let (start, rebuilt, deferred) = try await handle.withConnection { connection in
            // The projector's statements take arrays whose sizes vary from one batch to the next: a plan
            // made for the actual values beats a generic one that may scan the log. And the planner's guess
            // for jsonb_array_elements (100 rows an article) makes it compile statements with JIT, which
            // took longer (about 140 ms) than running them.
            try connection.run(script: "SET plan_cache_mode = force_custom_plan; SET jit = off")
            return try self.prepare(rebuild: rebuild, on: connection)
        }
        state.position = start
        state.rebuilt = rebuilt
        let store = EventStore()
        let projection = GraphProjection(logger: logger)
        // From the start of the log the read models are empty: the cache then also knows which keys have
        // events at all.
        let cache = EventCache(capacity: cacheCapacity, knowsEveryKey: start == .start)
        var deferEdges = deferred
        let batchSize = batchSize
        if follow { try await handle.withConnection { try $0.listen(EventStore.notificationChannel) } }
        // During a catch-up the next batch is read and decoded on a second connection while this one writes.
        @Sendable func fetch(after: LogPosition, on connection: ConnectionHandle) -> Task<GraphProjection.Batch, any Error> {
            Task { try projection.decode(try await connection.withConnection { try store.read(after: after, limit: batchSize, on: $0) }) }
        }
        var reader: ConnectionHandle?
        var next: Task<GraphProjection.Batch, any Error>?
        var analyzing: Task<Void, any Error>?
        defer { next?.cancel() }
        var interval = LogFollower.minPollInterval
        var nextAnalyze = 5_000
        while !shouldStop() && !Task.isCancelled {
            // The read models grow fast during a catch-up: refresh the planner's statistics as they do,
            // or it keeps planning for empty tables. (A small sample is enough for these plans.)
            // (On the reading connection when there is one, so that the writes go on meanwhile.)
            if state.applied >= nextAnalyze {
                try await analyzing?.value
                let analyze: @Sendable (Connection) throws -> Void = { try Self.analyze(Self.readModelTables, on: $0) }
                if let reader { analyzing = Task { try await reader.withConnection(analyze) } } else { try await handle.withConnection(analyze) }
                nextAnalyze *= 8
            }
            let batch = try await (next ?? fetch(after: state.position, on: handle)).value
            next = nil
            // Caught up: a catch-up from zero makes what it deferred.
            let finishing = deferEdges && batch.count < batchSize
            if batch.count == batchSize, let last = batch.events.last {
                if reader == nil { reader = try await ConnectionHandle.connect(conninfo: handle.conninfo, logger: logger) }
                next = fetch(after: last.logPosition, on: reader!)
            }
            if !batch.isEmpty || finishing {
                let position = batch.events.last?.logPosition ?? state.position
                try await handle.withConnection { [deferEdges] connection in
                    try connection.transaction { connection in
                        // The checkpoint commits with the effects, so a commit lost in a crash is only
                        // applied again: no need to wait for the disk.
                        try connection.run(script: "SET LOCAL synchronous_commit = off")
                        try projection.apply(batch, cache: cache, deferEdges: deferEdges, on: connection)
                        try Self.saveCheckpoint(position, deferred: deferEdges, on: connection)
                    }
                }
                if finishing {
                    try await analyzing?.value
                    analyzing = nil
                    try await finishCatchUp(at: position, projection: projection, on: handle, reader: reader)
                    deferEdges = false
                }
                state.position = position
                state.applied += batch.count
                state.batches += batch.isEmpty ? 0 : 1
                progress(state)
                interval = LogFollower.minPollInterval
                if batch.count == batchSize { continue }
            }
            guard follow else { break }
            interval = try await LogFollower.waitForAppend(on: handle, interval: interval, maxInterval: 2, shouldStop: shouldStop)
        }
        try await analyzing?.value
        return state
    }

    /// The end of a catch-up from zero: the relations, with the checkpoint that stops deferring them, on
    /// `handle`, while `reader` builds the deferred indexes of the tables they read (each in a transaction
    /// of its own: a projector killed meanwhile builds the rest when it starts again).
    private func finishCatchUp(
        at position: LogPosition, projection: GraphProjection, on handle: ConnectionHandle, reader: ConnectionHandle?
    ) async throws {
        let others = Self.readModelTables.filter { !Self.relationTables.contains($0) }
        let indexes = reader.map { reader in
            Task {
                try await reader.withConnection { connection in
                    try DeferredIndexes.restore(except: Self.relationTables, on: connection)
                    try Self.analyze(others, on: connection)
                }
            }
        }
        do {
            try await handle.withConnection { connection in
                try connection.transaction { connection in
                    // One statement over every fact: its sorts and hashes fit in memory instead of spilling.
                    try connection.run(script: "SET LOCAL synchronous_commit = off; SET LOCAL work_mem = '256MB'")
                    try projection.buildEdges(on: connection)
                    try Self.saveCheckpoint(position, deferred: false, on: connection)
                }
            }
        } catch {
            _ = try? await indexes?.value
            throw error
        }
        try await indexes?.value
        try await handle.withConnection { connection in
            try DeferredIndexes.restore(on: connection)
            try Self.analyze(reader == nil ? Self.readModelTables : Self.relationTables, on: connection)
            try Self.setAutovacuum(true, of: Self.readModelTables, on: connection)
        }
    }

    /// The tables the end of a catch-up from zero makes.
    static let relationTables = ["graph.edge_articles", "graph.relations"]

    /// Refreshes the planner's statistics (a small sample is enough for the projector's plans). ANALYZE
    /// goes alone, so that it takes each table in a transaction of its own: in one with other statements it
    /// would hold every table until the last is done.
    static func analyze(_ tables: [String], on connection: Connection) throws {
        try connection.run(script: "SET default_statistics_target = 10")
        defer { try? connection.run(script: "RESET default_statistics_target") }
        try connection.run(script: "ANALYZE \(tables.joined(separator: ", "))")
    }

    /// Autovacuum on the read models: off during a catch-up from zero, which refreshes the statistics
    /// itself (an autovacuum worker busy with a table made that ANALYZE wait a second, the deadlock
    /// timeout, before giving way; and vacuuming tables that only grow is work for nothing then), on
    /// again at its end.
    static func setAutovacuum(_ enabled: Bool, of tables: [String], on connection: Connection) throws {
        guard !tables.isEmpty else { return }
        let option = enabled ? "RESET (autovacuum_enabled)" : "SET (autovacuum_enabled = false)"
        // Table names from `readModelTables`, never from input.
        try connection.run(script: tables.map { "ALTER TABLE \($0) \(option)" }.joined(separator: "; "))
    }

    /// Catches up with everything committed when it is called, waiting up to `timeout` seconds for a
    /// transaction that holds the log's horizon back (another writer's, still open). Returns the progress
    /// and whether it got there.
    public func catchUp(
        on handle: ConnectionHandle, rebuild: Bool = false, timeout: Double = 30,
        shouldStop: @escaping @Sendable () -> Bool = { false }, progress: @Sendable (Progress) -> Void = { _ in }
    ) async throws -> (Progress, reached: Bool) {
        let target = try await handle.withConnection { try EventStore().lastCommitted(on: $0) }
        var total = try await run(on: handle, rebuild: rebuild, shouldStop: shouldStop, progress: progress)
        let deadline = ContinuousClock.now + .seconds(timeout)
        while let target, total.position < target, !shouldStop(), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
            let more = try await run(on: handle, shouldStop: shouldStop, progress: progress)
            total.applied += more.applied
            total.batches += more.batches
            total.position = max(total.position, more.position)
        }
        return (total, target.map { total.position >= $0 } ?? true)
    }

    /// Reads the checkpoint (where the projection stands, and whether its relations are deferred); empties
    /// the read models first when asked or when the code changed.
    private func prepare(rebuild: Bool, on connection: Connection) throws -> (LogPosition, rebuilt: Bool, deferred: Bool) {
        let rows = try connection.query("""
            SELECT xid::text AS xid, position, code_version, deferred FROM graph.checkpoints WHERE projection = \(Projector.name)
            """)
        let stored = try rows.first.map { row in
            (LogPosition(xid: try row.decode("xid"), position: try row.decode("position")), try row.decode("code_version", as: Int.self),
             try row.decode("deferred", as: Bool.self))
        }
        if !rebuild, let stored, stored.1 == Projector.codeVersion {
            // Indexes left to build, and autovacuum left off, by a projector stopped at the end of its catch-up.
            if !stored.2 {
                try DeferredIndexes.restore(on: connection)
                let off = try connection.query("""
                    SELECT 'graph.' || relname FROM pg_class
                    WHERE relnamespace = 'graph'::regnamespace AND reloptions @> '{autovacuum_enabled=false}'
                    """).map { try $0.decode(0, as: String.self) }
                try Self.setAutovacuum(true, of: Self.readModelTables.filter(off.contains), on: connection)
            }
            return (stored.0, false, stored.2)
        }
        if let stored, stored.1 != Projector.codeVersion {
            logger.notice("projection code changed: rebuilding", metadata: ["projection.stored_version": "\(stored.1)", "projection.version": "\(Projector.codeVersion)"])
        }
        try connection.transaction { connection in
            try Self.reset(on: connection)
            try DeferredIndexes.drop(on: connection)
            try Self.setAutovacuum(false, of: Self.readModelTables, on: connection)
            try Self.saveCheckpoint(.start, deferred: true, on: connection)
        }
        return (.start, true, true)
    }

    /// Empties every read model (never the log).
    static func reset(on connection: Connection) throws {
        try connection.run(script: "TRUNCATE \(readModels)")
    }

    static func saveCheckpoint(_ position: LogPosition, deferred: Bool, on connection: Connection) throws {
        try connection.query("""
            INSERT INTO graph.checkpoints (projection, xid, position, code_version, deferred, updated_at)
            VALUES (\(Projector.name), \(String(position.xid))::xid8, \(position.position), \(Projector.codeVersion), \(deferred), now())
            ON CONFLICT (projection) DO UPDATE
            SET xid = excluded.xid, position = excluded.position, code_version = excluded.code_version, deferred = excluded.deferred,
                updated_at = now()
            """)
    }
}
