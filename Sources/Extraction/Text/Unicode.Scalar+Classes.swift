/// Character classes the text stages test scalar by scalar (cheaper than `Character` or regular expressions).
extension Unicode.Scalar {
    /// A Hangul syllable (가–힣).
    var isHangulSyllable: Bool { (0xAC00...0xD7A3).contains(value) }

    /// Any Hangul letter: syllables and the conjoining and compatibility jamo.
    var isHangul: Bool {
        isHangulSyllable || (0x1100...0x11FF).contains(value) || (0x3130...0x318F).contains(value)
    }

    /// An ASCII or Latin-1/Latin Extended letter.
    var isLatinLetter: Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A: true
        case 0xC0...0x24F: value != 0xD7 && value != 0xF7
        default: false
        }
    }

    var isASCIIUppercase: Bool { (0x41...0x5A).contains(value) }
    var isASCIILowercase: Bool { (0x61...0x7A).contains(value) }
    var isASCIIDigit: Bool { (0x30...0x39).contains(value) }

    /// A letter of any script, or a digit.
    var isWordScalar: Bool {
        if value < 0x80 { return isASCIIDigit || isLatinLetter }
        if isLatinLetter || isHangulSyllable { return true }
        switch value {
        case 0x2000...0x2BFF, 0x3000...0x303F, 0xFF00...0xFF0F, 0xA0...0xBF: return false
        default: return isHangul || properties.isAlphabetic || properties.numericType != nil
        }
    }

    /// White space other than a line break.
    var isHorizontalSpace: Bool {
        switch value {
        case 0x20, 0x09, 0xA0, 0x3000, 0x2000...0x200B, 0x202F, 0x205F, 0xFEFF: true
        default: false
        }
    }

    /// Punctuation that ends a sentence.
    var isSentenceTerminal: Bool {
        switch value {
        case 0x2E, 0x21, 0x3F, 0x3002, 0xFF01, 0xFF1F, 0xFF0E: true
        default: false
        }
    }

    /// Closing quotes and brackets that may follow a sentence's final punctuation.
    var isClosingMark: Bool {
        switch value {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0x2019, 0x201D, 0xBB, 0x300D, 0x300F, 0x3009, 0x300B, 0x3011, 0xFF09: true
        default: false
        }
    }
}
