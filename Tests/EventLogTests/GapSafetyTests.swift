import EventLog
import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite struct GapSafetyTests {
    let store = EventStore()

    /// A transaction that took a position first but commits last must not be skipped.
    @Test func aLateCommitIsReadNotSkipped() async throws {
        let db = try await TestDatabase.create()
        let slow = try await db.connect(), fast = try await db.connect(), reader = try await db.connect()
        try await slow.withConnection { connection in
            try connection.run(script: "BEGIN")
            try store.append([NewEvent(type: "t", data: "{\"who\":\"slow\"}")], to: "slow-1", on: connection)
        }
        try await fast.withConnection { try store.append([NewEvent(type: "t", data: "{\"who\":\"fast\"}")], to: "fast-1", on: $0) }
        // The fast event is committed, but the slow transaction is older and still open: a reader waits.
        let early = try await reader.withConnection { try store.read(on: $0) }
        #expect(early.isEmpty)
        let naive = try await reader.withConnection { try $0.query("SELECT position FROM events ORDER BY position") }
        #expect(naive.count == 1)  // what a position-only reader would have taken, and then skipped the slow one
        let stats = try await reader.withConnection { try store.stats(on: $0) }
        #expect(stats.eventsBehindWatermark >= 1)  // the fast event waits behind the slow transaction
        #expect(stats.oldestOpenTransactionSeconds > 0)
        try await slow.withConnection { try $0.run(script: "COMMIT") }
        // Other tests share the server and may hold the horizon back for a moment: wait for it.
        let late = try await readUntil(count: 2, on: reader)
        #expect(late.map(\.stream) == ["slow-1", "fast-1"])
        #expect(late[0].position < late[1].position)
    }

    /// Many writers, shared and separate streams, transactions held open for random short times, and a
    /// follower reading all the while: every event exactly once, in (xid, position) order, each stream
    /// in version order.
    @Test func concurrentWritersAndAFollower() async throws {
        let db = try await TestDatabase.create()
        let writers = 8
        let eventsPerWriter = 2_600
        let total = writers * eventsPerWriter
        let store = store

        let follower = try await db.connect()
        let collected = Collected()
        let followTask = Task { () -> [RecordedEvent] in
            try await LogFollower(batchSize: 500, maxPollInterval: 0.2).follow(
                on: follower, shouldStop: { collected.count >= total }
            ) { batch in
                collected.add(batch)
            }
            return collected.events
        }

        let writersDone = try await withThrowingTaskGroup(of: Int.self) { group in
            for writer in 0..<writers {
                let handle = try await db.connect()
                group.addTask {
                    var rng = SystemRandomNumberGenerator()
                    var written = 0
                    while written < eventsPerWriter {
                        let count = min(Int.random(in: 1...12, using: &rng), eventsPerWriter - written)
                        // Half the appends go to a few streams every writer shares, half to the writer's own.
                        let stream = Bool.random(using: &rng) ? "shared-\(Int.random(in: 0..<4, using: &rng))" : "own\(writer)-\(written % 7)"
                        let events = (0..<count).map { NewEvent(type: "t", data: "{\"w\":\(writer),\"n\":\(written + $0)}") }
                        let hold = UInt32.random(in: 0...3_000, using: &rng)
                        try await handle.withConnection { connection in
                            try connection.transaction { connection in
                                try store.append(events, to: stream, on: connection)
                                usleep(hold)  // keep the transaction open a little, as a slow writer would
                            }
                        }
                        written += count
                    }
                    return 1
                }
            }
            return try await group.reduce(0, +)
        }

        let seen: [RecordedEvent]
        do {
            seen = try await withThrowingTaskGroup(of: [RecordedEvent].self) { group in
                group.addTask { try await followTask.value }
                group.addTask {
                    try await Task.sleep(for: .seconds(60))
                    followTask.cancel()
                    throw CancellationError()
                }
                let result = try await group.next()!
                group.cancelAll()
                return result
            }
        } catch {
            Issue.record("the follower did not see all \(total) events within 60 s: \(error)")
            return
        }

        #expect(writersDone == writers)
        #expect(seen.count == total)
        #expect(Set(seen.map(\.id)).count == total, "an event was delivered twice")
        let inLog = try await db.withConnection { try $0.query("SELECT count(*) FROM events")[0].decode(0, as: Int.self) }
        #expect(inLog == total)
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.logPosition < $1.logPosition }, "not in (xid, position) order")
        var lastVersion: [String: Int64] = [:]
        var streamOrderBroken = 0
        for event in seen {
            if event.version != (lastVersion[event.stream] ?? -1) + 1 { streamOrderBroken += 1 }
            lastVersion[event.stream] = event.version
        }
        #expect(streamOrderBroken == 0, "events out of stream-version order")
    }

    @Test func readsByCategoryAndType() async throws {
        let db = try await TestDatabase.create()
        try await db.withConnection { connection in
            try store.append([NewEvent(type: "article.ingested", data: "{}")], to: "article-1", on: connection)
            try store.append([NewEvent(type: "entity.merged", data: "{}")], to: "curation-1", on: connection)
            try store.append([NewEvent(type: "article.ingested", data: "{}"), NewEvent(type: "event.reported", data: "{}")], to: "article-2", on: connection)
        }
        // The horizon is cluster-wide: another test's open transaction may hold it back for a moment.
        _ = try await readUntil(count: 4, on: db.connect())
        try await db.withConnection { connection in
            #expect(try store.read(filter: .category("article"), on: connection).map(\.stream) == ["article-1", "article-2", "article-2"])
            #expect(try store.read(filter: .type("article.ingested"), on: connection).map(\.stream) == ["article-1", "article-2"])
            #expect(try store.read(filter: .stream("curation-1"), on: connection).map(\.type) == ["entity.merged"])
            // Paging: batches of one give the same events in the same order.
            var paged: [RecordedEvent] = []
            var position = LogPosition.start
            while let next = try store.read(after: position, limit: 1, on: connection).first {
                paged.append(next)
                position = next.logPosition
            }
            #expect(paged == (try store.read(on: connection)))
            let stats = try store.stats(on: connection)
            #expect(stats.events == 4)
            #expect(stats.streams == 3)
        }
    }

    @Test func aFollowerIsWokenByNotify() async throws {
        let db = try await TestDatabase.create()
        let followerHandle = try await db.connect()
        let task = Task {
            // A long poll interval: only NOTIFY can wake it quickly.
            try await LogFollower(maxPollInterval: 30).follow(on: followerHandle) { _ in throw CancellationError() }
        }
        try await Task.sleep(for: .milliseconds(2_500))  // let it reach its long wait
        let appended = Date()
        try await db.withConnection { try store.append([NewEvent(type: "t", data: "{}")], to: "n-1", on: $0) }
        // Only a delivery throws CancellationError; any other end (an error of its own) is a failure.
        guard case .failure(let error) = await task.result, error is CancellationError else {
            Issue.record("the follower stopped without delivering the event")
            return
        }
        // It delivered (and then stopped by throwing): time to delivery is what matters.
        #expect(Date().timeIntervalSince(appended) < 1.5)
    }

    /// The wait helper both followers use: backs off when nothing comes, starts again short when woken.
    @Test func waitingForAnAppendBacksOffOrIsWoken() async throws {
        let db = try await TestDatabase.create()
        let listener = try await db.connect()
        try await listener.withConnection { try $0.listen(EventStore.notificationChannel) }
        let idle = try await LogFollower.waitForAppend(on: listener, interval: 0.1, maxInterval: 0.15)
        #expect(idle == 0.15)
        let stopping = Date()
        let stopped = try await LogFollower.waitForAppend(on: listener, interval: 30, maxInterval: 60, shouldStop: { true })
        #expect(stopped == 60)  // a stop request ends the wait at once, as a wait that heard nothing
        #expect(Date().timeIntervalSince(stopping) < 1, "the stop request did not end the wait")

        let waiter = Task { try await LogFollower.waitForAppend(on: listener, interval: 30, maxInterval: 60) }
        try await Task.sleep(for: .milliseconds(300))
        let appended = Date()
        try await db.withConnection { try store.append([NewEvent(type: "t", data: "{}")], to: "w-1", on: $0) }
        #expect(try await waiter.value == LogFollower.minPollInterval)
        #expect(Date().timeIntervalSince(appended) < 1.5)
    }
}

/// Reads the whole log, waiting (up to 30 s) until `count` events are readable.
func readUntil(count: Int, on handle: ConnectionHandle) async throws -> [RecordedEvent] {
    let deadline = Date().addingTimeInterval(30)
    while true {
        let events = try await handle.withConnection { try EventStore().read(limit: 100_000, on: $0) }
        if events.count >= count || Date() > deadline { return events }
        try await Task.sleep(for: .milliseconds(20))
    }
}

/// Events a follower delivered, shared with the test's stop condition.
/// `@unchecked Sendable`: every access holds `lock`.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [RecordedEvent] = []

    func add(_ batch: [RecordedEvent]) {
        lock.withLock { storage += batch }
    }

    var count: Int { lock.withLock { storage.count } }
    var events: [RecordedEvent] { lock.withLock { storage } }
}

@Suite struct XidOrderTests {
    /// Transaction ids sort as numbers, not as text: an event written with xid 1000 comes after one written
    /// with xid 999 (text order would put "1000" first, and a reader would re-read or skip).
    @Test func readsStayInXidOrderAcrossADigitBoundary() async throws {
        let db = try await TestDatabase.create()
        let store = EventStore()
        let before = try await db.withConnection { connection -> UInt64 in
            try store.append([NewEvent(type: "t", data: "{\"n\":1}")], to: "digits-1", on: connection)
            return try connection.query("SELECT max(xid)::text FROM events")[0].decode(0, as: UInt64.self)
        }
        // Burn transaction ids until the next one has one more decimal digit.
        let digits = String(before).count
        try await db.withConnection { connection in
            while String(try connection.query("SELECT pg_current_xact_id()::text")[0].decode(0, as: UInt64.self)).count <= digits {}
        }
        try await db.withConnection { try store.append([NewEvent(type: "t", data: "{\"n\":2}")], to: "digits-2", on: $0) }
        let events = try await readUntil(count: 2, on: db.connect())
        #expect(events.map(\.stream) == ["digits-1", "digits-2"])
        #expect(String(events[1].xid).count > String(events[0].xid).count)
        let last = try await db.withConnection { try store.lastCommitted(on: $0) }
        #expect(last?.position == events[1].position)
    }
}
