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
        var composed = isSurelyNFC(text) ? text : text.precomposedStringWithCanonicalMapping
        return composed.withUTF8 { normalisedUTF8(bytes: $0) }
    }

    /// The normalisation on UTF-8 bytes, line by line: a line break is CR, LF or CRLF (a blank
    /// line between the two halves of a CRLF would be dropped anyway), a BOM goes wherever it is.
    private static func normalisedUTF8(bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var wroteLine = false
        var lineStart = 0
        var i = 0
        while i <= bytes.count {
            guard i == bytes.count || bytes[i] == 0x0A || bytes[i] == 0x0D else {
                i += 1
                continue
            }
            var start = lineStart
            var end = i
            // Trim white space (a BOM goes too) at both ends, a code point at a time.
            while start < end {
                let (scalar, length) = decode(bytes, at: start)
                guard isTrimmed(scalar) else { break }
                start += length
            }
            while end > start {
                var first = end - 1
                while first > start, bytes[first] & 0xC0 == 0x80 { first -= 1 }
                guard isTrimmed(decode(bytes, at: first).scalar) else { break }
                end = first
            }
            if start < end {
                if wroteLine { out.append(0x0A) }
                var k = start
                while k < end {
                    // A BOM inside the line: EF BB BF.
                    if bytes[k] == 0xEF, k + 2 < end, bytes[k + 1] == 0xBB, bytes[k + 2] == 0xBF {
                        k += 3
                        continue
                    }
                    out.append(bytes[k])
                    k += 1
                }
                wroteLine = true
            }
            i += 1
            lineStart = i
        }
        return out
    }

    @inline(__always)
    private static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) }
        return scalar == "\u{FEFF}" || scalar.isHorizontalSpace || scalar.properties.isWhitespace
    }

    /// The code point starting at `index` of valid UTF-8, and its length in bytes.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let b0 = UInt32(bytes[index])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        if b0 < 0xE0 { return (Unicode.Scalar((b0 & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F))!, 2) }
        if b0 < 0xF0 {
            let v = (b0 & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            return (Unicode.Scalar(v)!, 3)
        }
        let v = (b0 & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
            | UInt32(bytes[index + 3] & 0x3F)
        return (Unicode.Scalar(v)!, 4)
    }

    /// True when every code point is one NFC leaves alone and no neighbour can compose with it:
    /// below the combining marks (U+0300), Hangul syllables, CJK ideographs, general punctuation and
    /// CJK symbols, full-width forms. Most articles pass, and skip the (slow) normalisation.
    static func isSurelyNFC(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            // Blocks NFC leaves alone, minus the code points it does change: the singletons U+2000, U+2001,
            // U+2126, U+212A, U+212B, U+2329, U+232A and the combining marks U+20D0–20FF and U+302A–302F.
            case 0..<0x300, 0xAC00...0xD7A3, 0x4E00...0x9FFF, 0xFF00...0xFFEF,
                 0x2002...0x20CF, 0x2100...0x2125, 0x2127...0x2129, 0x212C...0x2328, 0x232B...0x2BFF,
                 0x3000...0x3029, 0x3030...0x303F:
                continue
            default: return false
            }
        }
        return true
    }
}
