public import Foundation
import Logging

/// A directory holding the PostgreSQL server programs (`initdb`, `pg_ctl`, `postgres`) and their version.
public struct PostgresBinaries: Sendable, Equatable {
    /// The oldest major version chronograph runs on.
    public static let minimumMajorVersion = 15
    /// The programs a directory must hold to be used.
    static let requiredPrograms = ["initdb", "pg_ctl", "postgres"]

    /// The directory holding the programs.
    public var directory: URL
    /// The full version, e.g. `15.18`.
    public var version: String
    /// The major version, e.g. 15.
    public var majorVersion: Int

    /// The program `name` in `directory`.
    public func executable(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// `psql` from the same directory, else from `PATH` (the client package may live elsewhere).
    public func psql(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let local = executable("psql")
        if FileManager.default.isExecutableFile(atPath: local.path) { return local }
        return Self.which("psql", environment: environment).map { URL(fileURLWithPath: $0) }
    }

    /// Finds the server programs: `pg_config --bindir` if it holds them, else the highest
    /// `/usr/lib/postgresql/<N>/bin`, else other usual places, else the directory of `initdb`
    /// on `PATH`. With `majorVersion`, only that major version is accepted (an existing cluster
    /// needs the version that created it); otherwise PostgreSQL 15 or newer.
    public static func locate(
        majorVersion required: Int? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> PostgresBinaries {
        let runner = CommandRunner(serverUser: nil, logger: Logger(label: "chronograph.embedded-postgres"))
        var seen: Set<String> = []
        var tooOld: [PostgresBinaries] = []
        var otherMajor: [PostgresBinaries] = []
        for directory in candidateDirectories(environment: environment, runner: runner, preferredMajor: required) {
            let resolved = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
            guard seen.insert(resolved).inserted, holdsServerPrograms(resolved),
                let found = try? probe(URL(fileURLWithPath: resolved, isDirectory: true), runner: runner)
            else { continue }
            if let required {
                if found.majorVersion == required { return found }
                otherMajor.append(found)
            } else if found.majorVersion >= minimumMajorVersion {
                return found
            } else {
                tooOld.append(found)
            }
        }
        if let required {
            let installed = otherMajor.map { "\($0.majorVersion) (\($0.directory.path))" }
            throw EmbeddedPostgresError(
                code: .versionMismatch,
                message: """
                    the embedded cluster was created by PostgreSQL \(required), whose server binaries were not \
                    found\(installed.isEmpty ? "" : "; installed: " + installed.joined(separator: ", ")). Install \
                    `postgresql-\(required)` (Debian/Ubuntu), or upgrade the cluster with pg_upgrade.
                    """)
        }
        if let old = tooOld.first {
            throw EmbeddedPostgresError(
                code: .unsupportedVersion,
                message: """
                    PostgreSQL \(old.version) in \(old.directory.path) is too old: chronograph needs \
                    \(minimumMajorVersion) or newer. Install a newer server with `apt-get install postgresql` \
                    (Debian 12/Ubuntu 24.04 or newer) or from apt.postgresql.org, `brew install postgresql@17` (macOS).
                    """)
        }
        throw EmbeddedPostgresError(
            code: .binariesNotFound,
            message: """
                PostgreSQL server binaries not found: install them with `apt-get install postgresql` \
                (Debian/Ubuntu), `dnf install postgresql-server` (Fedora/RHEL) or `brew install postgresql@17` \
                (macOS), or set DATABASE_URL to use an existing server.
                """)
    }

    /// Where to look, in order of preference.
    static func candidateDirectories(
        environment: [String: String], runner: CommandRunner, preferredMajor: Int?
    ) -> [String] {
        var directories: [String] = []
        if let pgConfig = which("pg_config", environment: environment),
            let output = try? runner.run(URL(fileURLWithPath: pgConfig), ["--bindir"]), output.status == 0
        {
            directories.append(output.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        var versioned = debianVersionDirectories()
        if let preferredMajor { versioned.sort { ($0.major == preferredMajor ? 1 : 0) > ($1.major == preferredMajor ? 1 : 0) } }
        directories += versioned.map(\.path)
        directories += ["/usr/local/pgsql/bin", "/opt/homebrew/bin", "/usr/local/bin"]
        if let initdb = which("initdb", environment: environment) {
            directories.append(URL(fileURLWithPath: initdb).resolvingSymlinksInPath().deletingLastPathComponent().path)
        }
        return directories
    }

    /// `/usr/lib/postgresql/<N>/bin` directories, highest N first.
    static func debianVersionDirectories() -> [(major: Int, path: String)] {
        let parent = "/usr/lib/postgresql"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        return names.compactMap { name in Int(name).map { (major: $0, path: "\(parent)/\(name)/bin") } }
            .sorted { $0.major > $1.major }
    }

    static func holdsServerPrograms(_ directory: String) -> Bool {
        requiredPrograms.allSatisfy { FileManager.default.isExecutableFile(atPath: directory + "/" + $0) }
    }

    /// Reads the version from `postgres --version`.
    static func probe(_ directory: URL, runner: CommandRunner) throws -> PostgresBinaries? {
        let output = try runner.run(directory.appendingPathComponent("postgres"), ["--version"])
        guard output.status == 0, let version = parseVersion(output.stdout) else { return nil }
        return PostgresBinaries(directory: directory, version: version.full, majorVersion: version.major)
    }

    /// Parses `postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)` into `("15.18", 15)`;
    /// also accepts development versions such as `18beta1`.
    static func parseVersion(_ text: String) -> (full: String, major: Int)? {
        guard let marker = text.range(of: "(PostgreSQL) ") else { return nil }
        let rest = text[marker.upperBound...]
        let full = rest.prefix { !$0.isWhitespace }
        let major = full.prefix { $0.isASCII && $0.isNumber }
        guard let number = Int(major) else { return nil }
        return (String(full), number)
    }

    /// The first executable `name` on `PATH`.
    static func which(_ name: String, environment: [String: String]) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
