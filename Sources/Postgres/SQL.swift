/// A statement with its parameters. Values written with `\(value)` become `$n` parameters,
/// never text: `"SELECT * FROM events WHERE stream = \(name)"` sends `stream = $1` and `name` apart.
///
/// A trusted fragment written in code (a clause) goes in as a nested statement, `\(SQL(unsafeSQL: text))`,
/// never a value.
public struct SQL: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The statement text with `$1`, `$2`, ... placeholders.
    public private(set) var text: String
    /// The parameters in the text format (nil = NULL).
    public private(set) var values: [String?]
    /// The parameters' type OIDs (0 = inferred by the server).
    public private(set) var types: [UInt32]

    public init(stringLiteral value: String) {
        self.text = value
        self.values = []
        self.types = []
    }

    public init(stringInterpolation: Interpolation) {
        self.text = stringInterpolation.text
        self.values = stringInterpolation.values
        self.types = stringInterpolation.types
    }

    /// A statement with no parameters, from trusted text.
    public init(unsafeSQL text: String) {
        self.init(stringLiteral: text)
    }

    /// Calls `body` with the parameter count, type OIDs and C strings libpq takes, alive for the call.
    func withParameters<R>(_ body: (Int32, UnsafePointer<UInt32>?, [UnsafePointer<CChar>?]) -> R) -> R {
        types.withUnsafeBufferPointer { types in
            withCStrings(values) { values in body(Int32(values.count), values.isEmpty ? nil : types.baseAddress, values) }
        }
    }

    public var description: String { text }

    public struct Interpolation: StringInterpolationProtocol {
        var text = ""
        var values: [String?] = []
        var types: [UInt32] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount * 3)
        }

        public mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        /// A value, sent as a parameter.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value) {
            values.append(value.postgresText)
            types.append(Value.postgresTypeOID)
            text += "$\(values.count)"
        }

        /// An optional value, sent as a parameter (NULL for nil).
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            values.append(value?.postgresText)
            types.append(Value.postgresTypeOID)
            text += "$\(values.count)"
        }

        /// A nested statement: its text is inlined and its parameters renumbered.
        public mutating func appendInterpolation(_ fragment: SQL) {
            let offset = values.count
            values += fragment.values
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
