import Foundation
import PostgresTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif


/// The package's top folder, for the sample articles.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A sample article under samples/articles.
func sample(_ name: String) -> String {
    packageRoot.appendingPathComponent("samples/articles").appendingPathComponent(name).path
}

/// What a finished run of the command left.
struct CLIResult: CustomStringConvertible {
    let status: Int32
    let stdout: String
    let stderr: String

    var description: String { "exit \(status)\n--- stdout\n\(stdout.prefix(2_000))\n--- stderr\n\(stderr.prefix(2_000))" }

    /// Standard output parsed as one JSON object.
    func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any] else {
            throw TestFailure("stdout is not a JSON object: \(stdout.prefix(300))")
        }
        return object
    }

    /// Standard output parsed as JSON lines.
    func jsonLines() throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw TestFailure("not a JSON object line: \(line.prefix(300))")
            }
            return object
        }
    }
}

/// One test's world: its own database (or none), its own CHRONOGRAPH_HOME and scratch folder.
/// Every process it starts is killed, at the latest, when the test calls `finish()`.
final class CLI: @unchecked Sendable {
    let database: TestDatabase?
    let home: URL
    let scratch: URL
    private let lock = NSLock()
    private var children: [Child] = []

    /// A world with a fresh migrated database (`withDatabase`), or one whose DATABASE_URL points nowhere, so a
    /// command that should not touch a database fails fast instead of starting an embedded cluster.
    static func make(withDatabase: Bool = true) async throws -> CLI {
        let database = withDatabase ? try await TestDatabase.create() : nil
        return try CLI(database: database)
    }

    private init(database: TestDatabase?) throws {
        self.database = database
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("chronograph-cli-\(UUID().uuidString.prefix(12))")
        home = base.appendingPathComponent("home")
        scratch = base.appendingPathComponent("scratch")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") }
        environment["DATABASE_URL"] = database?.conninfo ?? "postgresql://nobody@127.0.0.1:1/none?connect_timeout=1"
        environment["CHRONOGRAPH_HOME"] = home.path
        environment.removeValue(forKey: "CHRONOGRAPH_LOG_LEVEL")
        return environment
    }

    /// Writes a scratch file and returns its path.
    @discardableResult
    func write(_ name: String, _ contents: String) throws -> String {
        try write(name, Data(contents.utf8))
    }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let url = scratch.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url.path
    }

    /// Starts `chronograph ARGS` in the background.
    func start(_ arguments: [String], stdin: String? = nil) throws -> Child {
        let child = try Child(arguments: arguments, environment: environment, folder: scratch, stdin: stdin)
        lock.withLock { children.append(child) }
        return child
    }

    /// Runs `chronograph ARGS` to the end (killed after `timeout`).
    func run(_ arguments: [String], stdin: String? = nil, timeout: Duration = .seconds(30)) async throws -> CLIResult {
        let child = try start(arguments, stdin: stdin)
        return try await child.wait(timeout: timeout)
    }

    /// Kills whatever is still running and removes the scratch files.
    func finish() {
        for child in lock.withLock({ children }) { child.kill(SIGKILL) }
        try? FileManager.default.removeItem(at: home.deletingLastPathComponent())
    }

    deinit { for child in children { child.kill(SIGKILL) } }
}

/// A `chronograph` process with its output going to files, which can be read while it runs.
final class Child: @unchecked Sendable {
    let arguments: [String]
    private let process = Process()
    private let stdoutURL: URL
    private let stderrURL: URL

    init(arguments: [String], environment: [String: String], folder: URL, stdin: String?) throws {
        self.arguments = arguments
        let tag = UUID().uuidString.prefix(8)
        stdoutURL = folder.appendingPathComponent(".out-\(tag)")
        stderrURL = folder.appendingPathComponent(".err-\(tag)")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = try chronographBinary()
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = folder
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        if let stdin {
            let inputURL = folder.appendingPathComponent(".in-\(tag)")
            try Data(stdin.utf8).write(to: inputURL)
            process.standardInput = try FileHandle(forReadingFrom: inputURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }
    var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    func kill(_ signal: Int32) {
        if process.isRunning { Glibc.kill(process.processIdentifier, signal) }
    }

    /// Waits for the process to end; past `timeout` it is killed and the wait fails.
    func wait(timeout: Duration = .seconds(30)) async throws -> CLIResult {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                kill(SIGKILL)
                process.waitUntilExit()
                throw TestFailure("chronograph \(arguments.joined(separator: " ")) still ran after \(timeout); killed it\n\(stderr.prefix(1_000))")
            }
            try await Task.sleep(for: .milliseconds(15))
        }
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    deinit { kill(SIGKILL) }
}

/// Polls `condition` until it holds or `timeout` passes; returns how long it took, or nil.
func eventually(
    within timeout: Duration, every interval: Duration = .milliseconds(50), _ condition: () async throws -> Bool
) async rethrows -> Duration? {
    let clock = ContinuousClock()
    let start = clock.now
    while clock.now - start <= timeout {
        if try await condition() { return clock.now - start }
        try? await Task.sleep(for: interval)
    }
    return try await condition() ? clock.now - start : nil
}

/// Signs that a command crashed or dumped a trace instead of reporting an error.
func looksLikeACrash(_ stderr: String) -> Bool {
    ["Fatal error", "Stack dump", "Backtrace", "Swift runtime failure", "Thread 0", "#0 0x"].contains { stderr.contains($0) }
}

/// The values of `key` in a list of JSON objects.
func values<T>(_ key: String, in objects: [[String: Any]], as _: T.Type = T.self) -> [T] {
    objects.compactMap { $0[key] as? T }
}

/// A short English article about an invented company opening an office.
func englishOfficeArticle(company: String, city: String) -> String {
    """
    \(company) opens \(city) office

    \(company), a Dutch maker of warehouse robots, opened an office in \(city) on Monday, the company said.

    The office will serve customers in South Korea and Japan.
    """
}
