import Foundation
import Testing
@testable import EmbeddedPostgres

@Suite struct DatabaseTargetTests {
    @Test(arguments: [
        "postgresql://u:p@db.example:5433/events?sslmode=require",
        "host=db.example port=5433 dbname=events",
    ])
    func databaseURLIsUsedAsGiven(value: String) {
        let target = DatabaseTarget.resolve(environment: ["DATABASE_URL": value, "PGHOST": "elsewhere"])
        guard case .configured(let conninfo) = target else {
            Issue.record("expected a configured target, got \(target)")
            return
        }
        #expect(conninfo == value)
    }

    @Test(arguments: DatabaseTarget.libpqVariables)
    func libpqVariableLetsLibpqDecide(name: String) {
        let target = DatabaseTarget.resolve(environment: [name: "x", "HOME": "/home/ana"])
        guard case .configured(let conninfo) = target else {
            Issue.record("expected a configured target for \(name), got \(target)")
            return
        }
        #expect(conninfo == "")
    }

    @Test(arguments: [
        (["HOME": "/home/ana"], "/home/ana/.local/share/chronograph"),
        (["HOME": "/home/ana", "PGPASSWORD": "secret", "DATABASE_URL": "", "PGHOST": ""], "/home/ana/.local/share/chronograph"),
        (["HOME": "/home/ana", "XDG_DATA_HOME": "/data/ana"], "/data/ana/chronograph"),
        (["HOME": "/home/ana", "XDG_DATA_HOME": "relative"], "/home/ana/.local/share/chronograph"),
        (["HOME": "/home/ana", "XDG_DATA_HOME": "/data/ana", "CHRONOGRAPH_HOME": "/srv/chrono"], "/srv/chrono"),
        (["HOME": "/home/ana", "CHRONOGRAPH_HOME": "~/chrono/"], "/home/ana/chrono"),
    ])
    func nothingConfiguredMeansEmbedded(environment: [String: String], home: String) {
        let target = DatabaseTarget.resolve(environment: environment)
        guard case .embedded(let cluster) = target else {
            Issue.record("expected the embedded cluster, got \(target)")
            return
        }
        #expect(cluster.home.path == home)
        #expect(cluster.durability == .durable)
    }
}
