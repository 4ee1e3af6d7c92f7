/// Writes the JSON Lines form of an article, keys in a fixed order, with no Foundation.
enum JSONLine {
    static func article(title: String, url: String, published: String, language: String, text: String) -> String {
        var line = "{"
        line.reserveCapacity(text.utf8.count + title.utf8.count + 128)
        for (i, (key, value)) in [("title", title), ("url", url), ("published", published), ("language", language), ("text", text)].enumerated() {
            if i > 0 { line += "," }
            line += "\"\(key)\":"
            appendString(value, to: &line)
        }
        line += "}"
        return line
    }

    /// `value` as a JSON string literal.
    static func appendString(_ value: String, to line: inout String) {
        line += "\""
        var scalars = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": scalars.append(contentsOf: "\\\"".unicodeScalars)
            case "\\": scalars.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": scalars.append(contentsOf: "\\n".unicodeScalars)
            case "\r": scalars.append(contentsOf: "\\r".unicodeScalars)
            case "\t": scalars.append(contentsOf: "\\t".unicodeScalars)
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                scalars.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            default: scalars.append(scalar)
            }
        }
        line += String(scalars)
        line += "\""
    }
}
