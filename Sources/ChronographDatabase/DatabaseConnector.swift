public import EmbeddedPostgres
public import Foundation
public import Logging
import Migrations
public import Postgres

/// Opens the database every command works on: `DATABASE_URL`, else the standard PG* variables, else
/// the embedded cluster (started on demand and migrated automatically).
public struct DatabaseConnector: Sendable {
    public let target: DatabaseTarget
    public let logger: Logger

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, logger: Logger = Logger(label: "chronograph.database")) {
        self.target = DatabaseTarget.resolve(environment: environment)
        self.logger = logger
    }

    public init(target: DatabaseTarget, logger: Logger = Logger(label: "chronograph.database")) {
        self.target = target
        self.logger = logger
    }

    /// The connection string to use (the embedded cluster is started first if need be).
    public func conninfo() throws -> String {
        switch target {
        case .configured(let conninfo): return conninfo
        case .embedded(let cluster): return try cluster.start().conninfo
        }
    }

    /// Connects, ready to use.
    ///
    /// The embedded database is migrated on the spot (when created and after an upgrade). A configured
    /// database with pending migrations is refused with a message naming `chronograph db migrate`, unless
    /// `requireCurrentSchema` is false (the `db` commands themselves).
    public func connect(requireCurrentSchema: Bool = true) async throws -> ConnectionHandle {
        let conninfo = try conninfo()
        let handle = try await ConnectionHandle.connect(conninfo: conninfo, logger: logger)
        guard requireCurrentSchema else { return handle }
        let embedded: Bool
        if case .embedded = target { embedded = true } else { embedded = false }
        let logger = logger
        try await handle.withConnection { connection in
            let migrator = try Migrator.bundled()
            let status = try migrator.status(on: connection)
            if let unknown = status.unknown.last {
                throw MigrationError(message: """
                    the database has migration \(unknown.version) (\(unknown.name)), which this chronograph does not know; \
                    upgrade chronograph
                    """)
            }
            guard !status.pending.isEmpty else { return }
            if embedded {
                let applied = try migrator.migrate(on: connection)
                logger.info("migrated the embedded database", metadata: ["migrations": "\(applied.map(\.version))"])
            } else {
                let names = status.pending.map { "\($0.version) (\($0.name))" }.joined(separator: ", ")
                throw MigrationError(message: """
                    the database needs \(status.pending.count) migration(s): \(names). Run `chronograph db migrate` first.
                    """)
            }
        }
        return handle
    }
}
