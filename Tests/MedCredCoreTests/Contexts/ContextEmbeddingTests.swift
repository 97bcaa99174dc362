import Foundation
import MedCredCore
import Testing

/// The texts ``MedCredContexts`` embeds are the committed files in `contexts/`, byte for byte, and the
/// generated Swift files are what the generator below writes.
@Suite struct ContextEmbeddingTests {
    static func embedded(_ file: EmbeddedContextFile) -> String {
        switch file.property {
        case "credentialsV1Text": MedCredContexts.credentialsV1Text
        case "pinsText": MedCredContexts.pinsText
        default: ""
        }
    }

    @Test(arguments: EmbeddedContextFile.all)
    func embeddedTextEqualsTheCommittedFile(_ file: EmbeddedContextFile) throws {
        let committed = try ContextRepositoryFiles.bytes("contexts/" + file.file)
        // Compared as bytes (a String compares by canonical equivalence), and as a Bool to keep failures short.
        let isEqual = Array(Self.embedded(file).utf8) == committed
        #expect(isEqual, "contexts/\(file.file) differs from MedCredContexts.\(file.property): run the generator")
    }

    @Test(arguments: EmbeddedContextFile.all)
    func generatedSourceIsUpToDate(_ file: EmbeddedContextFile) throws {
        let text = try ContextRepositoryFiles.text("contexts/" + file.file)
        let source = try ContextRepositoryFiles.text("Sources/MedCredCore/Contexts/" + file.swiftFile)
        let isCurrent = source == file.swiftSource(embedding: text)
        #expect(isCurrent, "\(file.swiftFile) is out of date: run the generator (see regenerateEmbeddedSources)")
    }

    @Test func embeddedContextHasItsPinnedDigest() throws {
        let pin = try #require(MedCredContexts.pins[MedCredContexts.credentialsV1])
        #expect(pin.isEmbedded)
        #expect(pin.file == "medcred-credentials-v1.jsonld")
        #expect(MedCredContexts.pins.verify(url: pin.url, bytes: Array(MedCredContexts.credentialsV1Text.utf8)))
        #expect(MedCredContexts.pins.pins.filter(\.isEmbedded).map(\.url) == [MedCredContexts.credentialsV1])
    }

    /// The generator: rewrites `Sources/MedCredCore/Contexts/MedCredContexts+*.swift` from `contexts/`.
    /// Run `MEDCRED_EMBED_CONTEXTS=1 swift test --filter ContextEmbeddingTests` after editing a file there
    /// (and update its pin in `contexts/pins.json` first when the context changed).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["MEDCRED_EMBED_CONTEXTS"] == "1"))
    func regenerateEmbeddedSources() throws {
        for file in EmbeddedContextFile.all {
            let text = try ContextRepositoryFiles.text("contexts/" + file.file)
            let target = ContextRepositoryFiles.root.appendingPathComponent(
                "Sources/MedCredCore/Contexts/" + file.swiftFile)
            try Data(file.swiftSource(embedding: text).utf8).write(to: target, options: .atomic)
        }
    }
}
