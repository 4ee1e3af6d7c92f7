import EventLog
import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite struct AppendTests {
    let store = EventStore()

    func events(_ count: Int, type: String = "thing.happened") -> [NewEvent] {
        (0..<count).map { NewEvent(type: type, data: "{\"n\":\($0),\"text\":\"한국 \\\"q\\\"\"}", metadata: "{\"by\":\"test\"}") }
    }

    @Test func appendedEventsReadBackInVersionOrder() async throws {
        let db = try await TestDatabase.create()
        let written = events(5)
        let read = try await db.withConnection { connection in
            try store.append(written, to: "article-1", expectedVersion: .noStream, on: connection)
            return try store.readStream("article-1", on: connection)
        }
        #expect(read.map(\.version) == [0, 1, 2, 3, 4])
        #expect(read.map(\.id) == written.map(\.id))
        #expect(read.allSatisfy { $0.category == "article" && $0.type == "thing.happened" })
        #expect(read[2].data == "{\"n\": 2, \"text\": \"한국 \\\"q\\\"\"}")
        #expect(read[2].metadata == "{\"by\": \"test\"}")
    }

    @Test func expectedVersionIsEnforced() async throws {
        let db = try await TestDatabase.create()
        try await db.withConnection { connection in
            try store.append(events(2), to: "s-1", expectedVersion: .noStream, on: connection)
            let again = #expect(throws: EventLogError.self) {
                try store.append(events(1), to: "s-1", expectedVersion: .noStream, on: connection)
            }
            #expect(again?.code == .wrongExpectedVersion)
            #expect(again?.actual == 1)
            let stale = #expect(throws: EventLogError.self) {
                try store.append(events(1), to: "s-1", expectedVersion: .exactly(0), on: connection)
            }
            #expect(stale?.code == .wrongExpectedVersion)
            let missing = #expect(throws: EventLogError.self) {
                try store.append(events(1), to: "s-2", expectedVersion: .exactly(0), on: connection)
            }
            #expect(missing?.actual == nil)
            let ok = try store.append(events(1), to: "s-1", expectedVersion: .exactly(1), on: connection)
            #expect(ok == .appended(stream: "s-1", firstVersion: 2, lastVersion: 2, skipped: 0))
            #expect(try store.currentVersion(of: "s-1", on: connection) == 2)
        }
    }

    @Test func twoWritersWithTheSameExpectedVersionExactlyOneWins() async throws {
        let db = try await TestDatabase.create()
        let a = try await db.connect(), b = try await db.connect()
        for round in 0..<20 {
            let stream = "race-\(round)"
            try await a.withConnection { try store.append(events(1), to: stream, on: $0) }
            async let first = a.withConnection { connection in
                Result { try store.append(events(1), to: stream, expectedVersion: .exactly(0), on: connection) }
            }
            async let second = b.withConnection { connection in
                Result { try store.append(events(1), to: stream, expectedVersion: .exactly(0), on: connection) }
            }
            let results = try await [first, second]
            let wins = results.filter { if case .success = $0 { true } else { false } }
            #expect(wins.count == 1, "round \(round): \(results)")
            for case .failure(let error as EventLogError) in results {
                #expect(error.code == .wrongExpectedVersion)
            }
            let version = try await a.withConnection { try store.currentVersion(of: stream, on: $0) }
            #expect(version == 1)
        }
    }

    @Test func reappendingTheSameIdsIsHarmless() async throws {
        let db = try await TestDatabase.create()
        let batch = events(3)
        try await db.withConnection { connection in
            try store.append(batch, to: "article-x", expectedVersion: .noStream, on: connection)
            // A retry with the same ids and the same expected version succeeds and writes nothing.
            let retry = try store.append(batch, to: "article-x", expectedVersion: .noStream, on: connection)
            #expect(retry == .alreadyAppended(stream: "article-x", lastVersion: 2))
            // Known ids are skipped, new ones appended.
            let more = try store.append([batch[2]] + events(1), to: "article-x", on: connection)
            #expect(more == .appended(stream: "article-x", firstVersion: 3, lastVersion: 3, skipped: 1))
            #expect(try store.readStream("article-x", on: connection).count == 4)
            // The same id on another stream is an error.
            let clash = #expect(throws: EventLogError.self) {
                try store.append([batch[0]], to: "article-y", on: connection)
            }
            #expect(clash?.code == .duplicateEventID)
            #expect(try store.currentVersion(of: "article-y", on: connection) == nil)
            // Twice in one request is an error too.
            let twice = #expect(throws: EventLogError.self) {
                let event = NewEvent(type: "t", data: "{}")
                try store.append([event, event], to: "article-z", on: connection)
            }
            #expect(twice?.code == .duplicateEventID)
        }
    }

    @Test func aBatchChecksEveryRequestAndWritesTheGoodOnes() async throws {
        let db = try await TestDatabase.create()
        try await db.withConnection { connection in
            try store.append(events(1), to: "b-taken", on: connection)
            let outcomes = try store.append([
                AppendRequest(stream: "b-new", events: events(2), expectedVersion: .noStream),
                AppendRequest(stream: "b-taken", events: events(1), expectedVersion: .noStream),
                AppendRequest(stream: "b-new", events: events(1), expectedVersion: .exactly(1)),
            ], on: connection)
            #expect(outcomes[0] == .appended(stream: "b-new", firstVersion: 0, lastVersion: 1, skipped: 0))
            #expect(outcomes[1].error?.code == .wrongExpectedVersion)
            #expect(outcomes[2] == .appended(stream: "b-new", firstVersion: 2, lastVersion: 2, skipped: 0))
            #expect(try store.readStream("b-taken", on: connection).count == 1)
        }
    }

    @Test func aFailedAppendLeavesNothingBehind() async throws {
        let db = try await TestDatabase.create()
        try await db.withConnection { connection in
            // The server refuses the bad JSON of the third request: the whole transaction goes.
            #expect(throws: PostgresError.self) {
                try store.append([
                    AppendRequest(stream: "f-1", events: events(2)),
                    AppendRequest(stream: "f-2", events: events(100)),  // large enough for COPY
                    AppendRequest(stream: "f-3", events: [NewEvent(type: "t", data: "{not json")]),
                ], on: connection)
            }
            #expect(try connection.query("SELECT count(*) FROM events")[0].decode(0, as: Int.self) == 0)
            // And the connection is usable: the next append works.
            try store.append(events(1), to: "f-1", expectedVersion: .noStream, on: connection)
        }
    }

    @Test func aLargeBatchWithAnIDFromAnotherStreamRejectsOnlyThatRequest() async throws {
        let db = try await TestDatabase.create()
        let taken = NewEvent(type: "t", data: "{}")
        let outcomes = try await db.withConnection { connection in
            try store.append([taken], to: "old-1", on: connection)
            return try store.append([
                AppendRequest(stream: "new-1", events: events(40), expectedVersion: .noStream),
                AppendRequest(stream: "new-2", events: events(39) + [taken], expectedVersion: .noStream),
                AppendRequest(stream: "new-3", events: events(40), expectedVersion: .noStream),
            ], on: connection)
        }
        #expect(outcomes[0].error == nil)
        #expect(outcomes[1].error?.code == .duplicateEventID)
        #expect(outcomes[2].error == nil)
        let counts = try await db.withConnection { connection in
            try connection.query("SELECT stream, count(*) FROM events GROUP BY stream ORDER BY stream").map { "\(try $0.decode(0, as: String.self))=\(try $0.decode(1, as: Int.self))" }
        }
        #expect(counts == ["new-1=40", "new-3=40", "old-1=1"])
    }

    @Test func aFailedSmallAppendLeavesNothingBehindAndTheConnectionWorks() async throws {
        let db = try await TestDatabase.create()
        try await db.withConnection { connection in
            #expect(throws: PostgresError.self) {
                try store.append([
                    AppendRequest(stream: "p-1", events: events(2)),
                    AppendRequest(stream: "p-2", events: [NewEvent(type: "t", data: "{not json")]),
                ], on: connection)
            }
            #expect(!connection.inTransaction)
            #expect(try connection.query("SELECT count(*) FROM events")[0].decode(0, as: Int.self) == 0)
            try store.append(events(1), to: "p-1", expectedVersion: .noStream, on: connection)
            #expect(try store.currentVersion(of: "p-1", on: connection) == 0)
        }
    }

    @Test func largeBatchesGoThroughCopy() async throws {
        let db = try await TestDatabase.create()
        let requests = (0..<50).map { AppendRequest(stream: "bulk-\($0)", events: events(40), expectedVersion: .noStream) }
        let (outcomes, count) = try await db.withConnection { connection in
            (try store.append(requests, on: connection), try connection.query("SELECT count(*) FROM events")[0].decode(0, as: Int.self))
        }
        #expect(outcomes.allSatisfy { $0.error == nil })
        #expect(count == 2000)
    }
}
