public import Foundation

/// Where chronograph connects: a configured server, or its own embedded cluster.
public enum DatabaseTarget: Sendable {
    /// A server the user configured. The conninfo is a libpq URI or key=value string; an empty
    /// string means "let libpq read the `PG*` environment variables itself".
    case configured(conninfo: String)
    /// The private cluster chronograph creates and starts itself.
    case embedded(EmbeddedCluster)

    /// The libpq environment variables that, when set, choose a server.
    /// `PGPASSWORD` alone does not: a password names no server.
    public static let libpqVariables = ["PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER", "PGSERVICE"]

    /// `DATABASE_URL` if set and non-empty; else `.configured("")` when any libpq variable is set;
    /// else the embedded cluster in ``EmbeddedCluster/defaultHome(environment:)``.
    public static func resolve(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> DatabaseTarget {
        if let url = environment["DATABASE_URL"]?.trimmingCharacters(in: .whitespaces), !url.isEmpty {
            return .configured(conninfo: url)
        }
        if libpqVariables.contains(where: { !(environment[$0] ?? "").isEmpty }) {
            return .configured(conninfo: "")
        }
        return .embedded(EmbeddedCluster(home: EmbeddedCluster.defaultHome(environment: environment)))
    }
}
