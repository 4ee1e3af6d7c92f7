import Dispatch
public import Logging

/// A connection that lives on its own serial dispatch queue, so its blocking libpq calls never run
/// on Swift's cooperative thread pool and never run on two threads at once.
///
/// `@unchecked Sendable`: the `Connection` is touched only from `queue` (every use goes through
/// ``withConnection(_:)``), except for `cancel()`, which libpq documents as thread-safe.
public final class ConnectionHandle: @unchecked Sendable {
    /// Carries the connection into closures that run on `queue`.
    /// `@unchecked Sendable`: only ever dereferenced on `queue` (or for the thread-safe `cancel()`).
    private struct Confined: @unchecked Sendable {
        let connection: Connection
    }

    private let queue: DispatchQueue
    private let confined: Confined
    /// What it was opened with, to open another connection to the same database.
    public let conninfo: String

    /// Opens a connection; blocking work happens on the connection's own queue.
    public static func connect(conninfo: String, logger: Logger = Logger(label: "chronograph.postgres")) async throws -> ConnectionHandle {
        let queue = DispatchQueue(label: "chronograph.postgres.connection")
        let confined: Confined = try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { Confined(connection: try Connection(conninfo: conninfo, logger: logger)) })
            }
        }
        return ConnectionHandle(connection: confined.connection, queue: queue, conninfo: conninfo)
    }

    private init(connection: Connection, queue: DispatchQueue, conninfo: String) {
        self.confined = Confined(connection: connection)
        self.queue = queue
        self.conninfo = conninfo
    }

    /// Runs `body` with the connection on its queue. Cancelling the task cancels the running statement.
    @discardableResult
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try Task.checkCancellation()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                queue.async { [confined] in
                    continuation.resume(with: Result { try body(confined.connection) })
                }
            }
        } onCancel: { [confined] in
            confined.connection.cancel()
        }
    }

    /// Runs `body` in a transaction on the connection's queue.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await withConnection { try $0.transaction(body) }
    }

    /// Cancels whatever statement is running now.
    public func cancel() {
        confined.connection.cancel()
    }
}
