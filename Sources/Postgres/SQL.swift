#if canImport(Glibc)
import Glibc
#endif

/// A statement with its parameters. Values written with `\(value)` become `$n` parameters,
/// never text: `"SELECT * FROM events WHERE stream = \(name)"` sends `stream = $1` and `name` apart.
///
/// A trusted fragment written in code (a clause) goes in as a nested statement, `\(SQL(unsafeSQL: text))`,
/// never a value.
public struct SQL: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The statement text with `$1`, `$2`, ... placeholders.
    public private(set) var text: String
    /// The parameters, as sent.
    public private(set) var parameters: [Parameter]
    /// The parameters' type OIDs (0 = inferred by the server).
    public private(set) var types: [UInt32]

    /// A parameter: in the text format (nil = NULL), or in the binary format of its type.
    public enum Parameter: Sendable, Equatable {
        case text(String?)
        case binary([UInt8])

        init<Value: PostgresEncodable>(_ value: Value?) {
            if let binary = value?.postgresBinary { self = .binary(binary) } else { self = .text(value?.postgresText) }
        }
    }

    public init(stringLiteral value: String) {
        self.text = value
        self.parameters = []
        self.types = []
    }

    public init(stringInterpolation: Interpolation) {
        self.text = stringInterpolation.text
        self.parameters = stringInterpolation.parameters
        self.types = stringInterpolation.types
    }

    /// A statement with no parameters, from trusted text.
    public init(unsafeSQL text: String) {
        self.init(stringLiteral: text)
    }

    /// What libpq takes for the parameters, alive for the call of `body`: their count, type OIDs, values
    /// (C strings, or bytes), lengths and formats (0 text, 1 binary).
    struct Bound {
        var count: Int32
        var types: UnsafePointer<UInt32>?
        var values: [UnsafePointer<CChar>?]
        var lengths: UnsafePointer<Int32>?
        var formats: UnsafePointer<Int32>?
    }

    func withParameters<R>(_ body: (Bound) -> R) -> R {
        var owned: [UnsafeMutablePointer<CChar>?] = []
        owned.reserveCapacity(parameters.count)
        var lengths: [Int32] = [], formats: [Int32] = []
        for parameter in parameters {
            switch parameter {
            case .text(let text):
                owned.append(text.map { strdup($0)! })
                lengths.append(0)
                formats.append(0)
            case .binary(let bytes):
                let copy = malloc(max(bytes.count, 1))!.assumingMemoryBound(to: CChar.self)
                bytes.withUnsafeBytes { if let base = $0.baseAddress { UnsafeMutableRawPointer(copy).copyMemory(from: base, byteCount: $0.count) } }
                owned.append(copy)
                lengths.append(Int32(bytes.count))
                formats.append(1)
            }
        }
        defer { owned.forEach { free($0) } }
        return types.withUnsafeBufferPointer { types in
            lengths.withUnsafeBufferPointer { lengths in
                formats.withUnsafeBufferPointer { formats in
                    body(Bound(count: Int32(owned.count), types: owned.isEmpty ? nil : types.baseAddress,
                               values: owned.map { UnsafePointer($0) },
                               lengths: owned.isEmpty ? nil : lengths.baseAddress, formats: owned.isEmpty ? nil : formats.baseAddress))
                }
            }
        }
    }

    public var description: String { text }

    public struct Interpolation: StringInterpolationProtocol {
        var text = ""
        var parameters: [Parameter] = []
        var types: [UInt32] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount * 3)
        }

        public mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        /// A value, sent as a parameter.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value) {
            parameters.append(Parameter(value))
            types.append(Value.postgresTypeOID)
            text += "$\(parameters.count)"
        }

        /// An optional value, sent as a parameter (NULL for nil).
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            parameters.append(Parameter(value))
            types.append(Value.postgresTypeOID)
            text += "$\(parameters.count)"
        }

        /// A nested statement: its text is inlined and its parameters renumbered.
        public mutating func appendInterpolation(_ fragment: SQL) {
            let offset = parameters.count
            parameters += fragment.parameters
            types += fragment.types
            guard offset > 0 else {
                text += fragment.text
                return
            }
            // Renumber $n placeholders; a '$' not followed by digits (dollar quoting) stays as it is.
            let scalars = Array(fragment.text.unicodeScalars)
            var index = 0
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "$", index + 1 < scalars.count, ("0"..."9").contains(scalars[index + 1]) {
                    var end = index + 1
                    var number = 0
                    while end < scalars.count, ("0"..."9").contains(scalars[end]) {
                        number = number * 10 + Int(scalars[end].value - 48)
                        end += 1
                    }
                    text += "$\(number + offset)"
                    index = end
                } else {
                    text.unicodeScalars.append(scalar)
                    index += 1
                }
            }
        }

    }
}
