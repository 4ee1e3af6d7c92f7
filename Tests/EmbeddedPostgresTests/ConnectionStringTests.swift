import Testing
@testable import EmbeddedPostgres

@Suite struct ConnectionStringTests {
    @Test(arguments: [
        ("/tmp/run", "%2Ftmp%2Frun"),
        ("a b", "a%20b"),
        ("é", "%C3%A9"),
        ("x?y&z=%#", "x%3Fy%26z%3D%25%23"),
        ("safe-._~AZaz09", "safe-._~AZaz09"),
    ])
    func percentEncoding(raw: String, encoded: String) {
        #expect(ConnectionString.percentEncode(raw) == encoded)
    }

    @Test func urlForASocketDirectory() {
        let url = ConnectionString.url(
            user: "chronograph", database: "chronograph", socketDirectory: "/home/a b/run", port: 5432)
        #expect(url == "postgresql://chronograph@/chronograph?host=%2Fhome%2Fa%20b%2Frun&port=5432")
    }

    @Test func keyValueQuotesBackslashesAndQuotes() {
        let conninfo = ConnectionString.keyValue(
            user: "chronograph", database: "d", socketDirectory: #"/tmp/it's\here"#, port: 5432)
        #expect(conninfo == #"host='/tmp/it\'s\\here' port=5432 user='chronograph' dbname='d'"#)
    }

    @Test(arguments: [
        ("postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)\n", "15.18", 15),
        ("postgres (PostgreSQL) 17.2\n", "17.2", 17),
        ("postgres (PostgreSQL) 18beta1\n", "18beta1", 18),
    ])
    func versionParsing(text: String, full: String, major: Int) throws {
        let parsed = try #require(PostgresBinaries.parseVersion(text))
        #expect(parsed.full == full)
        #expect(parsed.major == major)
    }

    @Test func versionParsingRejectsOtherOutput() {
        #expect(PostgresBinaries.parseVersion("psql: command not found") == nil)
    }
}
