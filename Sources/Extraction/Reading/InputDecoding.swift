import Foundation

/// Bytes to article text: the checks every input goes through, and the normalisation that
/// defines the *original text* offsets count in.
enum InputDecoding {
    /// A failed check: the code and the plain message for `InputError`.
    struct Failure: Error {
        var code: InputError.Code
        var message: String
    }

    /// UTF-8 bytes to a string: refuses empty input, NUL bytes (a binary file) and invalid UTF-8.
    static func decode(_ bytes: some Collection<UInt8>, what: String = "file") -> Result<String, Failure> {
        if bytes.isEmpty { return .failure(Failure(code: .empty, message: "empty \(what)")) }
        if bytes.contains(0) { return .failure(Failure(code: .binary, message: "binary \(what) (NUL bytes), not text")) }
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: break loop
            case .error:
                return .failure(Failure(code: .notUTF8, message: "not UTF-8 text (invalid byte at offset \(offset))"))
            }
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }

    /// The original text: a leading BOM removed, CRLF and lone CR turned into LF. Nothing else
    /// changes, so offsets into this text are offsets into what the author wrote.
    static func normaliseLineEnds(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { $0 == "\r" || $0 == "\u{FEFF}" }) else { return text }
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        var first = true
        for scalar in scalars {
            defer { first = false }
            if first, scalar == "\u{FEFF}" { continue }
            if scalar == "\r" {
                out.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n", previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            out.append(scalar)
        }
        return String(out)
    }

    /// True when a text has nothing but white space.
    static func isBlank(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0 == "\u{FEFF}" }
    }

    /// A byte count for a person: "6.2 MB", "812 KB", "90 bytes".
    static func size(_ bytes: Int) -> String {
        if bytes >= 1024 * 1024 {
            let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
            return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
        }
        if bytes >= 1024 { return "\((bytes + 512) / 1024) KB" }
        return "\(bytes) bytes"
    }
}
