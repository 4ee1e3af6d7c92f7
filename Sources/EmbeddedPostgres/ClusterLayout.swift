import Foundation

/// Where a home's cluster keeps its files.
///
/// - `<home>/lock`: the lock taken around initialise-and-start.
/// - the cluster root: `<home>/postgres`, or, when the server runs as another user who cannot reach
///   the home (root's home under /root), `/var/lib/chronograph/<hash of the home path>`, recorded
///   in `<home>/cluster-location`.
/// - `<root>/data` (the data directory), `<root>/server.log`, and the socket directory
///   `<root>/run`, or `/tmp/chronograph-<hash>` when the socket path would be too long.
struct ClusterLayout: Sendable, Equatable {
    /// The only port: with no TCP listener it just names the socket file `.s.PGSQL.5432`.
    static let port = 5432
    /// Unix socket paths must fit `sun_path` (108 bytes with the terminating NUL).
    static let maximumSocketPathBytes = 107
    /// Parent of relocated cluster roots.
    static let relocationParent = "/var/lib/chronograph"
    /// Parent of short socket directories.
    static let shortSocketParent = "/tmp"

    var home: URL
    var root: URL
    var relocated: Bool
    var socketDirectory: URL

    var locationRecord: URL { Self.locationRecord(home: home) }
    var dataDirectory: URL { root.appendingPathComponent("data") }
    /// Where `initdb` builds a new cluster before it is renamed to `dataDirectory`.
    var pendingDataDirectory: URL { root.appendingPathComponent("data.new") }
    var logFile: URL { root.appendingPathComponent("server.log") }
    var socketFile: URL { socketDirectory.appendingPathComponent(".s.PGSQL.\(Self.port)") }
    /// Whether the socket directory lies outside the cluster root (and so is removed separately).
    var socketOutsideRoot: Bool { socketDirectory.deletingLastPathComponent().path != root.path }

    /// The lock file: known before the layout is, since the layout is resolved under the lock.
    static func lockFile(home: URL) -> URL { home.appendingPathComponent("lock") }
    static func locationRecord(home: URL) -> URL { home.appendingPathComponent("cluster-location") }

    /// The layout for `home`, given who runs the server (nil: the current user).
    ///
    /// A recorded location wins; then an existing `<home>/postgres`; then a relocation when the
    /// server user cannot reach the home.
    static func resolve(home: URL, serverUser: ServerUser?) -> ClusterLayout {
        let home = home.standardizedFileURL
        let local = home.appendingPathComponent("postgres")
        let root: URL
        let relocated: Bool
        if let recorded = try? String(contentsOf: locationRecord(home: home), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines), recorded.hasPrefix("/")
        {
            root = URL(fileURLWithPath: recorded, isDirectory: true)
            relocated = true
        } else if let serverUser, !FileManager.default.fileExists(atPath: local.path),
            !serverUser.canTraverse(to: home.path)
        {
            root = URL(fileURLWithPath: relocationParent, isDirectory: true)
                .appendingPathComponent(shortHash(home.path))
            relocated = true
        } else {
            root = local
            relocated = false
        }
        return ClusterLayout(
            home: home, root: root, relocated: relocated, socketDirectory: socketDirectory(root: root))
    }

    /// `<root>/run`, unless the socket path inside it would exceed the limit.
    static func socketDirectory(root: URL) -> URL {
        let preferred = root.appendingPathComponent("run")
        let socketPath = preferred.path + "/.s.PGSQL.\(port)"
        if socketPath.utf8.count <= maximumSocketPathBytes { return preferred }
        return URL(fileURLWithPath: shortSocketParent, isDirectory: true)
            .appendingPathComponent("chronograph-" + shortHash(root.path))
    }

    /// 16 hex digits of the 64-bit FNV-1a hash of `text`'s UTF-8 bytes: stable across runs and
    /// platforms, unlike `hashValue`.
    static func shortHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
