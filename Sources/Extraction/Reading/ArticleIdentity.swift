import Foundation

/// The id of an article: a hash of its text, normalised so that the same article read from a
/// renamed file, with CRLF line ends, with a BOM, or from a JSON envelope gets the same id.
public enum ArticleIdentity {
    /// Hex SHA-256 of the normalised text: NFC, BOM gone, line ends LF, each line trimmed of
    /// surrounding white space, blank lines dropped (so a run of them collapses into the single
    /// line break between its neighbours), leading and trailing white space trimmed.
    public static func id(of text: String) -> String {
        SHA256.hex(of: normalised(text).utf8)
    }

    /// The text `id(of:)` hashes.
    public static func normalised(_ text: String) -> String {
        let composed = text.precomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        var line: [Unicode.Scalar] = []
        var wroteLine = false

        func flush() {
            var start = 0
            var end = line.count
            while start < end, line[start].isHorizontalSpace || line[start].properties.isWhitespace { start += 1 }
            while end > start, line[end - 1].isHorizontalSpace || line[end - 1].properties.isWhitespace { end -= 1 }
            guard start < end else { return }
            if wroteLine { out.append("\n") }
            out.append(contentsOf: line[start..<end])
            wroteLine = true
        }

        var previousWasCR = false
        for scalar in composed.unicodeScalars {
            switch scalar {
            case "\u{FEFF}":
                continue
            case "\r":
                flush()
                line.removeAll(keepingCapacity: true)
                previousWasCR = true
                continue
            case "\n":
                if !previousWasCR {
                    flush()
                    line.removeAll(keepingCapacity: true)
                }
            default:
                line.append(scalar)
            }
            previousWasCR = false
        }
        flush()
        return String(out)
    }
}
