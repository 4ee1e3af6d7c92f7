import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on a file, held for the duration of a closure.
///
/// `flock` locks belong to the open file description, so two opens in one process exclude each
/// other just as two processes do. The descriptor is close-on-exec: a server started while the
/// lock is held must not inherit it (it would hold the lock for its whole life).
enum FileLock {
    /// Runs `body` while holding an exclusive lock on `url` (created if missing), waiting for it.
    static func withExclusiveLock<T>(on url: URL, _ body: () throws -> T) throws -> T {
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw EmbeddedPostgresError(
                code: .lock, message: "could not open the lock file \(url.path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            throw EmbeddedPostgresError(
                code: .lock, message: "could not lock \(url.path): \(String(cString: strerror(errno)))")
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
