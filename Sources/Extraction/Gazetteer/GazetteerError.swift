/// A gazetteer file that could not be read or understood.
public struct GazetteerError: Error, Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What went wrong, opaque so that cases can be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case unreadableFile, malformedLine, missingResource
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The file could not be read.
        public static let unreadableFile = Code(.unreadableFile)
        /// A line is not a valid entry.
        public static let malformedLine = Code(.malformedLine)
        /// A bundled resource is missing from the package.
        public static let missingResource = Code(.missingResource)

        public var description: String { base.rawValue }
    }

    public var code: Code
    /// The file, as given.
    public var file: String
    /// The 1-based line, when the error is in one line.
    public var line: Int?
    /// What is wrong, for a person.
    public var reason: String

    /// An error.
    public init(code: Code, file: String, line: Int? = nil, reason: String) {
        self.code = code
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        if let line { return "\(file):\(line): \(reason)" }
        return "\(file): \(reason)"
    }

    public var debugDescription: String { "GazetteerError(\(code)): \(description)" }
}
