/// Why an input could not be read (or was read with a loss), naming the file and, for JSONL, the line.
///
/// Its description reads `path/to/file.jsonl:3: malformed JSON (unexpected end of file)`.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, for code that reacts to it; the message says it to a person.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Base: String, Sendable, Hashable {
            case missingPath = "missing path"
            case unreadable
            case unknownExtension = "unknown extension"
            case tooLarge = "too large"
            case empty
            case binary
            case notUTF8 = "not UTF-8"
            case malformedJSON = "malformed JSON"
            case noText = "no text"
            case badPublished = "bad published date"
        }

        fileprivate let base: Base

        public static let missingPath = Code(base: .missingPath)
        public static let unreadable = Code(base: .unreadable)
        public static let unknownExtension = Code(base: .unknownExtension)
        public static let tooLarge = Code(base: .tooLarge)
        public static let empty = Code(base: .empty)
        public static let binary = Code(base: .binary)
        public static let notUTF8 = Code(base: .notUTF8)
        public static let malformedJSON = Code(base: .malformedJSON)
        public static let noText = Code(base: .noText)
        /// The envelope's publication date is not a date; the article is still read, without it.
        public static let badPublished = Code(base: .badPublished)

        public var description: String { base.rawValue }
    }

    /// The path as given (a file inside a folder: its path), or "-" for standard input.
    public var source: String
    /// The 1-based line, for JSONL.
    public var line: Int?
    public var code: Code
    /// A plain, short message.
    public var message: String

    /// True when the article was read all the same and comes next in the sequence (a bad
    /// `published` value): a warning rather than a lost article.
    public var articleKept: Bool { code == .badPublished }

    public init(source: String, line: Int? = nil, code: Code, message: String) {
        self.source = source
        self.line = line
        self.code = code
        self.message = message
    }

    public var description: String {
        if let line { return "\(source):\(line): \(message)" }
        return "\(source): \(message)"
    }
}
