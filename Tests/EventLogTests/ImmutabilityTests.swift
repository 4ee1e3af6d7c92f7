import EventLog
import Foundation
import Migrations
import Postgres
import PostgresTestSupport
import Testing

@Suite struct ImmutabilityTests {
    @Test(arguments: [
        "UPDATE events SET type = 'rewritten'",
        "DELETE FROM events",
        "DELETE FROM events WHERE false",
        "TRUNCATE events",
    ])
    func theLogRefusesToChange(statement: String) async throws {
        let db = try await TestDatabase.create()
        try await db.withConnection { connection in
            try EventStore().append([NewEvent(type: "t", data: "{}")], to: "s-1", on: connection)
            let error = #expect(throws: PostgresError.self) { try connection.run(script: statement) }
            #expect(error?.sqlState == "42501")
            #expect(error?.message.contains("append-only") == true)
            #expect(try connection.query("SELECT count(*) FROM events WHERE type = 't'")[0].decode(0, as: Int.self) == 1)
        }
    }

    @Test func theRolesHaveOnlyWhatTheyNeed() async throws {
        let db = try await TestDatabase.create()
        try await db.withConnection { connection in
            try EventStore().append([NewEvent(type: "t", data: "{}")], to: "s-1", on: connection)
            try connection.transaction { connection in
                try connection.run(script: "SET LOCAL ROLE chronograph_reader")
                #expect(try connection.query("SELECT count(*) FROM events")[0].decode(0, as: Int.self) == 1)
                let error = #expect(throws: PostgresError.self) {
                    try connection.run(script: "INSERT INTO events (stream, version, id, type, data) VALUES ('s-2', 0, gen_random_uuid(), 't', '{}')")
                }
                #expect(error?.sqlState == "42501")
            }
            try connection.transaction { connection in
                try connection.run(script: "SET LOCAL ROLE chronograph_writer")
                try EventStore().append([NewEvent(type: "t", data: "{}")], to: "s-2", on: connection)
                let error = #expect(throws: PostgresError.self) { try connection.run(script: "DELETE FROM events") }
                #expect(error?.sqlState == "42501")
            }
        }
    }
}

@Suite struct MigrationTests {
    /// The checksum recorded for an applied migration is FNV-1a (64 bits): a changed function would make
    /// every database's recorded checksums look edited.
    @Test func theChecksumIsFNV1a() {
        #expect(Migration(version: 1, name: "x", sql: "").checksum == "cbf29ce484222325")
        #expect(Migration(version: 1, name: "x", sql: "a").checksum == "af63dc4c8601ec8c")
        #expect(Migration(version: 1, name: "x", sql: "foobar").checksum == "85944171f73967e8")
    }

    @Test func migratingTwiceDoesNothingTheSecondTime() async throws {
        let db = try await TestDatabase.create(migrated: false)
        let migrator = try Migrator.bundled()
        try await db.withConnection { connection in
            #expect(try migrator.status(on: connection).pending.count == migrator.migrations.count)
            let first = try migrator.migrate(on: connection)
            #expect(first.count == migrator.migrations.count)
            #expect(try migrator.migrate(on: connection).isEmpty)
            #expect(try migrator.status(on: connection).isUpToDate)
        }
    }

    @Test func concurrentMigratorsDoNotRace() async throws {
        let db = try await TestDatabase.create(migrated: false)
        let migrator = try Migrator.bundled()
        let handles = try await [db.connect(), db.connect(), db.connect()]
        let applied = try await withThrowingTaskGroup(of: Int.self) { group in
            for handle in handles {
                group.addTask { try await handle.withConnection { try migrator.migrate(on: $0).count } }
            }
            return try await group.reduce(0, +)
        }
        #expect(applied == migrator.migrations.count)
    }

    @Test func anUnknownMigrationIsRefused() async throws {
        let db = try await TestDatabase.create()
        try await db.withConnection { connection in
            try connection.query("INSERT INTO chronograph_migrations (version, name, checksum) VALUES (\(9999), \("future"), \("x"))")
            let status = try Migrator.bundled().status(on: connection)
            #expect(status.unknown.map(\.version) == [9999])
            #expect(!status.isUpToDate)
            #expect(throws: MigrationError.self) { try Migrator.bundled().migrate(on: connection) }
        }
    }

    @Test func aFailingMigrationLeavesNoTrace() async throws {
        let db = try await TestDatabase.create(migrated: false)
        let broken = Migrator(migrations: [
            Migration(version: 1, name: "good", sql: "CREATE TABLE a (id int)"),
            Migration(version: 2, name: "bad", sql: "CREATE TABLE b (id int); SELECT no_such_function()"),
        ])
        try await db.withConnection { connection in
            #expect(throws: MigrationError.self) { try broken.migrate(on: connection) }
            let status = try broken.status(on: connection)
            #expect(status.applied.map(\.version) == [1])
            #expect(try connection.query("SELECT to_regclass('b') IS NULL AS gone")[0].decode("gone", as: Bool.self))
        }
    }
}
