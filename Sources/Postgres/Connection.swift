internal import CLibPQ
#if canImport(Glibc)
import Glibc
#endif
public import Logging

/// One libpq connection. Its calls block, so use it from one thread at a time and keep it off
/// Swift's cooperative pool: ``ConnectionHandle`` does both. Only ``cancel()`` may be called from
/// another thread.
///
/// A `final class` because it owns a C handle that `deinit` frees.
public final class Connection {
    // The PGconn, freed in deinit. Never used by two threads at once (see ConnectionHandle).
    private let conn: OpaquePointer
    // PGcancel is documented thread-safe: cancel() may run on any thread.
    private let cancelHandle: OpaquePointer?
    public let logger: Logger
    private var transactionDepth = 0
    /// Statements prepared on this connection, by their text.
    private var prepared: [String: String] = [:]

    /// Connects with a libpq URI or key=value string; an empty string means "from the PG* variables".
    public init(conninfo: String, logger: Logger = Logger(label: "chronograph.postgres")) throws {
        self.logger = logger
        guard let conn = PQconnectdb(conninfo) else {
            throw PostgresError(code: .connection, message: "could not allocate a libpq connection")
        }
        guard PQstatus(conn) == CONNECTION_OK else {
            let message = Connection.trimmed(PQerrorMessage(conn))
            PQfinish(conn)
            throw PostgresError(code: .connection, message: "could not connect to PostgreSQL: \(message)")
        }
        self.conn = conn
        self.cancelHandle = PQgetCancel(conn)
        // Keep server notices (e.g. "relation already exists, skipping") out of stderr.
        PQsetNoticeProcessor(conn, { _, _ in }, nil)
    }

    deinit {
        if let cancelHandle { PQfreeCancel(cancelHandle) }
        PQfinish(conn)
    }

    /// The server's version number (150018 for 15.18).
    public var serverVersion: Int { Int(PQserverVersion(conn)) }

    /// True while the connection is usable.
    public var isOpen: Bool { PQstatus(conn) == CONNECTION_OK }

    /// Runs one statement with its parameters and returns its rows.
    @discardableResult
    public func query(_ sql: SQL) throws -> QueryResult {
        let result = try execute(sql)
        defer { PQclear(result) }
        return QueryResult(taking: result)
    }

    /// Runs one statement through a server-side prepared statement, prepared on first use on this
    /// connection: for statements run many times, it saves parsing and planning each time.
    @discardableResult
    public func preparedQuery(_ sql: SQL) throws -> QueryResult {
        let name: String
        if let known = prepared[sql.text] {
            name = known
        } else {
            name = "chronograph_\(prepared.count + 1)"
            let result: OpaquePointer? = sql.types.withUnsafeBufferPointer { types in
                PQprepare(conn, name, sql.text, Int32(sql.types.count), sql.types.isEmpty ? nil : types.baseAddress)
            }
            guard let result else { throw connectionError() }
            defer { PQclear(result) }
            try check(result)
            prepared[sql.text] = name
        }
        let result: OpaquePointer? = sql.withParameters { bound in
            PQexecPrepared(conn, name, bound.count, bound.values, bound.lengths, bound.formats, 0)
        }
        guard let result else { throw connectionError() }
        defer { PQclear(result) }
        try check(result)
        return QueryResult(taking: result)
    }

    /// Runs trusted SQL text that may hold several statements (a migration file), with no parameters.
    public func run(script: String) throws {
        guard let result = PQexec(conn, script) else { throw connectionError() }
        defer { PQclear(result) }
        try check(result)
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    /// Nested calls use savepoints.
    public func transaction<T>(_ body: (Connection) throws -> T) throws -> T {
        // Join a transaction opened with a plain BEGIN too: libpq knows whether one is open.
        let depth = PQtransactionStatus(conn) == PQTRANS_IDLE ? 0 : transactionDepth + 1
        let savepoint = "chronograph_sp_\(depth)"
        try run(script: depth == 0 ? "BEGIN" : "SAVEPOINT \(savepoint)")
        transactionDepth += 1
        defer { transactionDepth = depth }
        do {
            let value = try body(self)
            try run(script: depth == 0 ? "COMMIT" : "RELEASE SAVEPOINT \(savepoint)")
            return value
        } catch {
            if isOpen {
                try? run(script: depth == 0 ? "ROLLBACK" : "ROLLBACK TO SAVEPOINT \(savepoint); RELEASE SAVEPOINT \(savepoint)")
            }
            throw error
        }
    }

    /// True while ``transaction(_:)`` is running on this connection.
    public var inTransaction: Bool { PQtransactionStatus(conn) != PQTRANS_IDLE }

    /// Asks the server to cancel the statement running now. Safe from any thread.
    public func cancel() {
        guard let cancelHandle else { return }
        var buffer = [CChar](repeating: 0, count: 256)
        _ = PQcancel(cancelHandle, &buffer, Int32(buffer.count))
    }

    /// Quotes an identifier (a table or channel name) for the rare statements that cannot take it as a parameter.
    public func quoteIdentifier(_ identifier: String) throws -> String {
        guard let escaped = PQescapeIdentifier(conn, identifier, identifier.utf8.count) else { throw connectionError() }
        defer { PQfreemem(escaped) }
        return String(cString: escaped)
    }

    // MARK: - libpq plumbing

    private func execute(_ sql: SQL) throws -> OpaquePointer {
        let result: OpaquePointer? = sql.withParameters { bound in
            PQexecParams(conn, sql.text, bound.count, bound.types, bound.values, bound.lengths, bound.formats, 0)
        }
        guard let result else { throw connectionError() }
        do {
            try check(result)
        } catch {
            PQclear(result)
            throw error
        }
        return result
    }

    func check(_ result: OpaquePointer) throws {
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_COPY_IN, PGRES_COPY_OUT:
            return
        default:
            throw serverError(result)
        }
    }

    func serverError(_ result: OpaquePointer) -> PostgresError {
        func field(_ code: UInt8) -> String? {
            guard let pointer = PQresultErrorField(result, Int32(code)) else { return nil }
            return String(cString: pointer)
        }
        let sqlState = field(UInt8(ascii: "C"))
        let message = field(UInt8(ascii: "M")) ?? Connection.trimmed(PQresultErrorMessage(result))
        if PQstatus(conn) != CONNECTION_OK {
            return PostgresError(code: .connection, message: "connection to PostgreSQL lost: \(Connection.trimmed(PQerrorMessage(conn)))")
        }
        return PostgresError(
            code: sqlState == "57014" ? .cancelled : .server,
            message: message,
            sqlState: sqlState,
            detail: field(UInt8(ascii: "D")),
            hint: field(UInt8(ascii: "H")),
            constraint: field(UInt8(ascii: "n"))
        )
    }

    func connectionError() -> PostgresError {
        PostgresError(code: .connection, message: Connection.trimmed(PQerrorMessage(conn)))
    }

    var handle: OpaquePointer { conn }

    static func trimmed(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "unknown error" }
        let text = String(cString: pointer)
        let trimmed = text.trimmingCharacters(in: " \n\t")
        return trimmed.isEmpty ? "unknown error" : trimmed
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        var slice = self[...]
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}

