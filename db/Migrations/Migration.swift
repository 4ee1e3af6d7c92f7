public import Foundation

/// One numbered SQL migration from db/migrations (`0001_event_log.sql`).
public struct Migration: Sendable, Hashable {
    /// The number in the file name.
    public let version: Int
    /// The rest of the file name, without the extension (`event_log`).
    public let name: String
    /// The SQL text, run as one script in its own transaction.
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// A short fingerprint of the SQL (FNV-1a, 64 bits, hex), recorded when applied so that an edited
    /// migration is noticed.
    public var checksum: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in sql.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Reads every `NNNN_name.sql` file of a folder, sorted by number. Other files are ignored;
    /// two files with one number are an error.
    public static func load(from directory: URL) throws -> [Migration] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        var migrations: [Migration] = []
        for file in files where file.hasSuffix(".sql") {
            let stem = file.dropLast(4)
            guard let underscore = stem.firstIndex(of: "_"), let version = Int(stem[..<underscore]) else { continue }
            let sql = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            migrations.append(Migration(version: version, name: String(stem[stem.index(after: underscore)...]), sql: sql))
        }
        migrations.sort { $0.version < $1.version }
        for (a, b) in zip(migrations, migrations.dropFirst()) where a.version == b.version {
            throw MigrationError(message: "two migrations are numbered \(a.version): \(a.name) and \(b.name)")
        }
        return migrations
    }

    /// The migrations shipped with this build of chronograph.
    public static func bundled() throws -> [Migration] {
        guard let url = Bundle.module.url(forResource: "migrations", withExtension: nil) else {
            throw MigrationError(message: "the bundled migrations are missing (chronograph_Migrations.resources next to the binary)")
        }
        return try load(from: url)
    }
}

/// A migration could not be applied, or the database is not one this build knows.
public struct MigrationError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
