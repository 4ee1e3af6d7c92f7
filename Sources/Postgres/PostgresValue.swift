public import Foundation

/// A value that can be bound as a query parameter, sent in PostgreSQL's text format (or in its binary
/// format, when it has one: ``postgresBinary``).
public protocol PostgresEncodable: Sendable {
    /// The value in PostgreSQL's text input format, or nil for NULL.
    var postgresText: String? { get }
    /// The parameter's type OID, or 0 to let the server infer it from the statement.
    static var postgresTypeOID: UInt32 { get }
    /// The value in PostgreSQL's binary format for `postgresTypeOID`, when sent so (nil: sent as text).
    var postgresBinary: [UInt8]? { get }
}

extension PostgresEncodable {
    public var postgresBinary: [UInt8]? { nil }
}

/// A type whose values an array parameter can carry in PostgreSQL's binary format, which the server
/// reads with less work than an array literal (no quotes to scan, no escapes).
public protocol PostgresBinaryElement: PostgresEncodable {
    /// Appends the value's binary form and returns true, or returns false for NULL (appending nothing).
    func appendPostgresBinary(to bytes: inout [UInt8]) -> Bool
}

extension [UInt8] {
    /// Appends a big-endian (network order) integer.
    mutating func appendBigEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
    }
}

extension String: PostgresBinaryElement {
    public func appendPostgresBinary(to bytes: inout [UInt8]) -> Bool {
        bytes.append(contentsOf: utf8)
        return true
    }
}

extension Int: PostgresBinaryElement {
    public func appendPostgresBinary(to bytes: inout [UInt8]) -> Bool {
        bytes.appendBigEndian(Int64(self))
        return true
    }
}

extension Int64: PostgresBinaryElement {
    public func appendPostgresBinary(to bytes: inout [UInt8]) -> Bool {
        bytes.appendBigEndian(self)
        return true
    }
}

extension Double: PostgresBinaryElement {
    public func appendPostgresBinary(to bytes: inout [UInt8]) -> Bool {
        bytes.appendBigEndian(bitPattern)
        return true
    }
}

extension Bool: PostgresBinaryElement {
    public func appendPostgresBinary(to bytes: inout [UInt8]) -> Bool {
        bytes.append(self ? 1 : 0)
        return true
    }
}

extension Optional: PostgresBinaryElement where Wrapped: PostgresBinaryElement {
    public func appendPostgresBinary(to bytes: inout [UInt8]) -> Bool {
        self?.appendPostgresBinary(to: &bytes) ?? false
    }
}

/// A value that can be read from a result column in PostgreSQL's text output format.
public protocol PostgresDecodable: Sendable {
    /// Builds the value from the column's text, or returns nil when the text does not fit the type.
    init?(postgresText: String)
}

/// Well-known type OIDs (pg_type.dat).
public enum PostgresOID {
    public static let unknown: UInt32 = 0
    public static let bool: UInt32 = 16
    public static let int8: UInt32 = 20
    public static let int4: UInt32 = 23
    public static let text: UInt32 = 25
    public static let float8: UInt32 = 701
    public static let timestamptz: UInt32 = 1184
    public static let uuid: UInt32 = 2950
    public static let jsonb: UInt32 = 3802
    public static let boolArray: UInt32 = 1000
    public static let textArray: UInt32 = 1009
    public static let int8Array: UInt32 = 1016
    public static let float8Array: UInt32 = 1022
    public static let uuidArray: UInt32 = 2951
    public static let jsonbArray: UInt32 = 3807
}

extension String: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { self }
    public static var postgresTypeOID: UInt32 { PostgresOID.text }
    public init?(postgresText: String) { self = postgresText }
}

extension Int: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { String(self) }
    public static var postgresTypeOID: UInt32 { PostgresOID.int8 }
    public init?(postgresText: String) { self.init(postgresText) }
}

extension Int64: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { String(self) }
    public static var postgresTypeOID: UInt32 { PostgresOID.int8 }
    public init?(postgresText: String) { self.init(postgresText) }
}

extension Int32: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { String(self) }
    public static var postgresTypeOID: UInt32 { PostgresOID.int4 }
    public init?(postgresText: String) { self.init(postgresText) }
}

extension UInt64: PostgresDecodable {
    /// Reads xid8 and other unsigned 64-bit values.
    public init?(postgresText: String) { self.init(postgresText) }
}

extension Double: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { String(self) }
    public static var postgresTypeOID: UInt32 { PostgresOID.float8 }
    public init?(postgresText: String) { self.init(postgresText) }
}

extension Bool: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { self ? "t" : "f" }
    public static var postgresTypeOID: UInt32 { PostgresOID.bool }
    public init?(postgresText: String) {
        switch postgresText {
        case "t", "true": self = true
        case "f", "false": self = false
        default: return nil
        }
    }
}

extension UUID: PostgresEncodable, PostgresDecodable {
    public var postgresText: String? { uuidString.lowercased() }
    public static var postgresTypeOID: UInt32 { PostgresOID.uuid }
    public init?(postgresText: String) { self.init(uuidString: postgresText) }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public var postgresText: String? { self?.postgresText }
    public static var postgresTypeOID: UInt32 { Wrapped.postgresTypeOID }
}

/// JSON text bound as `jsonb`, or read from a json/jsonb column, kept as text (no re-encoding).
public struct JSONText: PostgresEncodable, PostgresDecodable, Hashable, CustomStringConvertible {
    public var text: String
    public init(_ text: String) { self.text = text }
    public var postgresText: String? { text }
    public static var postgresTypeOID: UInt32 { PostgresOID.jsonb }
    public init?(postgresText: String) { self.text = postgresText }
    public var description: String { text }
}

/// A timestamp with time zone, read from PostgreSQL's ISO output (`2024-11-26 10:21:00.123456+00`).
public struct Timestamp: PostgresDecodable, Hashable, CustomStringConvertible {
    /// The server's text, as printed with DateStyle ISO.
    public var text: String
    public init?(postgresText: String) { self.text = postgresText }
    public var description: String { text }

    /// The same instant as RFC 3339 (`2024-11-26T10:21:00.123456Z` for UTC sessions, else with the offset).
    public var rfc3339: String {
        // Bytes, not Foundation's string search: the log reader converts every row's timestamp.
        var bytes = Array(text.utf8)
        if let space = bytes.firstIndex(of: UInt8(ascii: " ")) { bytes[space] = UInt8(ascii: "T") }
        if bytes.count >= 3, bytes[bytes.count - 3] == UInt8(ascii: "+"), bytes[bytes.count - 2] == UInt8(ascii: "0"),
           bytes[bytes.count - 1] == UInt8(ascii: "0") {
            bytes.removeLast(3)
            bytes.append(UInt8(ascii: "Z"))
        } else if bytes.count >= 3, bytes[bytes.count - 3] == UInt8(ascii: "+") || bytes[bytes.count - 3] == UInt8(ascii: "-") {
            bytes.append(contentsOf: ":00".utf8)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A one-dimensional array parameter (`text[]`, `int8[]`, `bool[]`, `float8[]` in the binary format;
/// `uuid[]`, `jsonb[]` as an array literal).
public struct PostgresArray<Element: PostgresEncodable>: PostgresEncodable {
    public var elements: [Element]
    public init(_ elements: [Element]) { self.elements = elements }

    public var postgresText: String? {
        // Built as bytes: projector batches send arrays of thousands of elements.
        var out: [UInt8] = [UInt8(ascii: "{")]
        out.reserveCapacity(elements.count * 24)
        var first = true
        for element in elements {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            guard let text = element.postgresText else {
                out.append(contentsOf: "NULL".utf8)
                continue
            }
            out.append(UInt8(ascii: "\""))
            for byte in text.utf8 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { out.append(UInt8(ascii: "\\")) }
                out.append(byte)
            }
            out.append(UInt8(ascii: "\""))
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Arrays of text, integers, floats and booleans go in the binary format: a header (one dimension,
    /// whether there are NULLs, the element type, the length, the lower bound 1), then each element's
    /// length (-1 for NULL) and bytes.
    public var postgresBinary: [UInt8]? {
        guard let type = Element.self as? any PostgresBinaryElement.Type, Self.postgresTypeOID != PostgresOID.unknown else { return nil }
        return Self.binary(elements, as: type)
    }

    private static func binary<E: PostgresBinaryElement>(_ elements: [Element], as _: E.Type) -> [UInt8] {
        // Element is E (checked by the caller): the same array, seen with the protocol's type.
        let elements = unsafeBitCast(elements, to: [E].self)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20 + elements.count * 24)
        bytes.appendBigEndian(Int32(elements.isEmpty ? 0 : 1))
        let hasNullAt = bytes.count
        bytes.appendBigEndian(Int32(0))
        bytes.appendBigEndian(Int32(bitPattern: E.postgresTypeOID))
        guard !elements.isEmpty else { return bytes }
        bytes.appendBigEndian(Int32(elements.count))
        bytes.appendBigEndian(Int32(1))
        var hasNull = false
        for element in elements {
            let lengthAt = bytes.count
            bytes.appendBigEndian(Int32(-1))
            guard element.appendPostgresBinary(to: &bytes) else {
                hasNull = true
                continue
            }
            let length = Int32(bytes.count - lengthAt - 4).bigEndian
            withUnsafeBytes(of: length) { bytes.replaceSubrange(lengthAt..<lengthAt + 4, with: $0) }
        }
        if hasNull { bytes[hasNullAt + 3] = 1 }
        return bytes
    }

    public static var postgresTypeOID: UInt32 {
        switch Element.postgresTypeOID {
        case PostgresOID.text: PostgresOID.textArray
        case PostgresOID.int8: PostgresOID.int8Array
        case PostgresOID.bool: PostgresOID.boolArray
        case PostgresOID.float8: PostgresOID.float8Array
        case PostgresOID.uuid: PostgresOID.uuidArray
        case PostgresOID.jsonb: PostgresOID.jsonbArray
        default: PostgresOID.unknown
        }
    }
}

extension PostgresArray: PostgresDecodable where Element: PostgresDecodable {
    /// Reads a one-dimensional array in PostgreSQL's text output (`{a,"b c",NULL}`). NULL elements, nested
    /// arrays and elements that do not fit `Element` make it fail (nil).
    public init?(postgresText: String) {
        let bytes = Array(postgresText.utf8)
        guard bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else { return nil }
        var elements: [Element] = []
        var index = 1
        let end = bytes.count - 1
        while index < end {
            var text: [UInt8] = []
            if bytes[index] == UInt8(ascii: "\"") {
                index += 1
                while index < end, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\") { index += 1 }
                    guard index < end else { return nil }
                    text.append(bytes[index])
                    index += 1
                }
                guard index < end else { return nil }
                index += 1  // the closing quote
            } else {
                while index < end, bytes[index] != UInt8(ascii: ",") {
                    guard bytes[index] != UInt8(ascii: "{") else { return nil }
                    text.append(bytes[index])
                    index += 1
                }
                guard text != Array("NULL".utf8) else { return nil }
            }
            guard let element = Element(postgresText: String(decoding: text, as: UTF8.self)) else { return nil }
            elements.append(element)
            if index < end {
                guard bytes[index] == UInt8(ascii: ",") else { return nil }
                index += 1
            }
        }
        self.init(elements)
    }
}
