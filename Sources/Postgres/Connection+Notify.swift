internal import CLibPQ
#if canImport(Glibc)
import Glibc
#endif

/// A notification received on a channel this connection listens to.
public struct PostgresNotification: Sendable, Hashable {
    public var channel: String
    public var payload: String
    public var senderPID: Int32
}

extension Connection {
    /// Starts listening on a channel.
    public func listen(_ channel: String) throws {
        try run(script: "LISTEN \(try quoteIdentifier(channel))")
    }

    /// Sends a notification (delivered when the current transaction commits).
    public func notify(_ channel: String, payload: String = "") throws {
        try query("SELECT pg_notify(\(channel), \(payload))")
    }

    /// Waits up to `timeout` seconds for notifications and returns those that arrived (empty on time-out).
    /// Blocks the calling thread: call it through ``ConnectionHandle``.
    public func waitForNotifications(timeout: Double) throws -> [PostgresNotification] {
        var received = drainNotifications()
        if !received.isEmpty { return received }
        let socket = PQsocket(handle)
        guard socket >= 0 else { throw connectionError() }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, min(timeout, 86_400)) * 1000)
        let ready = poll(&descriptor, 1, milliseconds)
        if ready < 0 {
            if errno == EINTR { return [] }
            throw PostgresError(code: .connection, message: "poll() failed on the PostgreSQL socket (errno \(errno))")
        }
        if ready == 0 { return [] }
        guard PQconsumeInput(handle) == 1 else { throw connectionError() }
        received = drainNotifications()
        return received
    }

    private func drainNotifications() -> [PostgresNotification] {
        var received: [PostgresNotification] = []
        PQconsumeInput(handle)
        while let notify = PQnotifies(handle) {
            let value = notify.pointee
            received.append(PostgresNotification(
                channel: String(cString: value.relname),
                payload: String(cString: value.extra),
                senderPID: value.be_pid
            ))
            PQfreemem(notify)
        }
        return received
    }
}
