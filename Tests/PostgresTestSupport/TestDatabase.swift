import Foundation
import Migrations
public import Postgres

/// A database of its own for one test, on the shared test server, so tests run in parallel and never
/// see each other's rows. Dropped by nobody: the throwaway server goes away with the test process
/// (against a DATABASE_URL server, databases are named `chronograph_test_*`).
public struct TestDatabase: Sendable {
    /// The new database's name.
    public let name: String
    /// A connection string for it.
    public let conninfo: String
    private let handle: ConnectionHandle

    /// Creates a fresh database, migrated unless `migrated` is false.
    public static func create(migrated: Bool = true) async throws -> TestDatabase {
        let admin = try TestServer.conninfo.get()
        let name = "chronograph_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        let adminHandle = try await ConnectionHandle.connect(conninfo: admin)
        try await adminHandle.withConnection { connection in
            // An identifier cannot be a parameter; this name is generated above, never user input.
            try connection.run(script: "CREATE DATABASE \(try connection.quoteIdentifier(name))")
        }
        let conninfo = Conninfo.replacingDatabase(in: admin, with: name)
        let handle = try await ConnectionHandle.connect(conninfo: conninfo)
        if migrated {
            _ = try await handle.withConnection { try Migrator.bundled().migrate(on: $0) }
        }
        return TestDatabase(name: name, conninfo: conninfo, handle: handle)
    }

    /// Runs `body` on this test's main connection.
    @discardableResult
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await handle.withConnection(body)
    }

    /// Opens another connection to the same database.
    public func connect() async throws -> ConnectionHandle {
        try await ConnectionHandle.connect(conninfo: conninfo)
    }
}
