/// Builds libpq connection strings for a Unix socket: the URI form and the key=value form.
enum ConnectionString {
    /// `postgresql://user@/database?host=<socket dir>&port=<port>`, every part percent-encoded.
    static func url(user: String, database: String, socketDirectory: String, port: Int) -> String {
        "postgresql://\(percentEncode(user))@/\(percentEncode(database))"
            + "?host=\(percentEncode(socketDirectory))&port=\(port)"
    }

    /// `host='<socket dir>' port=<port> user='<user>' dbname='<database>'`.
    static func keyValue(user: String, database: String, socketDirectory: String, port: Int) -> String {
        "host=\(quote(socketDirectory)) port=\(port) user=\(quote(user)) dbname=\(quote(database))"
    }

    /// Percent-encodes every UTF-8 byte except RFC 3986's unreserved characters.
    static func percentEncode(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return encoded
    }

    /// A key=value value in single quotes, with `\` and `'` escaped by a backslash.
    static func quote(_ value: String) -> String {
        var quoted = "'"
        for character in value {
            if character == "\\" || character == "'" { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "'"
    }
}
