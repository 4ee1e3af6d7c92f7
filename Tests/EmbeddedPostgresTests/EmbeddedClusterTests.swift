import Foundation
import Testing
@testable import EmbeddedPostgres

#if canImport(Glibc)
import Glibc
#endif

@Suite struct EmbeddedClusterTests {
    @Test func startConnectReuseStopDestroy() throws {
        try withThrowawayCluster("lifecycle") { cluster in
            let first = try cluster.start()
            #expect(first.created)
            #expect(first.url == cluster.url())
            #expect(first.conninfo == cluster.conninfo())

            let viaURL = try psql(first.url, "select 1")
            #expect(viaURL.status == 0)
            #expect(viaURL.output == "1")
            let viaConninfo = try psql(first.conninfo, "select current_user || '@' || current_database()")
            #expect(viaConninfo.output == "chronograph@chronograph")
            #expect(try psql(first.url, "show idle_in_transaction_session_timeout").output == "1min")
            #expect(try psql(first.url, "show listen_addresses").output == "")
            #expect(try psql(first.url, "show server_encoding").output == "UTF8")

            let running = try cluster.status()
            #expect(running.initialised && running.running)
            let pid = try #require(running.pid)
            #expect((running.serverVersion.flatMap { Int($0.prefix { $0.isNumber }) } ?? 0) >= PostgresBinaries.minimumMajorVersion)

            let again = try cluster.start()
            #expect(!again.created)
            #expect(try cluster.status().pid == pid)

            try cluster.stop()
            let stopped = try cluster.status()
            #expect(stopped.initialised)
            #expect(!stopped.running)
            #expect(stopped.pid == nil)
            #expect(try psql(first.url, "select 1").status != 0)
            try cluster.stop()  // stopping a stopped cluster is a no-op

            let restarted = try cluster.start()
            #expect(!restarted.created)
            #expect(try psql(restarted.url, "select 1").output == "1")

            try cluster.destroy()
            #expect(!FileManager.default.fileExists(atPath: cluster.home.path))
            #expect(!FileManager.default.fileExists(atPath: stopped.dataDirectory.path))
            #expect(try !cluster.status().initialised)
        }
    }

    @Test func concurrentStartsShareOneServer() async throws {
        let cluster = EmbeddedCluster(home: temporaryHome("concurrent"), durability: .throwaway)
        defer { try? cluster.destroy() }
        let results = try await withThrowingTaskGroup(of: EmbeddedCluster.StartResult.self) { group in
            for _ in 0..<3 {
                group.addTask { try cluster.start() }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 3)
        #expect(results.filter(\.created).count == 1)
        #expect(Set(results.map(\.url)).count == 1)
        let status = try cluster.status()
        #expect(status.running)
        #expect(try psql(cluster.url(), "select count(*) from pg_stat_activity where backend_type = 'checkpointer'").output == "1")
    }

    @Test func crashedServerIsRestarted() throws {
        try withThrowawayCluster("crash") { cluster in
            _ = try cluster.start()
            let pid = try #require(try cluster.status().pid)
            kill(pid, SIGKILL)
            for _ in 0..<200 where kill(pid, 0) == 0 { usleep(10_000) }
            #expect(try !cluster.status().running)  // postmaster.pid is left behind

            let restarted = try cluster.start()
            #expect(!restarted.created)
            #expect(try cluster.status().pid != pid)
            #expect(try psql(restarted.url, "select 1").output == "1")
        }
    }

    @Test func longHomeGetsAShortSocketDirectory() throws {
        let deep = temporaryHome("long").appendingPathComponent(String(repeating: "nested-", count: 12))
        let cluster = EmbeddedCluster(home: deep, durability: .throwaway)
        defer {
            try? cluster.destroy()
            try? FileManager.default.removeItem(at: deep.deletingLastPathComponent())
        }
        let started = try cluster.start()
        let status = try cluster.status()
        #expect(status.socketDirectory.path.hasPrefix("/tmp/chronograph-"))
        #expect(try psql(started.url, "select 1").output == "1")
        try cluster.destroy()
        #expect(!FileManager.default.fileExists(atPath: status.socketDirectory.path))
    }

    /// As root, a home the server user cannot reach moves the cluster to /var/lib/chronograph.
    @Test(.enabled(if: geteuid() == 0 && ServerUser.candidates.contains { ServerUser.lookup($0) != nil }))
    func rootWithUnreachableHomeRelocates() throws {
        let parent = temporaryHome("private")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        chmod(parent.path, 0o700)
        defer { try? FileManager.default.removeItem(at: parent) }
        let cluster = EmbeddedCluster(home: parent.appendingPathComponent("home"), durability: .throwaway)
        defer { try? cluster.destroy() }

        let started = try cluster.start()
        #expect(started.created)
        let status = try cluster.status()
        #expect(status.dataDirectory.path.hasPrefix(ClusterLayout.relocationParent + "/"))
        let record = try String(contentsOf: ClusterLayout.locationRecord(home: cluster.home), encoding: .utf8)
        #expect(record.trimmingCharacters(in: .newlines) == status.dataDirectory.deletingLastPathComponent().path)
        #expect(try psql(started.url, "select 1").output == "1")

        try cluster.destroy()
        #expect(!FileManager.default.fileExists(atPath: status.dataDirectory.deletingLastPathComponent().path))
    }
}
