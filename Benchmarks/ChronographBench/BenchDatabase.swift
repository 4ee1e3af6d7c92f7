import ChronographDatabase
import Foundation
import Migrations
import Postgres

/// A database of the benchmark's own on the configured server (DATABASE_URL, PG*, or the embedded cluster).
enum BenchDatabase {
    /// The database `ingest` fills and `project` and `amplify` read: one name, or they miss each other.
    static let pipeline = "chronograph_pipeline"

    /// Drops and creates `name`, migrated; returns a connection to it.
    static func fresh(_ name: String) async throws -> ConnectionHandle {
        let admin = try DatabaseConnector().conninfo()
        let adminHandle = try await ConnectionHandle.connect(conninfo: admin)
        try await adminHandle.withConnection { connection in
            // The name is the benchmark's own constant, not input.
            try connection.run(script: "DROP DATABASE IF EXISTS \(try connection.quoteIdentifier(name)) WITH (FORCE)")
            try connection.run(script: "CREATE DATABASE \(try connection.quoteIdentifier(name))")
        }
        return try await open(name)
    }

    /// Connects to an existing benchmark database, migrated to this build's schema.
    static func open(_ name: String) async throws -> ConnectionHandle {
        let admin = try DatabaseConnector().conninfo()
        let handle = try await ConnectionHandle.connect(conninfo: Conninfo.replacingDatabase(in: admin, with: name))
        try await handle.withConnection { try Migrator.bundled().migrate(on: $0) }
        return handle
    }

    /// The server's durability settings and version, to print with the figures.
    static func describe(_ handle: ConnectionHandle) async throws -> String {
        try await handle.withConnection { connection in
            let row = try connection.query("SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sc, version() AS v")[0]
            return "fsync=\(row["fsync"] ?? "?") synchronous_commit=\(row["sc"] ?? "?"); \(row["v"]?.split(separator: " ").prefix(2).joined(separator: " ") ?? "")"
        }
    }
}
