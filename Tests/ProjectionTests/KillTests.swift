import EventLog
import Foundation
import Postgres
import PostgresTestSupport
import Projections
import Testing
#if canImport(Glibc)
import Glibc
#endif


@Suite struct KillTests {
    /// `chronograph project` killed with SIGKILL mid-catch-up, several times, then restarted, ends with
    /// exactly the read models of a clean rebuild.
    @Test func aProjectorKilledAtAnyInstantEndsLikeACleanRebuild() async throws {
        let db = try await TestDatabase.create()
        let corpus = FactFactory.corpus(count: 1_500, seed: 42)
        try await db.withConnection { connection in
            for chunk in stride(from: 0, to: corpus.count, by: 250) {
                _ = try EventStore().append(Array(corpus[chunk..<min(chunk + 250, corpus.count)]), on: connection)
            }
        }
        let total = try await db.withConnection { try $0.query("SELECT max(position) FROM events")[0].decode(0, as: Int64.self) }
        let indexes = try await graphIndexes(db)
        let binary = try chronographBinary()
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = db.conninfo
        environment["CHRONOGRAPH_HOME"] = NSTemporaryDirectory() + "chronograph-kill-\(UUID().uuidString)"

        func checkpoint() async throws -> Int64 {
            try await db.withConnection {
                try $0.query("SELECT coalesce((SELECT position FROM graph.checkpoints WHERE projection = 'graph'), 0)")[0].decode(0, as: Int64.self)
            }
        }

        var killedMidway = 0
        var last: Int64 = 0
        var rng = SplitMix(seed: UInt64(Date().timeIntervalSince1970))
        for _ in 0..<6 {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["project", "--batch-size", "100"]
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Once it has committed a batch, kill it at a random instant (mid-batch, between batches, at a
            // commit): waiting on progress rather than on the clock keeps the kills mid-catch-up however
            // fast the machine is.
            let started = Date()
            while try await checkpoint() <= last, Date().timeIntervalSince(started) < 30 {
                try await Task.sleep(for: .milliseconds(5))
            }
            try await Task.sleep(for: .milliseconds(Int(rng.next() % 80)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let reached = try await checkpoint()
            #expect(reached >= last, "the checkpoint went back after a kill")
            if reached > last && reached < total { killedMidway += 1 }
            last = reached
            if reached >= total { break }
        }
        #expect(killedMidway >= 2, "the projector was not killed mid-catch-up often enough to test anything (checkpoint \(last) of \(total))")

        // Restart and let it finish.
        let final = Process()
        final.executableURL = binary
        final.arguments = ["project"]
        final.environment = environment
        final.standardOutput = FileHandle.nullDevice
        final.standardError = FileHandle.nullDevice
        try final.run()
        final.waitUntilExit()
        #expect(final.terminationStatus == 0)
        let afterKills = try await ReadModelDump.take(db)
        #expect(try await checkpoint() == total)
        // The secondary indexes the catch-up dropped are all there again.
        #expect(try await graphIndexes(db) == indexes)

        let started = Date()
        try await projectAll(db, rebuild: true, batchSize: 500)
        print("clean rebuild of \(total) events: \(String(format: "%.2f", Date().timeIntervalSince(started))) s (debug build)")
        let clean = try await ReadModelDump.take(db)
        let differences = afterKills.differences(from: clean)
        #expect(differences.isEmpty, "after the kills, compared with a clean rebuild: \(differences)")
        #expect(clean.tables["graph.events"]!.count > 1_000)
        #expect(try await graphIndexes(db) == indexes)
    }
}

/// The indexes of the read models, with their definitions, those waiting to be built, and the tables'
/// storage options (autovacuum is off during a catch-up from zero).
func graphIndexes(_ db: TestDatabase) async throws -> [String] {
    try await db.withConnection { connection in
        try connection.query("""
            SELECT indexdef FROM pg_indexes WHERE schemaname = 'graph'
            UNION ALL SELECT 'deferred: ' || name FROM graph.deferred_indexes
            UNION ALL SELECT 'options: ' || relname || ' ' || reloptions::text FROM pg_class
                      WHERE relnamespace = 'graph'::regnamespace AND reloptions IS NOT NULL
            ORDER BY 1
            """).map { try $0.decode(0, as: String.self) }
    }
}
