import EventCatalog
import EventLog
import Foundation
public import Postgres

/// Records analysts' corrections as events in the log (stream `curation-<uuid>`), which the projector
/// follows like any other fact. Nothing is edited in place.
public struct Curator: Sendable {
    public init() {}

    /// Appends one curation fact and returns the stream it went to.
    @discardableResult
    public func record<Payload: Encodable>(_ payload: Payload, type: String, on connection: Connection) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = String(decoding: try encoder.encode(payload), as: UTF8.self)
        let by = ["by": ProcessInfo.processInfo.environment["USER"] ?? "unknown"]
        let metadata = String(decoding: try encoder.encode(by), as: UTF8.self)
        let stream = EventCatalog.Streams.curation(UUID())
        try EventStore().append([NewEvent(type: type, data: data, metadata: metadata)], to: stream, expectedVersion: .noStream, on: connection)
        return stream
    }
}
