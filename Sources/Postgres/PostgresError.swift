/// An error from PostgreSQL or from talking to it.
///
/// It keeps the server's SQLSTATE and message. Nothing in it ever contains a password: connection
/// strings are shown only through ``Conninfo/redacted(_:)``.
public struct PostgresError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What went wrong, coarsely.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable { case connection, server, protocolViolation, cancelled, decoding, usage }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// Could not connect, or the connection broke.
        public static let connection = Code(.connection)
        /// The server refused a statement; see ``PostgresError/sqlState``.
        public static let server = Code(.server)
        /// The server answered something libpq or this wrapper did not expect.
        public static let protocolViolation = Code(.protocolViolation)
        /// The statement was cancelled (by ``Connection/cancel()`` or a task cancellation).
        public static let cancelled = Code(.cancelled)
        /// A value in a result could not be read as the type asked for.
        public static let decoding = Code(.decoding)
        /// The wrapper was used in a way it does not allow.
        public static let usage = Code(.usage)

        public var description: String { base.rawValue }
    }

    public var code: Code
    /// The five-character SQLSTATE for server errors ("23505" for a unique violation).
    public var sqlState: String?
    /// The server's primary message, or libpq's.
    public var message: String
    public var detail: String?
    public var hint: String?
    /// The constraint a violation names, when the server gives one.
    public var constraint: String?

    public init(
        code: Code, message: String, sqlState: String? = nil, detail: String? = nil, hint: String? = nil,
        constraint: String? = nil
    ) {
        self.code = code
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
    }

    public var description: String {
        if let sqlState { return "\(message) (SQLSTATE \(sqlState))" }
        return message
    }

    public var debugDescription: String {
        var parts = ["PostgresError(\(code)", "message: \(message)"]
        if let sqlState { parts.append("sqlState: \(sqlState)") }
        if let detail { parts.append("detail: \(detail)") }
        if let hint { parts.append("hint: \(hint)") }
        if let constraint { parts.append("constraint: \(constraint)") }
        return parts.joined(separator: ", ") + ")"
    }

    /// True for a unique violation (23505).
    public var isUniqueViolation: Bool { sqlState == "23505" }
    /// True when retrying the whole transaction may succeed: serialization failures and deadlocks.
    public var isRetryable: Bool { sqlState == "40001" || sqlState == "40P01" }
    /// True when the statement was cancelled by request (57014).
    public var isCancellation: Bool { code == .cancelled || sqlState == "57014" }
}
