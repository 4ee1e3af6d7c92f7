import Foundation

/// The bundled gazetteer files, under `Resources/gazetteer` of the Extraction module.
enum GazetteerResources {
    static let directory = "Resources/gazetteer"

    /// The URL of a bundled file, or nil when the package was built without it.
    static func url(of name: String, extension ext: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: ext, subdirectory: directory)
    }

    /// The non-empty, non-comment lines of a bundled word list ('#' starts a comment).
    static func lines(of name: String, extension ext: String) -> [String] {
        guard let url = url(of: name, extension: ext), let text = try? String(contentsOf: url, encoding: .utf8) else {
            return []
        }
        return text.split(separator: "\n").compactMap { line in
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = content.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }
    }
}
