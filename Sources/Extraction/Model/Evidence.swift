/// The words an extraction rests on: a sentence (or part of one) of the original text.
///
/// `start` and `end` are Unicode code point offsets into the original article text, so that
/// Python's `text[start:end]` gives back `text`.
public struct Evidence: Hashable, Sendable, Codable {
    public var text: String
    public var start: Int
    public var end: Int

    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}
