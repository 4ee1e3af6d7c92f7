import Foundation

/// A payload the projector reads by the hundred thousand. `decode(json:)` reads it with a small reader that
/// knows its shape, several times faster than `JSONDecoder` (whose generic containers cost more than the
/// parse); text it does not take (a shape it does not expect, an invalid document) goes to `JSONDecoder`,
/// which stays the reference: it decodes what the reader cannot, and its errors are the ones reported.
public protocol BulkDecodable: Decodable {
    init(reading reader: inout PayloadReader) throws
}

extension BulkDecodable {
    /// Decodes the JSON text of a payload.
    public static func decode(json: String) throws -> Self {
        if let fast = read(json: json) { return fast }
        return try JSONDecoder().decode(Self.self, from: Data(json.utf8))
    }

    /// The reader alone: nil for text it does not take.
    static func read(json: String) -> Self? {
        var text = json
        return text.withUTF8 { bytes in
            var reader = PayloadReader(bytes: bytes)
            guard let value = try? Self(reading: &reader), reader.isAtEnd else { return nil }
            return value
        }
    }
}

/// Reads one JSON document forward: objects key by key, arrays element by element. It throws on anything
/// it does not expect; the caller then falls back to `JSONDecoder`.
public struct PayloadReader {
    struct Unexpected: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var isAtEnd: Bool {
        mutating get {
            skipSpace()
            return index == bytes.count
        }
    }

    private mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    private mutating func peek() throws -> UInt8 {
        skipSpace()
        guard index < bytes.count else { throw Unexpected() }
        return bytes[index]
    }

    private mutating func consume(_ byte: UInt8) throws {
        guard try peek() == byte else { throw Unexpected() }
        index += 1
    }

    private mutating func consume(literal: StaticString) throws {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw Unexpected() }
        for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] { throw Unexpected() }
        index += count
    }

    /// Reads an object, calling `body` with each key; `body` must read (or `skip()`) the value.
    public mutating func object(_ body: (inout PayloadReader, String) throws -> Void) throws {
        try consume(UInt8(ascii: "{"))
        if try peek() == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            let key = try string()
            try consume(UInt8(ascii: ":"))
            try body(&self, key)
            switch try peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return
            default: throw Unexpected()
            }
        }
    }

    /// Reads an array, calling `body` for each element.
    public mutating func array<T>(_ body: (inout PayloadReader) throws -> T) throws -> [T] {
        try consume(UInt8(ascii: "["))
        var elements: [T] = []
        if try peek() == UInt8(ascii: "]") {
            index += 1
            return elements
        }
        while true {
            elements.append(try body(&self))
            switch try peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return elements
            default: throw Unexpected()
            }
        }
    }

    /// Reads `null` if it comes next.
    public mutating func null() throws -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try consume(literal: "null")
        return true
    }

    /// A string, or nil for `null`.
    public mutating func optionalString() throws -> String? {
        try null() ? nil : try string()
    }

    public mutating func string() throws -> String {
        try consume(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"), bytes[index] >= 0x20 {
            index += 1
        }
        guard index < bytes.count else { throw Unexpected() }
        if bytes[index] == UInt8(ascii: "\"") {
            defer { index += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        }
        // Escapes: copy what came, then go on byte by byte.
        var out = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw Unexpected() }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        try consume(literal: "\\u")
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw Unexpected() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let value = Unicode.Scalar(scalar) else { throw Unexpected() }
                    out.append(contentsOf: UTF8.encode(value)!)
                default: throw Unexpected()
                }
            case 0..<0x20:
                throw Unexpected()
            default:
                out.append(byte)
            }
        }
        throw Unexpected()
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw Unexpected() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Unexpected()
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// An integer written without a fraction or exponent.
    public mutating func int() throws -> Int {
        _ = try peek()
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var value = 0
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(Int(bytes[index] - UInt8(ascii: "0")))
            guard !overflowTimes, !overflowSum else { throw Unexpected() }
            value = sum
            index += 1
        }
        guard index > start, index == bytes.count || !Self.numberTail(bytes[index]) else { throw Unexpected() }
        return negative ? -value : value
    }

    public mutating func double() throws -> Double {
        _ = try peek()
        let start = index
        while index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")
            || (bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")) || Self.numberTail(bytes[index]) {
            index += 1
        }
        guard let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)), value.isFinite
        else { throw Unexpected() }
        return value
    }

    private static func numberTail(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    /// Skips a value of any kind.
    public mutating func skip() throws {
        switch try peek() {
        case UInt8(ascii: "{"): try object { reader, _ in try reader.skip() }
        case UInt8(ascii: "["): _ = try array { try $0.skip() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try consume(literal: "true")
        case UInt8(ascii: "f"): try consume(literal: "false")
        case UInt8(ascii: "n"): try consume(literal: "null")
        default: _ = try double()
        }
    }
}

/// A required field that never came.
func required<T>(_ value: T?) throws -> T {
    guard let value else { throw PayloadReader.Unexpected() }
    return value
}

// MARK: - The payloads

extension EntityPayload: BulkDecodable {
    public init(reading reader: inout PayloadReader) throws {
        var id: String?, name: String?, kind: String?, country: String?
        try reader.object { reader, key in
            switch key {
            case "id": id = try reader.string()
            case "name": name = try reader.string()
            case "kind": kind = try reader.string()
            case "country": country = try reader.optionalString()
            default: try reader.skip()
            }
        }
        self.init(id: try required(id), name: try required(name), kind: try required(kind), country: country)
    }
}

extension AliasPayload: BulkDecodable {
    public init(reading reader: inout PayloadReader) throws {
        var text: String?, language: String?
        try reader.object { reader, key in
            switch key {
            case "text": text = try reader.string()
            case "language": language = try reader.optionalString()
            default: try reader.skip()
            }
        }
        self.init(text: try required(text), language: language)
    }
}

extension EvidencePayload: BulkDecodable {
    public init(reading reader: inout PayloadReader) throws {
        var text: String?, start: Int?, end: Int?
        try reader.object { reader, key in
            switch key {
            case "text": text = try reader.string()
            case "start": start = try reader.int()
            case "end": end = try reader.int()
            default: try reader.skip()
            }
        }
        self.init(text: try required(text), start: try required(start), end: try required(end))
    }
}

extension ArticleIngested.Extractor: BulkDecodable {
    public init(reading reader: inout PayloadReader) throws {
        var name: String?, version: String?
        try reader.object { reader, key in
            switch key {
            case "name": name = try reader.string()
            case "version": version = try reader.string()
            default: try reader.skip()
            }
        }
        self.init(name: try required(name), version: try required(version))
    }
}

extension EntitySighting: BulkDecodable {
    public init(reading reader: inout PayloadReader) throws {
        var entity: EntityPayload?, aliases: [AliasPayload]?
        try reader.object { reader, key in
            switch key {
            case "entity": entity = try EntityPayload(reading: &reader)
            case "aliases": aliases = try reader.array { try AliasPayload(reading: &$0) }
            default: try reader.skip()
            }
        }
        self.init(entity: try required(entity), aliases: try required(aliases))
    }
}

extension EventReported.Participant: BulkDecodable {
    public init(reading reader: inout PayloadReader) throws {
        var entity: EntityPayload?, role: String?
        try reader.object { reader, key in
            switch key {
            case "entity": entity = try EntityPayload(reading: &reader)
            case "role": role = try reader.string()
            default: try reader.skip()
            }
        }
        self.init(entity: try required(entity), role: try required(role))
    }
}

extension ArticleIngested: BulkDecodable {
    public init(reading reader: inout PayloadReader) throws {
        var schema: Int?, id: String?, title: String?, url: String?, source: String?, published: String?, language: String?
        var length: Int?, extractor: Extractor?, entities: [EntitySighting]?, warnings: [String]?
        try reader.object { reader, key in
            switch key {
            case "schema": schema = try reader.int()
            case "id": id = try reader.string()
            case "title": title = try reader.optionalString()
            case "url": url = try reader.optionalString()
            case "source": source = try reader.string()
            case "published": published = try reader.optionalString()
            case "language": language = try reader.string()
            case "length": length = try reader.int()
            case "extractor": extractor = try Extractor(reading: &reader)
            case "entities": entities = try reader.array { try EntitySighting(reading: &$0) }
            case "warnings": warnings = try reader.array { try $0.string() }
            default: try reader.skip()
            }
        }
        self.init(id: try required(id), title: title, url: url, source: try required(source), published: published,
                  language: try required(language), length: try required(length), extractor: try required(extractor),
                  entities: try required(entities), warnings: try required(warnings))
        self.schema = try required(schema)
    }
}

extension EventReported: BulkDecodable {
    public init(reading reader: inout PayloadReader) throws {
        var schema: Int?, article: String?, localID: String?, type: String?, date: String?, actor: EntityPayload?
        var counterparties: [EntityPayload]?, participants: [Participant]?, place: EntityPayload?
        var evidence: EvidencePayload?, confidence: Double?
        try reader.object { reader, key in
            switch key {
            case "schema": schema = try reader.int()
            case "article": article = try reader.string()
            case "local_id": localID = try reader.string()
            case "type": type = try reader.string()
            case "date": date = try reader.optionalString()
            case "actor": actor = try EntityPayload(reading: &reader)
            case "counterparties": counterparties = try reader.array { try EntityPayload(reading: &$0) }
            case "participants": participants = try reader.array { try Participant(reading: &$0) }
            case "place": place = try reader.null() ? nil : try EntityPayload(reading: &reader)
            case "evidence": evidence = try EvidencePayload(reading: &reader)
            case "confidence": confidence = try reader.double()
            default: try reader.skip()
            }
        }
        self.init(article: try required(article), localID: try required(localID), type: try required(type), date: date,
                  actor: try required(actor), counterparties: try required(counterparties), participants: try required(participants),
                  place: place, evidence: try required(evidence), confidence: try required(confidence))
        self.schema = try required(schema)
    }
}

extension RelationReported: BulkDecodable {
    public init(reading reader: inout PayloadReader) throws {
        var schema: Int?, article: String?, subject: EntityPayload?, predicate: String?, object: EntityPayload?, role: String?
        var evidence: EvidencePayload?
        try reader.object { reader, key in
            switch key {
            case "schema": schema = try reader.int()
            case "article": article = try reader.string()
            case "subject": subject = try EntityPayload(reading: &reader)
            case "predicate": predicate = try reader.string()
            case "object": object = try EntityPayload(reading: &reader)
            case "role": role = try reader.optionalString()
            case "evidence": evidence = try EvidencePayload(reading: &reader)
            default: try reader.skip()
            }
        }
        self.init(article: try required(article), subject: try required(subject), predicate: try required(predicate),
                  object: try required(object), role: role, evidence: try required(evidence))
        self.schema = try required(schema)
    }
}
