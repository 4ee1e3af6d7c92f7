import Foundation

/// The id of an article: a hash of its text, normalised so that the same article read from a
/// renamed file, with CRLF line ends, with a BOM, or from a JSON envelope gets the same id.
public enum ArticleIdentity {
    /// Hex SHA-256 of the normalised text: NFC, BOM gone, line ends LF, each line trimmed of
    /// surrounding white space, blank lines dropped (so a run of them collapses into the single
    /// line break between its neighbours), leading and trailing white space trimmed.
    public static func id(of text: String) -> String {
        SHA256.hex(of: normalisedUTF8(text))
    }

    /// The text `id(of:)` hashes.
    public static func normalised(_ text: String) -> String {
        String(decoding: normalisedUTF8(text), as: UTF8.self)
    }

    static func normalisedUTF8(_ text: String) -> [UInt8] {
        let composed = isSurelyNFC(text) ? text : text.precomposedStringWithCanonicalMapping
        var out: [UInt8] = []
        out.reserveCapacity(composed.utf8.count)
        var line: [Unicode.Scalar] = []
        var wroteLine = false

        func flush() {
            var start = 0
            var end = line.count
            while start < end, line[start].isHorizontalSpace || line[start].properties.isWhitespace { start += 1 }
            while end > start, line[end - 1].isHorizontalSpace || line[end - 1].properties.isWhitespace { end -= 1 }
            guard start < end else { return }
            if wroteLine { out.append(0x0A) }
            for scalar in line[start..<end] { ScalarString.appendUTF8(scalar, to: &out) }
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
        return out
    }

    /// True when every code point is one NFC leaves alone and no neighbour can compose with it:
    /// below the combining marks (U+0300), Hangul syllables, CJK ideographs, general punctuation and
    /// CJK symbols, full-width forms. Most articles pass, and skip the (slow) normalisation.
    static func isSurelyNFC(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x300, 0xAC00...0xD7A3, 0x4E00...0x9FFF, 0x2000...0x2BFF, 0x3000...0x303F, 0xFF00...0xFFEF: continue
            default: return false
            }
        }
        return true
    }
}
