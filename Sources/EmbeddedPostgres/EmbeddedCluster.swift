public import Foundation
public import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A private PostgreSQL cluster that chronograph creates and starts on demand, reachable only
/// through a Unix socket, with trust authentication for the role `chronograph`.
///
/// All methods are synchronous and block while the server commands run. `start()` is safe to call
/// from several processes at once: initialise-and-start runs under an exclusive lock on `<home>/lock`.
/// See docs/embedded-database.md for the layout, root handling and settings.
public struct EmbeddedCluster: Sendable {
    /// The role the cluster is created with (its superuser).
    public static let user = "chronograph"
    /// The database created with the cluster.
    public static let defaultDatabase = "chronograph"
    /// The port; with no TCP listener it only names the socket file `.s.PGSQL.5432`.
    public static let port = ClusterLayout.port

    /// How much a cluster protects its data against a machine crash.
    public enum Durability: Sendable, Hashable {
        /// `fsync` on: the default, for data that matters.
        case durable
        /// No syncing at all (`initdb --no-sync`, `fsync = off`): for test servers in a temporary
        /// folder, several times faster to create. A machine crash may corrupt it.
        case throwaway
    }

    /// What `start()` did.
    public struct StartResult: Sendable, Hashable {
        /// The key=value connection string for the default database.
        public var conninfo: String
        /// True when the cluster was initialised by this call: the caller should run migrations.
        public var created: Bool
        /// The URI form of `conninfo` (psql accepts both).
        public var url: String
    }

    /// The cluster's state, as `status()` reports it.
    public struct Status: Sendable, Hashable {
        /// Whether the data directory holds a complete cluster.
        public var initialised: Bool
        /// Whether a server is running on it.
        public var running: Bool
        /// The postmaster's process id, when running.
        public var pid: Int32?
        /// The data directory (`PGDATA`).
        public var dataDirectory: URL
        /// The directory holding the socket file.
        public var socketDirectory: URL
        /// The server log.
        public var logFile: URL
        /// The server version, e.g. `15.18` (only the major version when the binaries are missing);
        /// nil when the cluster is not initialised.
        public var serverVersion: String?
    }

    /// The directory chronograph keeps its state in.
    public let home: URL
    /// How much the cluster syncs to disk; used when it is created.
    public let durability: Durability
    let logger: Logger

    /// A cluster kept in `home` (created on first `start()`).
    public init(
        home: URL, durability: Durability = .durable,
        logger: Logger = Logger(label: "chronograph.embedded-postgres")
    ) {
        self.home = home.standardizedFileURL
        self.durability = durability
        self.logger = logger
    }

    /// `$CHRONOGRAPH_HOME`, else `$XDG_DATA_HOME/chronograph`, else `~/.local/share/chronograph`.
    public static func defaultHome(environment: [String: String]) -> URL {
        let userHome = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.passwordHome()
        if let configured = environment["CHRONOGRAPH_HOME"], !configured.isEmpty {
            var path = configured
            if path == "~" || path.hasPrefix("~/") { path = userHome + path.dropFirst() }
            return URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        }
        // The XDG base directory specification ignores relative values.
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return URL(fileURLWithPath: data, isDirectory: true).appendingPathComponent("chronograph")
        }
        return URL(fileURLWithPath: userHome, isDirectory: true)
            .appendingPathComponent(".local/share/chronograph")
    }

    /// Initialises the cluster if needed, starts the server if it is not running, and returns how
    /// to connect. Idempotent; a server already running is reused.
    public func start() throws -> StartResult {
        let serverUser = try ServerUser.forCurrentProcess()
        try createHome()
        return try FileLock.withExclusiveLock(on: ClusterLayout.lockFile(home: home)) {
            let layout = ClusterLayout.resolve(home: home, serverUser: serverUser)
            let existingMajor = Self.clusterMajorVersion(layout)
            if existingMajor != nil, Self.runningPid(layout) != nil {
                return startResult(layout, created: false)
            }
            let runner = CommandRunner(serverUser: serverUser, logger: logger)
            let binaries = try PostgresBinaries.locate(majorVersion: existingMajor)
            try prepareDirectories(layout, serverUser: serverUser)
            if existingMajor == nil {
                try initialise(layout, binaries: binaries, runner: runner)
            }
            try startServer(layout, binaries: binaries, runner: runner)
            return startResult(layout, created: existingMajor == nil)
        }
    }

    /// Stops the server (`pg_ctl stop -m fast`: open sessions are ended). Does nothing when it is
    /// not running.
    public func stop() throws {
        let serverUser = try ServerUser.forCurrentProcess()
        guard FileManager.default.fileExists(atPath: home.path) else { return }
        try FileLock.withExclusiveLock(on: ClusterLayout.lockFile(home: home)) {
            let layout = ClusterLayout.resolve(home: home, serverUser: serverUser)
            try stopServer(layout, runner: CommandRunner(serverUser: serverUser, logger: logger))
        }
    }

    /// Whether the cluster exists and runs, and where its files are.
    public func status() throws -> Status {
        let layout = ClusterLayout.resolve(home: home, serverUser: try ServerUser.forCurrentProcess())
        let major = Self.clusterMajorVersion(layout)
        let pid = major == nil ? nil : Self.runningPid(layout)
        let version = major.map { major in
            (try? PostgresBinaries.locate(majorVersion: major))?.version ?? String(major)
        }
        return Status(
            initialised: major != nil, running: pid != nil, pid: pid, dataDirectory: layout.dataDirectory,
            socketDirectory: layout.socketDirectory, logFile: layout.logFile, serverVersion: version)
    }

    /// A libpq URI for `database` that psql accepts:
    /// `postgresql://chronograph@/<database>?host=<socket directory>&port=5432`.
    public func url(database: String = EmbeddedCluster.defaultDatabase) -> String {
        ConnectionString.url(
            user: Self.user, database: database, socketDirectory: currentLayout().socketDirectory.path, port: Self.port)
    }

    /// A libpq key=value connection string for `database`.
    public func conninfo(database: String = EmbeddedCluster.defaultDatabase) -> String {
        ConnectionString.keyValue(
            user: Self.user, database: database, socketDirectory: currentLayout().socketDirectory.path, port: Self.port)
    }

    /// Stops the server and removes the cluster's files, its recorded location and lock, and the
    /// home itself when nothing else is left in it. Meant for tests and for starting over.
    public func destroy() throws {
        let serverUser = try ServerUser.forCurrentProcess()
        guard FileManager.default.fileExists(atPath: home.path) else { return }
        let lockFile = ClusterLayout.lockFile(home: home)
        try FileLock.withExclusiveLock(on: lockFile) {
            let layout = ClusterLayout.resolve(home: home, serverUser: serverUser)
            try stopServer(layout, runner: CommandRunner(serverUser: serverUser, logger: logger))
            try remove(layout.root)
            if layout.socketOutsideRoot { try remove(layout.socketDirectory) }
            try remove(layout.locationRecord)
        }
        try remove(lockFile)
        if (try? FileManager.default.contentsOfDirectory(atPath: home.path))?.isEmpty == true {
            try remove(home)
        }
        logger.info("destroyed embedded cluster", metadata: ["embedded_postgres.home": "\(home.path)"])
    }

    // MARK: - Steps

    private func currentLayout() -> ClusterLayout {
        ClusterLayout.resolve(home: home, serverUser: (try? ServerUser.forCurrentProcess()) ?? nil)
    }

    private func startResult(_ layout: ClusterLayout, created: Bool) -> StartResult {
        let socket = layout.socketDirectory.path
        return StartResult(
            conninfo: ConnectionString.keyValue(
                user: Self.user, database: Self.defaultDatabase, socketDirectory: socket, port: Self.port),
            created: created,
            url: ConnectionString.url(
                user: Self.user, database: Self.defaultDatabase, socketDirectory: socket, port: Self.port))
    }

    private func createHome() throws {
        do {
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        } catch {
            throw EmbeddedPostgresError(
                code: .fileSystem, message: "could not create the chronograph home \(home.path): \(error)")
        }
    }

    /// Creates the cluster root and socket directory, owned by the server user, and records a
    /// relocated root in the home.
    private func prepareDirectories(_ layout: ClusterLayout, serverUser: ServerUser?) throws {
        if layout.relocated {
            try Self.makeDirectory(ClusterLayout.relocationParent, mode: 0o755, owner: nil)
            let record = layout.root.path + "\n"
            if (try? String(contentsOf: layout.locationRecord, encoding: .utf8)) != record {
                do {
                    try record.write(to: layout.locationRecord, atomically: true, encoding: .utf8)
                } catch {
                    throw EmbeddedPostgresError(
                        code: .fileSystem, message: "could not write \(layout.locationRecord.path): \(error)")
                }
            }
        }
        try Self.makeDirectory(layout.root.path, mode: 0o700, owner: serverUser)
        try Self.makeDirectory(layout.socketDirectory.path, mode: 0o700, owner: serverUser)
        // A short socket directory in /tmp could have been made by someone else first.
        var info = stat()
        let expectedOwner = serverUser?.uid ?? geteuid()
        guard stat(layout.socketDirectory.path, &info) == 0, info.st_uid == expectedOwner else {
            throw EmbeddedPostgresError(
                code: .fileSystem,
                message: "the socket directory \(layout.socketDirectory.path) belongs to another user; remove it")
        }
    }

    /// initdb into `data.new`, write the settings, create the database, then rename to `data`:
    /// a crash part-way leaves no half-made cluster behind.
    private func initialise(_ layout: ClusterLayout, binaries: PostgresBinaries, runner: CommandRunner) throws {
        let pending = layout.pendingDataDirectory
        try remove(pending)
        logger.info(
            "initialising embedded cluster",
            metadata: ["embedded_postgres.data": "\(layout.dataDirectory.path)", "embedded_postgres.version": "\(binaries.version)"])
        var arguments = [
            "-D", pending.path, "-U", Self.user, "--auth-local=trust", "--auth-host=reject", "-E", "UTF8",
        ]
        if durability == .throwaway { arguments.append("--no-sync") }
        do {
            try runner.check(
                binaries.executable("initdb"), arguments + ["--locale=C.UTF-8"], asServerUser: true,
                workingDirectory: layout.root, failure: "initdb failed")
        } catch {
            // C.UTF-8 is missing on some systems (older glibc, macOS): fall back to the C locale.
            logger.notice("initdb with C.UTF-8 failed; retrying with --no-locale", metadata: ["error": "\(error)"])
            try remove(pending)
            try runner.check(
                binaries.executable("initdb"), arguments + ["--no-locale"], asServerUser: true,
                workingDirectory: layout.root, failure: "initdb failed in \(pending.path)")
        }
        try appendSettings(to: pending.appendingPathComponent("postgresql.conf"), layout: layout)
        try runner.check(
            binaries.executable("postgres"), ["--single", "-D", pending.path, "-c", "exit_on_error=true", "postgres"],
            asServerUser: true, input: "CREATE DATABASE \(Self.defaultDatabase);\n", workingDirectory: layout.root,
            failure: "could not create the database \(Self.defaultDatabase)")
        do {
            try FileManager.default.moveItem(at: pending, to: layout.dataDirectory)
        } catch {
            throw EmbeddedPostgresError(
                code: .fileSystem, message: "could not move \(pending.path) to \(layout.dataDirectory.path): \(error)")
        }
    }

    private func appendSettings(to file: URL, layout: ClusterLayout) throws {
        let text = ServerSettings.text(socketDirectory: layout.socketDirectory.path, durability: durability)
        do {
            let handle = try FileHandle(forWritingTo: file)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw EmbeddedPostgresError(code: .fileSystem, message: "could not write \(file.path): \(error)")
        }
    }

    private func startServer(_ layout: ClusterLayout, binaries: PostgresBinaries, runner: CommandRunner) throws {
        Self.removeForeignPidFile(layout)
        let arguments = [
            "start", "-D", layout.dataDirectory.path, "-l", layout.logFile.path, "-w", "-t", "60", "-s",
        ]
        let output = try runner.run(
            binaries.executable("pg_ctl"), arguments, asServerUser: true, workingDirectory: layout.root)
        guard output.status == 0 else {
            let log = (try? String(contentsOf: layout.logFile, encoding: .utf8)) ?? ""
            throw EmbeddedPostgresError(
                code: .commandFailed,
                message: "the embedded PostgreSQL server did not start (log: \(layout.logFile.path))",
                command: [binaries.executable("pg_ctl").path] + arguments, exitStatus: output.status,
                output: output.stderr + "\n" + (EmbeddedPostgresError.tail(log) ?? ""))
        }
        logger.info(
            "started embedded PostgreSQL",
            metadata: ["embedded_postgres.socket": "\(layout.socketDirectory.path)", "embedded_postgres.pid": "\(Self.runningPid(layout) ?? 0)"])
    }

    private func stopServer(_ layout: ClusterLayout, runner: CommandRunner) throws {
        guard let major = Self.clusterMajorVersion(layout), Self.runningPid(layout) != nil else { return }
        let binaries = try PostgresBinaries.locate(majorVersion: major)
        try runner.check(
            binaries.executable("pg_ctl"), ["stop", "-D", layout.dataDirectory.path, "-m", "fast", "-w", "-s"],
            asServerUser: true, workingDirectory: layout.root, failure: "could not stop the embedded PostgreSQL server")
        logger.info("stopped embedded PostgreSQL", metadata: ["embedded_postgres.data": "\(layout.dataDirectory.path)"])
    }

    // MARK: - Files and processes

    /// The current user's home directory from the password database, for when `HOME` is unset.
    static func passwordHome() -> String {
        guard let entry = getpwuid(geteuid()), let directory = entry.pointee.pw_dir else { return "/" }
        return String(cString: directory)
    }

    /// The major version in `data/PG_VERSION`, nil when the cluster is not initialised.
    static func clusterMajorVersion(_ layout: ClusterLayout) -> Int? {
        guard let text = try? String(
            contentsOf: layout.dataDirectory.appendingPathComponent("PG_VERSION"), encoding: .utf8)
        else { return nil }
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The postmaster's pid when `postmaster.pid` names a live PostgreSQL process (what
    /// `pg_ctl status` checks, plus the process name on Linux to catch a recycled pid).
    static func runningPid(_ layout: ClusterLayout) -> Int32? {
        guard let pid = pidFilePid(layout) else { return nil }
        guard kill(pid, 0) == 0 || errno == EPERM else { return nil }
        return isPostgresProcess(pid) == false ? nil : pid
    }

    private static func pidFilePid(_ layout: ClusterLayout) -> Int32? {
        let file = layout.dataDirectory.appendingPathComponent("postmaster.pid")
        guard let text = try? String(contentsOf: file, encoding: .utf8),
            let line = text.split(separator: "\n").first, let pid = Int32(line.trimmingCharacters(in: .whitespaces)),
            pid > 0
        else { return nil }
        return pid
    }

    /// Whether `pid` runs a PostgreSQL server, by its name in /proc; nil where /proc is missing.
    private static func isPostgresProcess(_ pid: Int32) -> Bool? {
        guard let name = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8) else { return nil }
        return name.hasPrefix("postgres") || name.hasPrefix("postmaster")
    }

    /// Removes `postmaster.pid` when its pid now belongs to another program: the server would
    /// otherwise refuse to start. A dead pid is left to the server, which handles it.
    private static func removeForeignPidFile(_ layout: ClusterLayout) {
        guard let pid = pidFilePid(layout), kill(pid, 0) == 0 || errno == EPERM, isPostgresProcess(pid) == false
        else { return }
        try? FileManager.default.removeItem(at: layout.dataDirectory.appendingPathComponent("postmaster.pid"))
    }

    private static func makeDirectory(_ path: String, mode: mode_t, owner: ServerUser?) throws {
        if mkdir(path, mode) != 0, errno != EEXIST {
            throw EmbeddedPostgresError(
                code: .fileSystem, message: "could not create \(path): \(String(cString: strerror(errno)))")
        }
        if let owner { try owner.own(path) }
        var info = stat()
        if stat(path, &info) == 0, info.st_uid == geteuid() || geteuid() == 0 { _ = chmod(path, mode) }
    }

    private func remove(_ url: URL) throws {
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            throw EmbeddedPostgresError(code: .fileSystem, message: "could not remove \(url.path): \(error)")
        }
    }
}
