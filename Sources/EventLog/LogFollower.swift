public import Postgres

/// Follows the log: delivers every event as it becomes readable, in (xid, position) order, exactly once.
///
/// Woken by NOTIFY (appends notify once per transaction); when no notification comes (a pooler may drop
/// them, or an older transaction held the horizon back) it polls, backing off from 50 ms to
/// `maxPollInterval`.
public struct LogFollower: Sendable {
    public var store = EventStore()
    public var filter: EventFilter
    public var fromPosition: Int64
    public var batchSize: Int
    public var maxPollInterval: Double

    public init(filter: EventFilter = .all, fromPosition: Int64 = 0, batchSize: Int = 1000, maxPollInterval: Double = 2) {
        self.filter = filter
        self.fromPosition = fromPosition
        self.batchSize = batchSize
        self.maxPollInterval = maxPollInterval
    }

    /// Reads and delivers batches until `shouldStop()` says so or the task is cancelled; returns the
    /// position after the last delivered event. `handle` should be a connection of its own: it LISTENs.
    @discardableResult
    public func follow(
        on handle: ConnectionHandle,
        after start: LogPosition = .start,
        shouldStop: @escaping @Sendable () -> Bool = { false },
        deliver: ([RecordedEvent]) async throws -> Void
    ) async throws -> LogPosition {
        let store = store, filter = filter, fromPosition = fromPosition, batchSize = batchSize
        try await handle.withConnection { try $0.listen(EventStore.notificationChannel) }
        var position = start
        var interval = Self.minPollInterval
        while !shouldStop() && !Task.isCancelled {
            let after = position
            let batch = try await handle.withConnection {
                try store.read(after: after, filter: filter, fromPosition: fromPosition, limit: batchSize, on: $0)
            }
            if let last = batch.last {
                try await deliver(batch)
                position = last.logPosition
                interval = Self.minPollInterval
                if batch.count == batchSize { continue }
            }
            interval = try await Self.waitForAppend(on: handle, interval: interval, maxInterval: maxPollInterval, shouldStop: shouldStop)
        }
        return position
    }

    /// The first poll interval, and the one after a notification or a delivered batch.
    public static let minPollInterval = 0.05

    /// Waits up to `interval` seconds for an append's notification on `handle` (which must LISTEN on
    /// ``EventStore/notificationChannel``), in short slices so that `shouldStop` and cancellation are
    /// seen quickly. Returns the interval for the next wait: back to ``minPollInterval`` when woken,
    /// else doubled up to `maxInterval`.
    public static func waitForAppend(
        on handle: ConnectionHandle, interval: Double, maxInterval: Double, shouldStop: @Sendable () -> Bool = { false }
    ) async throws -> Double {
        var waited = 0.0
        var woken = false
        while waited < interval, !woken, !shouldStop(), !Task.isCancelled {
            let slice = min(0.25, interval - waited)
            woken = try await handle.withConnection { !(try $0.waitForNotifications(timeout: slice)).isEmpty }
            waited += slice
        }
        return woken ? minPollInterval : min(interval * 2, maxInterval)
    }
}
