/// A failure to find, create, start or stop the embedded PostgreSQL cluster.
///
/// `description` is a short message a user can act on, followed by the last lines the failing
/// command wrote to stderr (or the server log); `debugDescription` adds the full command line.
public struct EmbeddedPostgresError: Error, CustomStringConvertible, CustomDebugStringConvertible, Sendable {
    /// What kind of failure this is; compare with the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case binariesNotFound, unsupportedVersion, versionMismatch, serverUserMissing
            case commandFailed, fileSystem, lock
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// No directory with `initdb`, `pg_ctl` and `postgres` was found.
        public static let binariesNotFound = Code(.binariesNotFound)
        /// The server binaries found are older than PostgreSQL 15.
        public static let unsupportedVersion = Code(.unsupportedVersion)
        /// The existing cluster was created by another major version than the binaries installed.
        public static let versionMismatch = Code(.versionMismatch)
        /// Running as root, and no unprivileged user exists to run the server as.
        public static let serverUserMissing = Code(.serverUserMissing)
        /// `initdb`, `pg_ctl` or another server command exited with an error.
        public static let commandFailed = Code(.commandFailed)
        /// A directory or file of the cluster could not be created, read or removed.
        public static let fileSystem = Code(.fileSystem)
        /// The home's lock file could not be opened or locked.
        public static let lock = Code(.lock)

        /// The code's name, e.g. `commandFailed`.
        public var description: String { base.rawValue }
    }

    /// What kind of failure this is.
    public var code: Code
    /// A short, actionable message.
    public var message: String
    /// The command that failed, if one did (executable first).
    public var command: [String]?
    /// The command's exit status, if a command failed.
    public var exitStatus: Int32?
    /// The last lines of the command's stderr or of the server log.
    public var outputTail: String?

    /// Makes an error; `outputTail` is trimmed to its last lines.
    public init(
        code: Code, message: String, command: [String]? = nil, exitStatus: Int32? = nil, output: String? = nil
    ) {
        self.code = code
        self.message = message
        self.command = command
        self.exitStatus = exitStatus
        self.outputTail = output.flatMap(Self.tail)
    }

    /// The message, then the output tail indented below it.
    public var description: String {
        guard let outputTail else { return message }
        let indented = outputTail.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        return message + "\n" + indented.joined(separator: "\n")
    }

    /// The description plus the code, command line and exit status.
    public var debugDescription: String {
        var parts = ["EmbeddedPostgresError(\(code)): \(description)"]
        if let command { parts.append("command: " + command.joined(separator: " ")) }
        if let exitStatus { parts.append("exit status: \(exitStatus)") }
        return parts.joined(separator: "\n")
    }

    /// The last non-empty lines of `text` (at most 15), or nil when there are none.
    static func tail(_ text: String) -> String? {
        let lines = text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
        guard !lines.isEmpty else { return nil }
        return lines.suffix(15).joined(separator: "\n")
    }
}
