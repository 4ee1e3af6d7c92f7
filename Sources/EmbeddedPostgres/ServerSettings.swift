import Foundation

/// The settings chronograph appends to a new cluster's `postgresql.conf`.
enum ServerSettings {
    /// The configuration text for a cluster whose socket lives in `socketDirectory`.
    static func text(socketDirectory: String, durability: EmbeddedCluster.Durability) -> String {
        let escaped = socketDirectory.replacingOccurrences(of: "'", with: "''")
        var lines = [
            "",
            "# Written by chronograph for its embedded cluster.",
            "listen_addresses = ''",
            "port = \(ClusterLayout.port)",
            "unix_socket_directories = '\(escaped)'",
            "unix_socket_permissions = 0700",
            "work_mem = '8MB'",
            "maintenance_work_mem = '64MB'",
            "min_wal_size = '80MB'",
            "max_wal_size = '512MB'",
            "idle_in_transaction_session_timeout = '60s'",
            "timezone = 'UTC'",
            "log_timezone = 'UTC'",
            "log_line_prefix = '%m [%p] %q%u@%d '",
        ]
        switch durability {
        case .durable:
            // The read models of a million log events fill a few hundred megabytes; the projector reads
            // back what it wrote a moment ago, which had better still be in the server's cache.
            lines += ["max_connections = 100", "shared_buffers = '256MB'", "fsync = on", "synchronous_commit = on", "full_page_writes = on"]
        case .throwaway:
            // Test servers: every test has its own database and connections, projectors two each.
            lines += ["max_connections = 300", "shared_buffers = '64MB'", "fsync = off", "synchronous_commit = off", "full_page_writes = off"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
