import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The unprivileged account the server runs as when chronograph itself runs as root
/// (`initdb` and `postgres` refuse to run as root).
struct ServerUser: Sendable, Equatable {
    /// Accounts tried in order: the one the PostgreSQL packages create, then a dedicated one.
    static let candidates = ["postgres", "chronograph"]

    var name: String
    var uid: uid_t
    var gid: gid_t

    /// Nil when the process is not root (the server then runs as the current user); otherwise
    /// the first existing candidate account.
    static func forCurrentProcess() throws -> ServerUser? {
        guard geteuid() == 0 else { return nil }
        for name in candidates {
            if let user = lookup(name) { return user }
        }
        throw EmbeddedPostgresError(
            code: .serverUserMissing,
            message: """
                chronograph runs as root, but PostgreSQL refuses to run as root and no unprivileged \
                user to run it as exists (tried: \(candidates.joined(separator: ", "))). Create one with \
                `useradd --system --user-group --no-create-home --shell /usr/sbin/nologin chronograph`, \
                or run chronograph as a regular user.
                """)
    }

    /// The account named `name`, if it exists.
    static func lookup(_ name: String) -> ServerUser? {
        guard let entry = getpwnam(name) else { return nil }
        return ServerUser(name: name, uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
    }

    /// The command words that run what follows as this user: `setpriv` (no PAM session, execs
    /// directly), else `runuser`; both come with util-linux.
    func launchPrefix() throws -> [String] {
        if let setpriv = Self.firstExecutable(["/usr/bin/setpriv", "/bin/setpriv"]) {
            return [setpriv, "--reuid=\(uid)", "--regid=\(gid)", "--init-groups", "--"]
        }
        if let runuser = Self.firstExecutable(["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"]) {
            return [runuser, "-u", name, "--"]
        }
        throw EmbeddedPostgresError(
            code: .commandFailed,
            message: "running as root needs `setpriv` or `runuser` to start PostgreSQL as \(name): install util-linux")
    }

    /// Gives `path` to this user (the cluster's directories, created by root).
    func own(_ path: String) throws {
        guard chown(path, uid, gid) == 0 else {
            throw EmbeddedPostgresError(
                code: .fileSystem,
                message: "could not give \(path) to user \(name): \(String(cString: strerror(errno)))")
        }
    }

    /// Whether this user can reach `path`: every existing ancestor directory grants it search
    /// (execute) permission. Missing directories are assumed to be created searchable.
    func canTraverse(to path: String) -> Bool {
        var prefix = ""
        for component in path.split(separator: "/") {
            prefix += "/" + component
            var info = stat()
            guard stat(prefix, &info) == 0 else { return true }
            let mode = info.st_mode
            let allowed: Bool
            if info.st_uid == uid {
                allowed = mode & S_IXUSR != 0
            } else if info.st_gid == gid {
                allowed = mode & S_IXGRP != 0
            } else {
                allowed = mode & S_IXOTH != 0
            }
            if !allowed { return false }
        }
        return true
    }

    private static func firstExecutable(_ paths: [String]) -> String? {
        paths.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
