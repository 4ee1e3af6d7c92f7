import ArgumentParser
import ChronographDatabase
import EmbeddedPostgres
import Foundation
import Migrations
import Postgres

struct DBCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Manage the database: migrations and the embedded PostgreSQL cluster.",
        subcommands: [Migrate.self, Status.self, Start.self, Stop.self, URLCommand.self]
    )

    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply the pending migrations (each in its own transaction; safe to run twice or at once).")

        func run() async throws {
            let handle = try await DatabaseConnector().connect(requireCurrentSchema: false)
            let applied = try await handle.withConnection { try Migrator.bundled().migrate(on: $0) }
            if applied.isEmpty {
                print("database is up to date")
            } else {
                for migration in applied { print("applied \(migration.version) \(migration.name)") }
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show where chronograph connects, the embedded server's state, and applied and pending migrations.")

        func run() async throws {
            let connector = DatabaseConnector()
            switch connector.target {
            case .configured(let conninfo):
                print("database: \(conninfo.isEmpty ? "from the PG* environment variables" : Conninfo.redacted(conninfo))")
            case .embedded(let cluster):
                let status = try cluster.status()
                print("database: embedded cluster in \(cluster.home.path)")
                print("server: \(status.running ? "running" : status.initialised ? "stopped" : "not created yet")"
                    + (status.pid.map { ", pid \($0)" } ?? "") + (status.serverVersion.map { ", PostgreSQL \($0)" } ?? ""))
                print("data: \(status.dataDirectory.path)")
                print("socket: \(status.socketDirectory.path)")
                print("log: \(status.logFile.path)")
                guard status.running else { return }
            }
            let handle = try await connector.connect(requireCurrentSchema: false)
            let status = try await handle.withConnection { try Migrator.bundled().status(on: $0) }
            let rows = status.applied.map { [String($0.version), $0.name, "applied \($0.appliedAt)"] }
                + status.pending.map { [String($0.version), $0.name, "pending"] }
            print(renderTable(header: ["VERSION", "NAME", "STATE"], rows: rows))
            for changed in status.changed {
                printError("warning: migration \(changed.version) (\(changed.name)) was changed after it was applied")
            }
            if let unknown = status.unknown.last {
                throw ValidationError("""
                    the database has migration \(unknown.version) (\(unknown.name)), which this chronograph does not know: \
                    it was migrated by a newer version; refusing to go on
                    """)
            }
            if !status.pending.isEmpty {
                print("\(status.pending.count) pending: run `chronograph db migrate`")
            }
        }
    }

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start the embedded PostgreSQL cluster (creating it the first time).")

        func run() async throws {
            let connector = DatabaseConnector()
            guard case .embedded(let cluster) = connector.target else {
                print("a database is configured (DATABASE_URL or PG* variables): nothing to start")
                return
            }
            let result = try cluster.start()
            _ = try await connector.connect()  // migrates a new or upgraded cluster
            print(result.created ? "created and started the embedded database" : "the embedded database is running")
            print(result.url)
        }
    }

    struct Stop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the embedded PostgreSQL cluster.")

        func run() async throws {
            guard case .embedded(let cluster) = DatabaseConnector().target else {
                print("a database is configured (DATABASE_URL or PG* variables): nothing to stop")
                return
            }
            try cluster.stop()
            print("stopped")
        }
    }

    struct URLCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "url",
            abstract: "Print a connection URL that psql accepts: psql \"$(chronograph db url)\".")

        func run() async throws {
            let connector = DatabaseConnector()
            switch connector.target {
            case .configured(let conninfo):
                guard !conninfo.isEmpty else {
                    throw ValidationError("the database comes from the PG* environment variables: psql reads them too, run plain `psql`")
                }
                print(conninfo)
            case .embedded(let cluster):
                _ = try await connector.connect()
                print(cluster.url())
            }
        }
    }
}
