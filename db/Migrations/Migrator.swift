public import Postgres

/// Applies the numbered migrations to a database and reports which are applied or pending.
///
/// Each migration runs in its own transaction together with its row in `chronograph_migrations`.
/// A session-level advisory lock keeps two migrators from racing; the second one waits, then finds
/// nothing left to do.
public struct Migrator: Sendable {
    /// The advisory lock key migrators hold (an arbitrary constant of this project).
    static let lockKey: Int64 = 0x43_68_72_6F_6E_6F_01  // "Chrono" + 1

    public let migrations: [Migration]

    public init(migrations: [Migration]) {
        self.migrations = migrations
    }

    /// The migrations shipped with this build.
    public static func bundled() throws -> Migrator {
        Migrator(migrations: try Migration.bundled())
    }

    /// An applied migration as recorded in the database.
    public struct Applied: Sendable, Hashable {
        public var version: Int
        public var name: String
        public var checksum: String
        public var appliedAt: String
    }

    /// Where a database stands against this build's migrations.
    public struct Status: Sendable {
        public var applied: [Applied]
        public var pending: [Migration]
        /// Applied versions this build does not ship: the database was migrated by a newer chronograph.
        public var unknown: [Applied]
        /// Applied migrations whose SQL has changed since.
        public var changed: [Applied]

        public var isUpToDate: Bool { pending.isEmpty && unknown.isEmpty }
    }

    /// Reads the status without changing anything.
    public func status(on connection: Connection) throws -> Status {
        let applied = try appliedMigrations(on: connection)
        return status(applied: applied)
    }

    /// Applies every pending migration, in order. Returns those it applied (none the second time).
    /// Refuses to touch a database that holds a migration this build does not know.
    @discardableResult
    public func migrate(on connection: Connection) throws -> [Migration] {
        try connection.query("SELECT pg_advisory_lock(\(Migrator.lockKey))")
        defer { _ = try? connection.query("SELECT pg_advisory_unlock(\(Migrator.lockKey))") }
        try connection.run(script: """
            CREATE TABLE IF NOT EXISTS chronograph_migrations (
                version    integer PRIMARY KEY,
                name       text NOT NULL,
                checksum   text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
        let status = status(applied: try appliedMigrations(on: connection))
        if let newest = status.unknown.last {
            throw MigrationError(message: """
                the database has migration \(newest.version) (\(newest.name)), which this chronograph does not know: \
                it was migrated by a newer version; upgrade chronograph
                """)
        }
        var done: [Migration] = []
        for migration in status.pending {
            do {
                try connection.transaction { connection in
                    try connection.run(script: migration.sql)
                    try connection.query("""
                        INSERT INTO chronograph_migrations (version, name, checksum)
                        VALUES (\(migration.version), \(migration.name), \(migration.checksum))
                        """)
                }
            } catch let error as PostgresError {
                throw MigrationError(message: "migration \(migration.version) (\(migration.name)) failed: \(error)")
            }
            done.append(migration)
        }
        return done
    }

    private func appliedMigrations(on connection: Connection) throws -> [Applied] {
        let exists = try connection.query("SELECT to_regclass('chronograph_migrations') IS NOT NULL AS present")
        guard try exists[0].decode("present", as: Bool.self) else { return [] }
        let rows = try connection.query("""
            SELECT version, name, checksum, applied_at::text AS applied_at FROM chronograph_migrations ORDER BY version
            """)
        return try rows.map { row in
            Applied(
                version: try row.decode("version"),
                name: try row.decode("name"),
                checksum: try row.decode("checksum"),
                appliedAt: try row.decode("applied_at")
            )
        }
    }

    private func status(applied: [Applied]) -> Status {
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        let appliedVersions = Set(applied.map(\.version))
        return Status(
            applied: applied,
            pending: migrations.filter { !appliedVersions.contains($0.version) },
            unknown: applied.filter { known[$0.version] == nil },
            changed: applied.filter { row in known[row.version].map { $0.checksum != row.checksum } ?? false }
        )
    }
}
