import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the server's command-line tools, as the current user or as the unprivileged server user.
///
/// Output goes to unlinked temporary files rather than pipes: `pg_ctl start` leaves a daemon behind,
/// and a pipe it inherited would never reach end of file.
struct CommandRunner: Sendable {
    /// The finished command's exit status and output.
    struct Output: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Who runs the server commands: nil for the current user.
    var serverUser: ServerUser?
    var logger: Logger

    /// Runs `executable` with `arguments` and waits for it; throws only when it cannot be launched.
    ///
    /// Uses `posix_spawn` and `waitpid` rather than Foundation's `Process`, which learns of a
    /// child's exit through a socket the child inherits: the daemon `pg_ctl start` leaves behind
    /// inherits it too, and the exit would never be seen.
    func run(
        _ executable: URL, _ arguments: [String], asServerUser: Bool = false, input: String? = nil,
        workingDirectory: URL? = nil
    ) throws -> Output {
        var launch = [executable.path] + arguments
        if let workingDirectory {
            // posix_spawn has no portable chdir action: let a shell change directory, then exec.
            launch = ["/bin/sh", "-c", #"cd -- "$0" && exec "$@""#, workingDirectory.path] + launch
        }
        if asServerUser, let serverUser {
            launch = try serverUser.launchPrefix() + launch
        }
        let stdout = try Self.temporaryFile()
        let stderr = try Self.temporaryFile()
        let stdin = try Self.temporaryFile()
        if let input {
            try stdin.write(contentsOf: Data(input.utf8))
            try stdin.seek(toOffset: 0)
        }
        logger.debug("running command", metadata: ["embedded_postgres.command": "\(launch.joined(separator: " "))"])
        let status = try Self.spawnAndWait(
            launch, environment: Self.childEnvironment(ProcessInfo.processInfo.environment),
            stdin: stdin.fileDescriptor, stdout: stdout.fileDescriptor, stderr: stderr.fileDescriptor)
        return Output(status: status, stdout: try Self.contents(of: stdout), stderr: try Self.contents(of: stderr))
    }

    /// Spawns `command` (an absolute path first) with the given standard descriptors and waits for
    /// it. Returns the exit status, or 128 + the signal number when a signal ended it.
    private static func spawnAndWait(
        _ command: [String], environment: [String: String], stdin: Int32, stdout: Int32, stderr: Int32
    ) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)

        let argv = command.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw EmbeddedPostgresError(
                code: .commandFailed, message: "could not launch \(command[0]): \(String(cString: strerror(spawned)))",
                command: command)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else {
                throw EmbeddedPostgresError(
                    code: .commandFailed,
                    message: "could not wait for \(command[0]): \(String(cString: strerror(errno)))", command: command)
            }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Runs the command and throws `commandFailed`, with its stderr tail, when it exits non-zero.
    @discardableResult
    func check(
        _ executable: URL, _ arguments: [String], asServerUser: Bool = false, input: String? = nil,
        workingDirectory: URL? = nil, failure: @autoclosure () -> String
    ) throws -> Output {
        let output = try run(
            executable, arguments, asServerUser: asServerUser, input: input, workingDirectory: workingDirectory)
        guard output.status == 0 else {
            throw EmbeddedPostgresError(
                code: .commandFailed, message: failure(), command: [executable.path] + arguments,
                exitStatus: output.status, output: output.stderr.isEmpty ? output.stdout : output.stderr)
        }
        return output
    }

    /// The environment for child commands: ours without libpq's `PG*` variables, which would
    /// otherwise redirect `psql` or override the cluster's port and data directory.
    static func childEnvironment(_ environment: [String: String]) -> [String: String] {
        environment.filter { !$0.key.hasPrefix("PG") }
    }

    /// A read-write temporary file, already unlinked, closed with its handle.
    private static func temporaryFile() throws -> FileHandle {
        var template = Array((NSTemporaryDirectory() + "/chronograph-cmd-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0, fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 else {
            throw EmbeddedPostgresError(
                code: .fileSystem, message: "could not create a temporary file: \(String(cString: strerror(errno)))")
        }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    private static func contents(of handle: FileHandle) throws -> String {
        try handle.seek(toOffset: 0)
        let data = try handle.readToEnd() ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
