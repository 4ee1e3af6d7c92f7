// swift-tools-version: 6.1
import PackageDescription

/// Settings every target shares: Swift 6 language mode plus the upcoming features the style guide asks for.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "chronograph",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "chronograph", targets: ["chronograph"]),
        .library(name: "Extraction", targets: ["Extraction"]),
        .library(name: "EventLog", targets: ["EventLog"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // libpq, from the system (pkg-config libpq; Debian: libpq-dev).
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        // A small safe wrapper over libpq: connections on their own thread, bound parameters, typed rows.
        .target(
            name: "Postgres",
            dependencies: ["CLibPQ", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        // A private PostgreSQL cluster started on demand (initdb + pg_ctl), and where to connect.
        .target(
            name: "EmbeddedPostgres",
            dependencies: ["Postgres", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        // The numbered SQL migrations in db/migrations, bundled as resources.
        .target(
            name: "Migrations",
            dependencies: ["Postgres"],
            path: "db",
            exclude: ["README.md"],
            sources: ["Migrations"],
            resources: [.copy("migrations")],
            swiftSettings: swiftSettings
        ),
        // Where to connect (DATABASE_URL, PG*, or the embedded cluster), migrated and ready.
        .target(
            name: "ChronographDatabase",
            dependencies: ["Postgres", "EmbeddedPostgres", "Migrations", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        // The append-only event log: streams, expected versions, gap-safe reading, NOTIFY.
        .target(
            name: "EventLog",
            dependencies: ["Postgres", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        // Articles to dated events, entities and relations. Pure Swift, no database.
        .target(
            name: "Extraction",
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        // Realistic synthetic Korean and English articles with known events, for benchmarks and property tests.
        .target(name: "ArticleGenerator", dependencies: ["Extraction"], swiftSettings: swiftSettings),
        // The facts Chronograph logs (article.ingested, event.reported, curation...): the contract between
        // ingest and the projector.
        .target(name: "EventCatalog", swiftSettings: swiftSettings),
        .target(
            name: "Ingest",
            dependencies: ["Extraction", "EventLog", "EventCatalog", "Postgres", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Projections",
            dependencies: ["EventLog", "EventCatalog", "Postgres", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Queries",
            dependencies: ["Postgres", "EventCatalog"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "chronograph",
            dependencies: [
                "Postgres", "EmbeddedPostgres", "Migrations", "ChronographDatabase", "EventLog", "EventCatalog", "Extraction",
                "Ingest", "Projections", "Queries",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ChronographBench",
            dependencies: [
                "Postgres", "EmbeddedPostgres", "Migrations", "ChronographDatabase", "EventLog", "Extraction", "ArticleGenerator",
                "Ingest", "Projections",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/ChronographBench",
            swiftSettings: swiftSettings
        ),
        // Shared test support: a throwaway PostgreSQL server and a fresh database per test.
        .target(
            name: "PostgresTestSupport",
            dependencies: ["Postgres", "EmbeddedPostgres", "Migrations"],
            path: "Tests/PostgresTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "PostgresTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "EmbeddedPostgresTests", dependencies: ["EmbeddedPostgres"], swiftSettings: swiftSettings),
        .testTarget(name: "EventLogTests", dependencies: ["EventLog", "Migrations", "PostgresTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ProjectionTests",
            dependencies: ["Projections", "Queries", "EventLog", "EventCatalog", "Migrations", "PostgresTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ExtractionTests",
            dependencies: ["Extraction", "ArticleGenerator"],
            exclude: ["Gold"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChronographCLITests",
            dependencies: ["chronograph", "Postgres", "PostgresTestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)
