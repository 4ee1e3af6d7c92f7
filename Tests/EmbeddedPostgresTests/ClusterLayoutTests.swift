import Foundation
import Testing
@testable import EmbeddedPostgres

@Suite struct ClusterLayoutTests {
    @Test func shortRootKeepsTheSocketInside() {
        let root = URL(fileURLWithPath: "/home/ana/.local/share/chronograph/postgres")
        #expect(ClusterLayout.socketDirectory(root: root).path == root.path + "/run")
    }

    @Test func longRootMovesTheSocketToAShortDirectory() {
        let root = URL(fileURLWithPath: "/" + String(repeating: "deep/", count: 20) + "postgres")
        let socket = ClusterLayout.socketDirectory(root: root)
        #expect(socket.path == "/tmp/chronograph-" + ClusterLayout.shortHash(root.path))
        #expect((socket.path + "/.s.PGSQL.5432").utf8.count <= ClusterLayout.maximumSocketPathBytes)
    }

    @Test func socketPathAtTheLimitIsKept() {
        // "/run/.s.PGSQL.5432" is 18 bytes: a root of 89 bytes gives exactly 107.
        let root = URL(fileURLWithPath: "/" + String(repeating: "a", count: 88))
        #expect(ClusterLayout.socketDirectory(root: root).path == root.path + "/run")
        let longer = URL(fileURLWithPath: "/" + String(repeating: "a", count: 89))
        #expect(ClusterLayout.socketDirectory(root: longer).path.hasPrefix("/tmp/chronograph-"))
    }

    @Test func shortHashIsStableAndFixedWidth() {
        #expect(ClusterLayout.shortHash("") == "cbf29ce484222325")
        // FNV-1a's published test vectors: the empty string checks only the offset basis, these the prime too.
        #expect(ClusterLayout.shortHash("a") == "af63dc4c8601ec8c")
        #expect(ClusterLayout.shortHash("foobar") == "85944171f73967e8")
        #expect(ClusterLayout.shortHash("/root/.local/share/chronograph").count == 16)
        #expect(ClusterLayout.shortHash("/a") != ClusterLayout.shortHash("/b"))
    }

    @Test func unreachableHomeIsRelocatedForAnotherServerUser() throws {
        let parent = temporaryHome("layout")
        let home = parent.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        let stranger = ServerUser(name: "stranger", uid: 54_321, gid: 54_321)

        chmod(parent.path, 0o755)
        let reachable = ClusterLayout.resolve(home: home, serverUser: stranger)
        #expect(!reachable.relocated)
        #expect(reachable.dataDirectory.path == home.path + "/postgres/data")

        chmod(parent.path, 0o700)
        #expect(!stranger.canTraverse(to: home.path))
        let relocated = ClusterLayout.resolve(home: home, serverUser: stranger)
        #expect(relocated.relocated)
        #expect(relocated.root.path == "/var/lib/chronograph/" + ClusterLayout.shortHash(home.path))
        #expect(relocated.socketDirectory.path == relocated.root.path + "/run")

        // The current user runs the server itself: never relocated.
        #expect(!ClusterLayout.resolve(home: home, serverUser: nil).relocated)
    }

    @Test func recordedLocationWins() throws {
        let home = temporaryHome("record")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        try "/var/lib/chronograph/0123456789abcdef\n".write(
            to: ClusterLayout.locationRecord(home: home), atomically: true, encoding: .utf8)
        let layout = ClusterLayout.resolve(home: home, serverUser: nil)
        #expect(layout.relocated)
        #expect(layout.dataDirectory.path == "/var/lib/chronograph/0123456789abcdef/data")
    }
}
