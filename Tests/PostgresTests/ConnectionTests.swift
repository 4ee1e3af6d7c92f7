import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite struct ConnectionTests {
    @Test func valuesTravelAsParametersAndComeBackTyped() async throws {
        let db = try await TestDatabase.create(migrated: false)
        let tricky = "O'Brien \"quoted\" \\ back; DROP TABLE x; -- 한국어 ✓"
        let row = try await db.withConnection { connection in
            try connection.query("""
                SELECT \(tricky)::text AS text, \(Int64(9_007_199_254_740_993))::int8 AS big, \(true) AS flag,
                       \(Optional<String>.none)::text AS nothing, \(3.5) AS real, \(JSONText("{\"a\":[1,2]}")) AS doc
                """)[0]
        }
        #expect(try row.decode("text", as: String.self) == tricky)
        #expect(try row.decode("big", as: Int64.self) == 9_007_199_254_740_993)
        #expect(try row.decode("flag", as: Bool.self))
        #expect(row["nothing"] == nil)
        #expect(try row.decode("real", as: Double.self) == 3.5)
        #expect(try row.decode("doc", as: JSONText.self).text == "{\"a\": [1, 2]}")
    }

    @Test func interpolationNeverSplicesValues() {
        let name = "x'); DROP TABLE events; --"
        let sql: SQL = "SELECT * FROM events WHERE stream = \(name) AND version > \(3)"
        #expect(sql.text == "SELECT * FROM events WHERE stream = $1 AND version > $2")
        #expect(sql.parameters == [.text(name), .text("3")])
    }

    @Test func nestedFragmentsAreRenumbered() {
        let inner: SQL = "type = \("b") AND version = \(2)"
        let outer: SQL = "stream = \("a") AND \(inner)"
        #expect(outer.text == "stream = $1 AND type = $2 AND version = $3")
        #expect(outer.parameters == [.text("a"), .text("b"), .text("2")])
    }

    @Test func arraysEscapeTheirElements() async throws {
        let db = try await TestDatabase.create(migrated: false)
        let values = ["plain", "with \"quote\"", "back\\slash", "comma, brace}", "", "한글"]
        let result = try await db.withConnection { connection in
            try connection.query("SELECT x FROM unnest(\(PostgresArray(values))::text[]) WITH ORDINALITY AS u(x, n) ORDER BY n")
        }
        #expect(try result.map { try $0.decode(0, as: String.self) } == values)
    }

    /// Arrays of text, integers, floats and booleans go in the binary format, NULLs and empty arrays
    /// included; the server reads back exactly what the text format (which the other types use) gives.
    @Test func binaryArraysCarryWhatTheirTextWouldCarry() async throws {
        let db = try await TestDatabase.create(migrated: false)
        let texts: [String?] = ["plain", nil, "with \"quote\"", "back\\slash", "", "한글 ✓", "NULL"]
        let numbers = [Int.min, -1, 0, 1, Int.max]
        let reals = [-2.5, 0, 1e-300, .greatestFiniteMagnitude]
        let flags = [true, false, true]
        #expect(SQL("\(PostgresArray(texts))").parameters.allSatisfy { if case .binary = $0 { true } else { false } })
        let row = try await db.withConnection { connection in
            try connection.query("""
                SELECT array_to_json(\(PostgresArray(texts))::text[])::text AS texts,
                       array_to_json(\(PostgresArray(numbers))::int8[])::text AS numbers,
                       (\(PostgresArray(reals))::float8[])::text AS reals, (\(PostgresArray(flags))::bool[])::text AS flags,
                       cardinality(\(PostgresArray([String]()))::text[]) AS empty, \(PostgresArray([1, 2]))::int[] AS narrowed
                """)[0]
        }
        #expect(try row.decode("texts", as: String.self) == #"["plain",null,"with \"quote\"","back\\slash","","한글 ✓","NULL"]"#)
        #expect(try row.decode("numbers", as: String.self) == "[\(Int.min),-1,0,1,\(Int.max)]")
        #expect(try row.decode("reals", as: String.self) == "{-2.5,0,1e-300,1.7976931348623157e+308}")
        #expect(try row.decode("flags", as: String.self) == "{t,f,t}")
        #expect(try row.decode("empty", as: Int.self) == 0)
        #expect(row["narrowed"] == "{1,2}")
    }

    @Test func serverErrorsKeepSQLStateAndMessage() async throws {
        let db = try await TestDatabase.create(migrated: false)
        let error = await #expect(throws: PostgresError.self) {
            try await db.withConnection { connection in
                try connection.run(script: "CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1)")
                try connection.query("INSERT INTO t VALUES (\(1))")
            }
        }
        #expect(error?.sqlState == "23505")
        #expect(error?.code == .server)
        #expect(error?.constraint == "t_pkey")
        #expect(error?.description.contains("duplicate key") == true)
    }

    @Test func transactionsRollBackWhenTheBodyThrows() async throws {
        let db = try await TestDatabase.create(migrated: false)
        struct Boom: Error {}
        let count = try await db.withConnection { connection -> Int in
            try connection.run(script: "CREATE TABLE t (id int)")
            _ = try? connection.transaction { connection in
                try connection.query("INSERT INTO t VALUES (\(1))")
                throw Boom()
            }
            try connection.transaction { connection in
                try connection.query("INSERT INTO t VALUES (\(2))")
                _ = try? connection.transaction { connection in  // a savepoint
                    try connection.query("INSERT INTO t VALUES (\(3))")
                    throw Boom()
                }
            }
            return try connection.query("SELECT count(*) FROM t")[0].decode(0)
        }
        #expect(count == 1)
    }

    @Test func copyLoadsRowsWithAwkwardCharacters() async throws {
        let db = try await TestDatabase.create(migrated: false)
        let texts = ["tab\there", "new\nline", "back\\slash", "\\N not null", "끝"]
        let stored = try await db.withConnection { connection -> [String?] in
            try connection.run(script: "CREATE TABLE t (n int, s text)")
            let copied = try connection.copyIn("COPY t (n, s) FROM STDIN") { writer in
                for (index, text) in texts.enumerated() {
                    writer.field(index)
                    writer.field(text)
                    writer.endRow()
                }
                writer.field(99)
                writer.field(nil as String?)
                writer.endRow()
            }
            #expect(copied == texts.count + 1)
            return try connection.query("SELECT s FROM t ORDER BY n").map { $0[0] }
        }
        #expect(stored == texts.map(Optional.some) + [nil])
    }

    @Test func notificationsArriveAndWaitingTimesOut() async throws {
        let db = try await TestDatabase.create(migrated: false)
        let listener = try await db.connect()
        try await listener.withConnection { try $0.listen("chronograph_test") }
        let start = Date()
        let none = try await listener.withConnection { try $0.waitForNotifications(timeout: 0.2) }
        #expect(none.isEmpty)
        #expect(Date().timeIntervalSince(start) >= 0.15)
        try await db.withConnection { try $0.notify("chronograph_test", payload: "hello") }
        let received = try await listener.withConnection { try $0.waitForNotifications(timeout: 5) }
        #expect(received.map(\.payload) == ["hello"])
    }

    @Test func cancellingTheTaskCancelsTheStatement() async throws {
        let db = try await TestDatabase.create(migrated: false)
        let handle = try await db.connect()
        let start = Date()
        let task = Task {
            try await handle.withConnection { try $0.query("SELECT pg_sleep(30)") }
        }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        let result = await task.result
        #expect(Date().timeIntervalSince(start) < 10)
        guard case .failure(let error as PostgresError) = result else {
            Issue.record("expected a PostgresError, got \(result)")
            return
        }
        #expect(error.isCancellation)
        // The connection is still usable afterwards.
        let one = try await handle.withConnection { try $0.query("SELECT 1 AS one")[0].decode("one", as: Int.self) }
        #expect(one == 1)
    }

    @Test func connectionErrorsNeverShowThePassword() async throws {
        let secret = "s3cr3t-pa55"
        let error = #expect(throws: PostgresError.self) {
            _ = try Connection(conninfo: "postgresql://nobody:\(secret)@127.0.0.1:1/none?connect_timeout=2")
        }
        #expect(error?.code == .connection)
        #expect(error.map { "\($0) \(String(reflecting: $0))" }?.contains(secret) == false)
    }

    @Test(arguments: [
        ("postgresql://user:pw@host:5432/db?sslmode=require", "postgresql://user:***@host:5432/db?sslmode=require"),
        ("postgres://host/db?password=pw&user=u", "postgres://host/db?password=***&user=u"),
        ("host=x password=pw user=u", "host=x password=*** user=u"),
        ("host=x password='p w' dbname=d", "host=x password=*** dbname=d"),
        ("postgresql:///db?host=/tmp", "postgresql:///db?host=/tmp"),
    ])
    func conninfoIsRedacted(input: String, expected: String) {
        #expect(Conninfo.redacted(input) == expected)
    }

    @Test(arguments: [
        ("postgresql://u@h:5/old?sslmode=disable", "postgresql://u@h:5/new?sslmode=disable"),
        ("postgresql:///old?host=/tmp/x", "postgresql:///new?host=/tmp/x"),
        ("postgresql://u@h", "postgresql://u@h/new"),
        ("host=/tmp dbname=old", "host=/tmp dbname=old dbname='new'"),
    ])
    func conninfoDatabaseIsReplaced(input: String, expected: String) {
        #expect(Conninfo.replacingDatabase(in: input, with: "new") == expected)
    }
}
