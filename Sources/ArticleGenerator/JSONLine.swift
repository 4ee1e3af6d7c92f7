import Extraction

/// Writes the JSON Lines form of an article, keys in a fixed order, with no Foundation.
enum JSONLine {
    static func article(title: String, url: String, published: String, language: String, text: String) -> String {
        var line = "{"
        line.reserveCapacity(text.utf8.count + title.utf8.count + 128)
        for (i, (key, value)) in [("title", title), ("url", url), ("published", published), ("language", language), ("text", text)].enumerated() {
            if i > 0 { line += "," }
            line += "\"\(key)\":"
            line += ExtractionJSON.string(value)
        }
        line += "}"
        return line
    }
}
