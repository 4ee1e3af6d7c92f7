import EventCatalog
import EventLog
import Foundation
import Postgres
import PostgresTestSupport
@testable import Projections
import Queries
import Testing

typealias F = FactFactory

/// Appends, projects (waiting out other tests' open transactions) and returns the timeline.
func appendAndProject(_ requests: [AppendRequest], db: TestDatabase, cacheCapacity: Int = Projector.defaultCacheCapacity) async throws {
    try await db.withConnection { connection in
        let outcomes = try EventStore().append(requests, on: connection)
        precondition(outcomes.allSatisfy { $0.error == nil }, "\(outcomes)")
    }
    try await projectAll(db, cacheCapacity: cacheCapacity)
}

/// Runs the projector until it has applied everything in the log (the horizon is cluster-wide, so
/// another test's open transaction can hold it back for a moment).
func projectAll(
    _ db: TestDatabase, rebuild: Bool = false, batchSize: Int = 7, cacheCapacity: Int = Projector.defaultCacheCapacity
) async throws {
    let handle = try await db.connect()
    let total = try await db.withConnection { try $0.query("SELECT coalesce(max(position), 0) FROM events")[0].decode(0, as: Int64.self) }
    let projector = Projector(batchSize: batchSize, cacheCapacity: cacheCapacity)
    #expect(try await projector.lock(on: handle))
    var first = rebuild
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline {
        _ = try await projector.run(on: handle, rebuild: first)
        first = false
        let done = try await handle.withConnection {
            try $0.query("SELECT position FROM graph.checkpoints WHERE projection = 'graph'")[0].decode(0, as: Int64.self)
        }
        if done >= total { return }
        try await Task.sleep(for: .milliseconds(20))
    }
    Issue.record("the projector did not catch up within 30 s")
}


@Suite struct ProjectorTests {
    @Test func twoArticlesReportingOneAgreementMakeOneEventWithTwoSources() async throws {
        let db = try await TestDatabase.create()
        let mou = F.Report(type: "agreement.signed", date: "2024-11-26", actor: F.openAI, counterparties: [F.kdb],
                           participants: [.init(entity: F.altman, role: "signatory")])
        // The English article names the parties the other way round and gives only the month.
        let again = F.Report(type: "agreement.signed", date: "2024-11", actor: F.kdb, counterparties: [F.openAI])
        try await appendAndProject([
            F.article("ko", published: "2024-11-26", reports: [mou], aliases: [F.openAI.id: ["오픈AI"]]),
            F.article("en", published: "2024-11-27", reports: [again]),
        ], db: db)
        let timeline = try await db.withConnection { try TimelineQuery().timeline(for: "오픈AI", on: $0) }
        #expect(timeline.entity.id == F.openAI.id)
        #expect(timeline.events.count == 1)
        let event = try #require(timeline.events.first)
        #expect(event.date == "2024-11-26")
        #expect(event.sources.map(\.date) == ["2024-11-26", "2024-11"])
        #expect(event.conflicts.isEmpty)
        #expect(Set(([event.actor] + event.counterparties).map(\.id)) == [F.openAI.id, F.kdb.id])
        // The same answer by the other party's name.
        let kdb = try await db.withConnection { try TimelineQuery().timeline(for: "korea development bank", on: $0) }
        #expect(kdb.events.map(\.id) == [event.id])
        let relations = try await db.withConnection {
            try $0.query("SELECT subject_id, predicate, object_id, weight, source_count FROM graph.relations WHERE predicate = 'signed_agreement_with'")
        }
        #expect(relations.count == 1)
        #expect(try relations[0].decode("source_count", as: Int.self) == 2)
    }

    @Test func datesThatDisagreeAreShownAsAConflict() async throws {
        let db = try await TestDatabase.create()
        func office(_ date: String?) -> F.Report { .init(type: "office.opened", date: date, actor: F.openAI, place: F.london) }
        try await appendAndProject([
            F.article("a", published: "2023-07-01", reports: [office("2023-06")]),
            F.article("b", published: "2023-07-02", reports: [office("2023-06-20")]),
            F.article("c", published: "2023-07-03", reports: [office("2023-06-21")]),
            F.article("d", published: "2023-07-04", reports: [office(nil)]),
            F.article("e", published: "2021-01-01", reports: [office("2020-01")]),  // another office, years apart
        ], db: db)
        let timeline = try await db.withConnection { try TimelineQuery().timeline(for: "OpenAI", on: $0) }
        #expect(timeline.events.map(\.date) == ["2020-01", "2023-06-20"])
        #expect(timeline.events[1].conflicts == ["2023-06-21"])
        #expect(timeline.events[1].sources.count == 4)
        #expect(timeline.events[0].summary == "opened an office in London, United Kingdom")
    }

    @Test func anOpeningIsLinkedToItsAnnouncement() async throws {
        let db = try await TestDatabase.create()
        try await appendAndProject([
            F.article("a", published: "2024-10-15", reports: [.init(type: "office.announced", date: "2024-10", actor: F.openAI, place: F.paris)]),
            F.article("b", published: "2025-02-10", reports: [.init(type: "office.opened", date: "2025-02-03", actor: F.openAI, place: F.paris)]),
        ], db: db)
        let timeline = try await db.withConnection { try TimelineQuery().timeline(for: "OpenAI", on: $0) }
        #expect(timeline.events.map(\.type) == ["office.announced", "office.opened"])
        #expect(timeline.events[1].announcedBy == timeline.events[0].id)
    }

    @Test func mergesRetractionsAndRenamesAreFollowed() async throws {
        let db = try await TestDatabase.create()
        let openAIKorean = EntityPayload(id: "organization/~오픈에이아이", name: "오픈에이아이", kind: "organization")
        try await appendAndProject([
            F.article("a", published: "2023-06-10", reports: [.init(type: "office.opened", date: "2023-06", actor: F.openAI, place: F.london)]),
            F.article("b", published: "2024-10-15", reports: [
                .init(type: "office.announced", date: "2024-10", actor: openAIKorean, place: F.paris),
                .init(type: "office.opened", date: "2023-06-28", actor: openAIKorean, place: F.london),
            ]),
        ], db: db)
        var timeline = try await db.withConnection { try TimelineQuery().timeline(for: "OpenAI", on: $0) }
        #expect(timeline.events.count == 1)

        try await appendAndProject([
            AppendRequest(stream: "curation-1", events: [NewEvent(type: EventCatalog.EventTypeName.entityMerged,
                data: #"{"schema":1,"from":"organization/~오픈에이아이","into":"org/openai"}"#)]),
            AppendRequest(stream: "curation-2", events: [NewEvent(type: EventCatalog.EventTypeName.entityRenamed,
                data: #"{"schema":1,"entity":"org/openai","name":"OpenAI, Inc."}"#)]),
        ], db: db)
        timeline = try await db.withConnection { try TimelineQuery().timeline(for: "오픈에이아이", on: $0) }
        #expect(timeline.entity.id == F.openAI.id)
        #expect(timeline.entity.name == "OpenAI, Inc.")
        // The two London reports are now one event (2023-06 contains 2023-06-28), plus Paris.
        #expect(timeline.events.map(\.date) == ["2023-06-28", "2024-10"])
        #expect(timeline.events[0].sources.count == 2)
        let paris = timeline.events[1].id
        let aliases = try await db.withConnection {
            try $0.query("SELECT alias FROM graph.aliases WHERE entity_id = 'org/openai' ORDER BY alias").map { try $0.decode(0, as: String.self) }
        }
        #expect(aliases.contains("오픈에이아이") && aliases.contains("OpenAI"))

        try await appendAndProject([
            AppendRequest(stream: "curation-3", events: [NewEvent(type: EventCatalog.EventTypeName.eventRetracted,
                data: #"{"schema":1,"event":"\#(paris)","reason":"misread"}"#)]),
        ], db: db)
        timeline = try await db.withConnection { try TimelineQuery().timeline(for: "OpenAI", on: $0) }
        #expect(timeline.events.map(\.type) == ["office.opened"])
        let edges = try await db.withConnection {
            try $0.query("SELECT predicate FROM graph.relations WHERE subject_id = 'org/openai' ORDER BY predicate").map { try $0.decode(0, as: String.self) }
        }
        #expect(edges == ["has_office_in"])
        // Still in the log.
        let logged = try await db.withConnection { try $0.query("SELECT count(*) FROM events WHERE type = 'event.retracted'")[0].decode(0, as: Int.self) }
        #expect(logged == 1)

        try await appendAndProject([
            AppendRequest(stream: "curation-4", events: [NewEvent(type: EventCatalog.EventTypeName.articleRetracted,
                data: #"{"schema":1,"article":"a","reason":"wrong"}"#)]),
        ], db: db)
        timeline = try await db.withConnection { try TimelineQuery().timeline(for: "OpenAI", on: $0) }
        #expect(timeline.events.map(\.date) == ["2023-06-28"])
        #expect(timeline.events[0].sources.count == 1)
    }

    /// A rebuild (a catch-up from zero, which makes the relations at its end) gives what the fast path
    /// gave article by article (the first article alone, then relations moved by deltas).
    @Test func aRebuildGivesTheSameReadModels() async throws {
        let db = try await TestDatabase.create()
        let corpus = FactFactory.corpus(count: 150)
        try await appendAndProject(Array(corpus[..<1]), db: db)
        try await appendAndProject(Array(corpus[1...]), db: db)
        let incremental = try await ReadModelDump.take(db)
        try await projectAll(db, rebuild: true)
        let rebuilt = try await ReadModelDump.take(db)
        let differences = incremental.differences(from: rebuilt)
        #expect(differences.isEmpty, "after a rebuild: \(differences)")
        #expect(incremental.tables["graph.events"]!.count > 100)
    }
}

extension ProjectorTests {
    /// The fast path (each report placed with its event's stored grouping state, relations moved by deltas)
    /// ends where grouping every key and counting every edge again from the sources ends, with
    /// corrections in the middle of the log.
    @Test func theIncrementalPathEqualsGroupingEverythingAgain() async throws {
        let db = try await TestDatabase.create()
        // Crowded: keys gather dozens of events, with dates of every precision, so that the fold over the
        // stored grouping state is put to the test.
        let corpus = FactFactory.corpus(count: 240, seed: 11, organizations: 5, cities: 2, persons: 4)
        try await appendAndProject(Array(corpus[..<120]), db: db)
        let (event, article) = try await db.withConnection { connection in
            (try connection.query("SELECT id FROM graph.events WHERE type = 'agreement.signed' ORDER BY id LIMIT 1")[0].decode(0, as: String.self),
             try connection.query("SELECT id FROM graph.articles ORDER BY id LIMIT 1 OFFSET 5")[0].decode(0, as: String.self))
        }
        func correction(_ type: String, _ data: String) -> AppendRequest {
            AppendRequest(stream: EventCatalog.Streams.curation(UUID()), events: [NewEvent(type: type, data: data)])
        }
        typealias T = EventCatalog.EventTypeName
        try await appendAndProject([
            correction(T.entityMerged, #"{"schema":1,"from":"org/test-4","into":"org/test-1"}"#),
            correction(T.entityMerged, #"{"schema":1,"from":"person/test-2","into":"person/test-1"}"#),
            correction(T.eventRetracted, #"{"schema":1,"event":"\#(event)","reason":"wrong"}"#),
            correction(T.articleRetracted, #"{"schema":1,"article":"\#(article)","reason":"satire"}"#),
        ] + Array(corpus[120...]), db: db)
        let incremental = try await ReadModelDump.take(db)
        try await db.withConnection { connection in
            try connection.transaction { try GraphProjection().regroupEverything(on: $0) }
        }
        let regrouped = try await ReadModelDump.take(db)
        let differences = incremental.differences(from: regrouped)
        #expect(differences.isEmpty, "grouped again from the sources: \(differences)")
        #expect(incremental.tables["graph.events"]!.count > 200)
        let crowded = try await mostEventsOfAKey(db)
        #expect(crowded >= 20, "the corpus is not crowded enough to test anything: \(crowded) events at most per key")
        #expect(incremental.tables["graph.events"]!.contains { $0.contains("\(event),") && $0.contains(",t,wrong,") })
    }
}

extension ProjectorTests {
    /// The event cache only saves reads: a cache of twelve events, which forgets keys all the time (and reads
    /// them back), gives what the default one gives, incrementally and in a rebuild (where it also
    /// knows which keys have no events yet).
    @Test func theEventCacheChangesNothingButSpeed() async throws {
        let corpus = FactFactory.corpus(count: 200, seed: 5, organizations: 8, cities: 3, persons: 8)
        var dumps: [(String, ReadModelDump)] = []
        var crowded = 0
        for capacity in [12, Projector.defaultCacheCapacity] {
            let db = try await TestDatabase.create()
            try await appendAndProject(Array(corpus[..<1]), db: db, cacheCapacity: capacity)
            try await appendAndProject(Array(corpus[1...]), db: db, cacheCapacity: capacity)
            crowded = try await mostEventsOfAKey(db)
            dumps.append(("incremental, \(capacity) events", try await ReadModelDump.take(db, acrossDatabases: true)))
            try await projectAll(db, rebuild: true, cacheCapacity: capacity)
            dumps.append(("rebuilt, \(capacity) events", try await ReadModelDump.take(db, acrossDatabases: true)))
        }
        for (name, dump) in dumps.dropFirst() {
            let differences = dumps[0].1.differences(from: dump)
            #expect(differences.isEmpty, "\(dumps[0].0) against \(name): \(differences)")
        }
        #expect(crowded >= 10, "the corpus is not crowded enough to test anything")
    }
}

extension ProjectorTests {
    /// A catch-up from zero drops the indexes its writes never read and turns autovacuum off, and at its end
    /// builds them and turns it on; one stopped meanwhile does the rest when it starts again.
    @Test func theIndexesACatchUpDefersAreBuiltAgain() async throws {
        let db = try await TestDatabase.create()
        let before = try await graphIndexes(db)
        try await appendAndProject(FactFactory.corpus(count: 30), db: db)
        #expect(try await graphIndexes(db) == before)
        // As if stopped after the relations were made, before the indexes were built and autovacuum was on.
        try await db.withConnection { connection in
            try connection.transaction { connection in
                try DeferredIndexes.drop(on: connection)
                try Projector.setAutovacuum(false, of: Projector.readModelTables, on: connection)
            }
        }
        let dropped = try await graphIndexes(db)
        #expect(dropped.filter { $0.hasPrefix("deferred: ") }.count == DeferredIndexes.names.count, "\(dropped)")
        #expect(dropped.filter { $0.contains("autovacuum_enabled=false") }.count == Projector.readModelTables.count, "\(dropped)")
        try await projectAll(db)
        #expect(try await graphIndexes(db) == before)
    }
}

/// The number of events of the most crowded cluster key.
func mostEventsOfAKey(_ db: TestDatabase) async throws -> Int {
    try await db.withConnection {
        try $0.query("SELECT max(n) FROM (SELECT count(*) AS n FROM graph.events GROUP BY cluster_key) k")[0].decode(0, as: Int.self)
    }
}

/// Every read-model table as sorted text rows, to compare two projections.
struct ReadModelDump: Equatable {
    var tables: [String: [String]]

    static let tableNames = Projector.readModelTables

    /// For each table that differs, a few of the rows only one side has ("-" this one, "+" the other).
    func differences(from other: ReadModelDump) -> [String] {
        Self.tableNames.compactMap { table in
            let mine = Set(tables[table] ?? []), theirs = Set(other.tables[table] ?? [])
            guard mine != theirs else { return nil }
            let lines = mine.subtracting(theirs).sorted().prefix(3).map { "- " + $0 } + theirs.subtracting(mine).sorted().prefix(3).map { "+ " + $0 }
            return "\(table): " + lines.joined(separator: "; ")
        }
    }

    /// `acrossDatabases`: without the columns that hold transaction ids, which differ from one database to
    /// another.
    static func take(_ db: TestDatabase, acrossDatabases: Bool = false) async throws -> ReadModelDump {
        try await db.withConnection { connection in
            var tables: [String: [String]] = [:]
            for table in tableNames {
                // Table names come from the list above, never from input.
                let row = acrossDatabases ? "(to_jsonb(t) - 'first_xid')::text" : "t::text"
                tables[table] = try connection.query(SQL(unsafeSQL: "SELECT \(row) FROM \(table) t ORDER BY 1")).map { try $0.decode(0, as: String.self) }
            }
            return ReadModelDump(tables: tables)
        }
    }
}
