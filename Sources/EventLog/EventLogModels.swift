public import Foundation
import Postgres

/// What a stream must look like for an append to go ahead.
public enum ExpectedVersion: Sendable, Hashable, CustomStringConvertible {
    /// Append whatever the stream holds.
    case any
    /// The stream must not exist yet.
    case noStream
    /// The stream's last event must be at this version (versions start at 0).
    case exactly(Int64)

    /// Parses `any`, `none` (or `no-stream`) or a number.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "any": self = .any
        case "none", "no-stream", "no_stream": self = .noStream
        default:
            guard let version = Int64(argument), version >= 0 else { return nil }
            self = .exactly(version)
        }
    }

    public var description: String {
        switch self {
        case .any: "any"
        case .noStream: "none"
        case .exactly(let version): String(version)
        }
    }
}

/// An event to append: its id makes re-appending it harmless.
public struct NewEvent: Sendable, Hashable {
    public var id: UUID
    public var type: String
    /// A JSON value (usually an object), as text.
    public var data: String
    /// A JSON object, as text, or nil.
    public var metadata: String?

    public init(id: UUID = UUID(), type: String, data: String, metadata: String? = nil) {
        self.id = id
        self.type = type
        self.data = data
        self.metadata = metadata
    }
}

/// Events to append to one stream, atomically, with an expected version.
public struct AppendRequest: Sendable, Hashable {
    public var stream: String
    public var events: [NewEvent]
    public var expectedVersion: ExpectedVersion

    public init(stream: String, events: [NewEvent], expectedVersion: ExpectedVersion = .any) {
        self.stream = stream
        self.events = events
        self.expectedVersion = expectedVersion
    }
}

/// What happened to one append request.
public enum AppendOutcome: Sendable, Hashable {
    /// The events were appended at these versions (inclusive); events already in the stream were skipped.
    case appended(stream: String, firstVersion: Int64, lastVersion: Int64, skipped: Int)
    /// Every event was already in the stream (a retry): nothing was written.
    case alreadyAppended(stream: String, lastVersion: Int64)
    /// Refused; nothing of this request was written.
    case rejected(EventLogError)

    /// The error, for a rejected request.
    public var error: EventLogError? {
        if case .rejected(let error) = self { return error }
        return nil
    }
}

/// An event as recorded in the log.
public struct RecordedEvent: Sendable, Hashable {
    /// The global position (a sequence; unique, but commits may land out of position order).
    public var position: Int64
    /// The id of the transaction that wrote it; readers order by (xid, position).
    public var xid: UInt64
    public var stream: String
    public var version: Int64
    public var id: UUID
    public var type: String
    /// JSON text.
    public var data: String
    /// JSON text or nil.
    public var metadata: String?
    /// When it was recorded (RFC 3339).
    public var recordedAt: String

    /// The stream's category: its name up to the first '-'.
    public var category: String { EventStore.category(of: stream) }

    /// The checkpoint just past this event.
    public var logPosition: LogPosition { LogPosition(xid: xid, position: position) }
}

/// A point in the log's reading order: the pair (transaction id, position).
public struct LogPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var xid: UInt64
    public var position: Int64

    public init(xid: UInt64, position: Int64) {
        self.xid = xid
        self.position = position
    }

    /// Before every event.
    public static let start = LogPosition(xid: 0, position: 0)

    public static func < (lhs: LogPosition, rhs: LogPosition) -> Bool {
        (lhs.xid, lhs.position) < (rhs.xid, rhs.position)
    }

    public var description: String { "\(xid)/\(position)" }
}

/// Which events a read returns.
public enum EventFilter: Sendable, Hashable {
    case all
    case stream(String)
    case category(String)
    case type(String)
}

/// Figures about the log, for `chronograph log stats`.
public struct LogStats: Sendable, Hashable, Codable {
    public var events: Int64
    public var streams: Int64
    public var lastPosition: Int64?
    /// The oldest transaction still running: readers see nothing written at or after it.
    public var watermarkXid: UInt64
    /// Events committed (or in flight) that readers cannot see yet because an older transaction is open.
    public var eventsBehindWatermark: Int64
    /// How long the oldest open writing transaction has been open, in seconds (0 when none).
    public var oldestOpenTransactionSeconds: Double

    enum CodingKeys: String, CodingKey {
        case events, streams
        case lastPosition = "last_position"
        case watermarkXid = "watermark_xid"
        case eventsBehindWatermark = "watermark_lag_events"
        case oldestOpenTransactionSeconds = "oldest_open_transaction_seconds"
    }

    /// Every key, `last_position` as null on an empty log (not left out), so readers can rely on it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(events, forKey: .events)
        try container.encode(streams, forKey: .streams)
        try container.encode(lastPosition, forKey: .lastPosition)
        try container.encode(watermarkXid, forKey: .watermarkXid)
        try container.encode(eventsBehindWatermark, forKey: .eventsBehindWatermark)
        try container.encode(oldestOpenTransactionSeconds, forKey: .oldestOpenTransactionSeconds)
    }
}

/// An append or read the log refused.
public struct EventLogError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of refusal.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// The stream's version is not the expected one.
        public static let wrongExpectedVersion = Code("wrong expected version")
        /// An event id is already in the log on another stream (or twice in one request).
        public static let duplicateEventID = Code("duplicate event id")
        /// A stream name, type or JSON value is not acceptable.
        public static let invalidEvent = Code("invalid event")
        /// The stream's last event was written by a newer transaction than this one: retry the transaction.
        public static let transactionOrder = Code("transaction order")
        public var description: String { name }
    }

    public var code: Code
    public var stream: String?
    public var expected: ExpectedVersion?
    /// The stream's actual last version (nil: no stream).
    public var actual: Int64?
    public var eventID: UUID?
    public var message: String

    public init(
        code: Code, message: String, stream: String? = nil, expected: ExpectedVersion? = nil, actual: Int64? = nil,
        eventID: UUID? = nil
    ) {
        self.code = code
        self.message = message
        self.stream = stream
        self.expected = expected
        self.actual = actual
        self.eventID = eventID
    }

    public var description: String { message }
}
