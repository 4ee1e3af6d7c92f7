import Dispatch
import Foundation
@testable import EmbeddedPostgres

/// A fresh home in the temporary directory, its name holding a space and a non-ASCII letter so
/// the socket path exercises URL percent-encoding.
func temporaryHome(_ label: String = "home") -> URL {
    FileManager.default.temporaryDirectory
        .appendingPathComponent("chronograph test é-\(label)-\(UUID().uuidString.prefix(8))")
}

/// Runs `body` with a throwaway cluster in a fresh home, destroying it afterwards even on failure.
func withThrowawayCluster<T>(
    _ label: String = "home", _ body: (EmbeddedCluster) throws -> T
) throws -> T {
    let cluster = EmbeddedCluster(home: temporaryHome(label), durability: .throwaway)
    defer { try? cluster.destroy() }
    return try body(cluster)
}

/// `psql`, looked up once: locating the binaries runs `pg_config` and `postgres --version`.
private let psqlExecutable: Result<URL, any Error> = Result {
    guard let psql = try PostgresBinaries.locate().psql() else { throw PsqlMissing() }
    return psql
}

/// What `psql -X -A -t -c <sql> <connection>` printed, trimmed, and its exit status.
func psql(_ connection: String, _ sql: String) throws -> (status: Int32, output: String) {
    let psql = try psqlExecutable.get()
    let process = Process()
    process.executableURL = psql
    process.arguments = ["-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql, connection]
    process.environment = CommandRunner.childEnvironment(ProcessInfo.processInfo.environment)
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
}

struct PsqlMissing: Error {}
