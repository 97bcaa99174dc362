import Foundation
import Testing

/// Files of this repository that the contexts tests compare with what MedCredCore embeds, found from
/// `#filePath` (the tests run from the source tree; these are our own committed files, not vectors).
enum ContextRepositoryFiles {
    /// The repository root: `#filePath` is `<repo>/Tests/MedCredCoreTests/Contexts/ContextRepositoryFiles.swift`.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The bytes of `path` under the repository root.
    static func bytes(_ path: String) throws -> [UInt8] {
        let url = root.appendingPathComponent(path)
        return Array(try #require(FileManager.default.contents(atPath: url.path), "cannot read \(url.path)"))
    }

    /// `path` under the repository root as UTF-8 text.
    static func text(_ path: String) throws -> String {
        String(decoding: try bytes(path), as: UTF8.self)
    }
}

/// One committed file in `contexts/` and the generated Swift file that embeds it in ``MedCredContexts``.
struct EmbeddedContextFile: Sendable, CustomTestStringConvertible {
    /// The file under `contexts/`.
    let file: String
    /// The `MedCredContexts` property holding its text.
    let property: String
    /// The Swift file under `Sources/MedCredCore/Contexts/`.
    let swiftFile: String
    /// The `///` summary of the property.
    let summary: [String]

    var testDescription: String { file }

    static let all = [
        EmbeddedContextFile(
            file: "medcred-credentials-v1.jsonld", property: "credentialsV1Text",
            swiftFile: "MedCredContexts+CredentialsV1.swift",
            summary: [
                "The JSON-LD 1.1 text of `contexts/medcred-credentials-v1.jsonld`, the context at ``credentialsV1``,",
                "byte for byte: its SHA-256 is pinned in ``pinsText``.",
            ]),
        EmbeddedContextFile(
            file: "pins.json", property: "pinsText", swiftFile: "MedCredContexts+Pins.swift",
            summary: [
                "The text of `contexts/pins.json`: every JSON-LD context MedCred accepts, by URL, cache file and",
                "SHA-256 (parsed as ``pins``).",
            ]),
    ]

    /// The Swift source embedding `text` (the generator's output).
    func swiftSource(embedding text: String) -> String {
        var hashes = "#"
        while text.contains("\"\"\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
        // One source line per line of the file; the empty last element of a file ending in a newline becomes
        // an empty line before the closing delimiter, so the literal keeps that newline.
        let body = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "        " + $0 }
        let lines =
            [
                "// Generated from contexts/\(file) by ContextEmbeddingTests; edit that file and run",
                "// MEDCRED_EMBED_CONTEXTS=1 swift test --filter ContextEmbeddingTests, never edit this one.",
                "",
                "extension MedCredContexts {",
            ] + summary.map { "    /// " + $0 } + ["    public static let \(property): String = \(hashes)\"\"\""] + body
            + ["        \"\"\"\(hashes)", "}", ""]
        return lines.joined(separator: "\n")
    }
}
