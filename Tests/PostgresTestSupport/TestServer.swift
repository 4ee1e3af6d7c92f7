import EmbeddedPostgres
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The PostgreSQL server the tests of this process share: the one `DATABASE_URL` names, else a
/// throwaway cluster in a temporary folder, started once (through the embedded-database code path)
/// and stopped and removed when the process exits.
enum TestServer {
    /// The admin connection string.
    static let conninfo: Result<String, any Error> = {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            return .success(url)
        }
        let home = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("chronograph-tests-\(getpid())-\(UUID().uuidString.prefix(8))")
        let cluster = EmbeddedCluster(home: home, durability: .throwaway)  // fsync off: tests need no durability
        do {
            let started = try cluster.start()
            throwawayCluster = cluster
            atexit { try? TestServer.throwawayCluster?.destroy() }
            return .success(started.conninfo)
        } catch {
            try? cluster.destroy()
            return .failure(error)
        }
    }()

    /// The cluster this process started, so it can be removed at exit.
    nonisolated(unsafe) static var throwawayCluster: EmbeddedCluster?
}
