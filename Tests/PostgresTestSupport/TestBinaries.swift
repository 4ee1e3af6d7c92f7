public import Foundation

/// The `chronograph` binary built next to this test bundle (`swift build --build-tests` builds both).
public func chronographBinary() throws -> URL {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [directory, directory.deletingLastPathComponent()].map { $0.appendingPathComponent("chronograph") }
    guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw TestFailure("the chronograph binary is not built next to the tests (looked in \(directory.path)); run `swift build --build-tests`")
    }
    return binary
}

/// A test could not go on, with a reason a person can act on.
public struct TestFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
