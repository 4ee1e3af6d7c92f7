import Foundation

/// One article as a JSON object: Chronograph's own envelope (`title`, `url`, `published`,
/// `language`, `text`) or what trafilatura writes (`title`, `date`, `text` or `raw_text`,
/// `source` or `url`, `hostname`, `language`). trafilatura's `filedate` is the day the page was
/// processed, not the publication date, and is ignored.
enum ArticleEnvelope {
    /// The article, and a warning when its publication date could not be read.
    struct Parsed {
        var article: ArticleInput
        var warning: InputDecoding.Failure?
    }

    /// Parses one JSON object (already checked as UTF-8).
    static func parse(_ data: Data, source: String, line: Int?) -> Result<Parsed, InputDecoding.Failure> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            return .failure(InputDecoding.Failure(code: .malformedJSON, message: "malformed JSON (\(shortReason(error)))"))
        }
        guard let fields = object as? [String: Any] else {
            let found = object is [Any] ? "an array" : "a bare value"
            return .failure(InputDecoding.Failure(code: .malformedJSON, message: "malformed JSON (expected an object, found \(found))"))
        }
        return parse(fields, source: source, line: line)
    }

    /// Reads the fields of one decoded object.
    static func parse(_ fields: [String: Any], source: String, line: Int?) -> Result<Parsed, InputDecoding.Failure> {
        guard let text = nonBlankString(fields["text"]) ?? nonBlankString(fields["raw_text"]) else {
            let why = fields["text"] == nil && fields["raw_text"] == nil ? "no \"text\" field" : "the \"text\" field is empty or not a string"
            return .failure(InputDecoding.Failure(code: .noText, message: "no text (\(why))"))
        }
        var article = ArticleInput(source: source, line: line, text: InputDecoding.normaliseLineEnds(text))
        article.title = nonBlankString(fields["title"]).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        article.url = nonBlankString(fields["url"]) ?? nonBlankString(fields["source"])
        article.language = nonBlankString(fields["language"]).flatMap { Language(code: $0) }

        var warning: InputDecoding.Failure?
        let publishedKey = fields["published"] != nil ? "published" : "date"
        switch fields[publishedKey] {
        case nil, is NSNull:
            break
        case let value as String where isBlank(value):
            break
        case let value as String:
            if let date = publicationDate(value) {
                article.published = date
            } else {
                warning = InputDecoding.Failure(
                    code: .badPublished,
                    message: "bad \(publishedKey) value \"\(value.prefix(40))\" (not a date); the article is read without it"
                )
            }
        case let value?:
            warning = InputDecoding.Failure(
                code: .badPublished,
                message: "bad \(publishedKey) value \(String(describing: value).prefix(40)) (not a date string); the article is read without it"
            )
        }
        return .success(Parsed(article: article, warning: warning))
    }

    /// A publication date from `2024-11-26`, `2024-11-26T09:30:00+09:00`, `2024-11-26 09:30`,
    /// `2024/11/26` or `2024.11.26`; a bare `2024-11` or `2024` keeps its coarser precision.
    static func publicationDate(_ value: String) -> EDTFDate? {
        let scalars = Array(value.trimmingCharacters(in: .whitespaces).unicodeScalars)
        var numbers: [Int] = []
        var index = 0
        while numbers.count < 3 {
            var digits = 0
            var number = 0
            while index < scalars.count, scalars[index].isASCIIDigit, digits < 4 {
                number = number * 10 + Int(scalars[index].value - 0x30)
                digits += 1
                index += 1
            }
            let expected = numbers.isEmpty ? 4 : 2
            guard digits == expected || (!numbers.isEmpty && digits == 1) else { return nil }
            numbers.append(number)
            guard index < scalars.count else { break }
            let separator = scalars[index]
            if numbers.count < 3, separator == "-" || separator == "/" || separator == "." {
                index += 1
                continue
            }
            // What follows a full date must be a time, not more of a number.
            guard numbers.count == 3, separator == "T" || separator == " " else { return nil }
            break
        }
        switch numbers.count {
        case 1: return EDTFDate(year: numbers[0])
        case 2: return EDTFDate(year: numbers[0], month: numbers[1])
        default: return EDTFDate(year: numbers[0], month: numbers[1], day: numbers[2])
        }
    }

    /// The parser's reason, made short: "unexpected end of file", "invalid value around character 5".
    static func shortReason(_ error: any Error) -> String {
        let info = (error as NSError).userInfo
        var reason = (info[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
        for noise in [" during JSON parse", "."] where reason.hasSuffix(noise) {
            reason.removeLast(noise.count)
        }
        reason = reason.replacingOccurrences(of: " during JSON parse", with: "")
        guard let first = reason.first else { return "unreadable" }
        return first.lowercased() + reason.dropFirst().prefix(80)
    }

    private static func nonBlankString(_ value: Any?) -> String? {
        guard let string = value as? String, !isBlank(string) else { return nil }
        return string
    }

    private static func isBlank(_ string: String) -> Bool { InputDecoding.isBlank(string) }
}
