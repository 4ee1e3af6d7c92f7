/// One article as read from a file or standard input, before cleaning.
public struct ArticleInput: Sendable, Hashable {
    /// The path as given (a file inside a folder: its path), or "-" for standard input.
    public var source: String
    /// The 1-based line, for JSONL.
    public var line: Int?
    public var title: String?
    public var url: String?
    /// From the envelope only (`published`, or trafilatura's `date`); nil if absent or unreadable.
    public var published: EDTFDate?
    /// From the envelope only.
    public var language: Language?
    /// The article text with any BOM stripped and CRLF / CR line ends turned into LF. This is the
    /// *original text* every later offset (evidence, removed spans) counts code points in.
    public var text: String

    public init(
        source: String, line: Int? = nil, title: String? = nil, url: String? = nil, published: EDTFDate? = nil,
        language: Language? = nil, text: String
    ) {
        self.source = source
        self.line = line
        self.title = title
        self.url = url
        self.published = published
        self.language = language
        self.text = text
    }
}
