import Foundation

/// Helpers for libpq connection strings (URIs or key=value lists).
public enum Conninfo {
    /// The connection string with any password replaced by `***`, safe to print or log.
    ///
    /// Handles URIs (`postgresql://user:secret@host/db?password=secret`) and key=value strings
    /// (`host=x password='se cret'`).
    public static func redacted(_ conninfo: String) -> String {
        if conninfo.hasPrefix("postgres://") || conninfo.hasPrefix("postgresql://") {
            return redactURI(conninfo)
        }
        return redactKeyValue(conninfo)
    }

    /// The same connection string pointing at another database on the same server.
    public static func replacingDatabase(in conninfo: String, with database: String) -> String {
        guard let schemeEnd = conninfo.range(of: "://"), conninfo.hasPrefix("postgres") else {
            let escaped = database.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
            return (conninfo.isEmpty ? "" : conninfo + " ") + "dbname='\(escaped)'"
        }
        let rest = conninfo[schemeEnd.upperBound...]
        let queryStart = rest.firstIndex(of: "?") ?? rest.endIndex
        let pathStart = rest[..<queryStart].firstIndex(of: "/") ?? queryStart
        let encoded = database.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? database
        return String(conninfo[..<pathStart]) + "/" + encoded + String(rest[queryStart...])
    }

    private static func redactURI(_ uri: String) -> String {
        var result = uri
        let schemeEnd = result.range(of: "://")!.upperBound
        let authorityEnd = result[schemeEnd...].firstIndex(where: { $0 == "/" || $0 == "?" }) ?? result.endIndex
        let authority = result[schemeEnd..<authorityEnd]
        if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
            result.replaceSubrange(result.index(after: colon)..<at, with: "***")
        }
        guard let query = result.firstIndex(of: "?") else { return result }
        let pairs = result[result.index(after: query)...].split(separator: "&", omittingEmptySubsequences: false)
        let cleaned = pairs.map { pair -> String in
            pair.lowercased().hasPrefix("password=") ? "password=***" : String(pair)
        }
        return String(result[...query]) + cleaned.joined(separator: "&")
    }

    private static func redactKeyValue(_ string: String) -> String {
        var output = ""
        var scalars = Array(string.unicodeScalars)[...]
        while let first = scalars.first {
            if first == " " || first == "\t" || first == "\n" {
                output.unicodeScalars.append(first)
                scalars = scalars.dropFirst()
                continue
            }
            // key
            var key = ""
            while let s = scalars.first, s != "=", s != " " {
                key.unicodeScalars.append(s)
                scalars = scalars.dropFirst()
            }
            while scalars.first == " " { scalars = scalars.dropFirst() }
            guard scalars.first == "=" else {
                output += key
                continue
            }
            scalars = scalars.dropFirst()
            while scalars.first == " " { scalars = scalars.dropFirst() }
            var value = ""
            if scalars.first == "'" {
                value.unicodeScalars.append("'")
                scalars = scalars.dropFirst()
                while let s = scalars.first {
                    scalars = scalars.dropFirst()
                    value.unicodeScalars.append(s)
                    if s == "\\", let next = scalars.first {
                        value.unicodeScalars.append(next)
                        scalars = scalars.dropFirst()
                    } else if s == "'" {
                        break
                    }
                }
            } else {
                while let s = scalars.first, s != " ", s != "\t", s != "\n" {
                    value.unicodeScalars.append(s)
                    scalars = scalars.dropFirst()
                }
            }
            output += key + "=" + (key.lowercased() == "password" ? "***" : value)
        }
        return output
    }
}
