import MedCredCore
import Testing

/// Known contexts are processed once, when ``KnownContexts`` is made, and merged into a check; a context
/// named from inside another context document is still processed step by step (JSON-LD 1.1 API §4.1).
/// Both ways must report the same problems, for every order of the pinned contexts.
@Suite struct ProcessedContextTests {
    /// A pinned context placed after the base context and before another, in a credential whose subject
    /// repeats the whole `@context`, as a Data Integrity proof does.
    struct Pair: Sendable, CustomTestStringConvertible {
        let first: String
        let second: String
        var testDescription: String { "\(first) then \(second)" }
    }

    static let urls: [String] = (try? CredentialTestContexts.known().urls) ?? []

    static let pairs: [Pair] = urls.flatMap { first in urls.map { Pair(first: first, second: $0) } }

    /// The same documents, plus for each URL one that only names it, so applying it takes the
    /// step-by-step path.
    private static func wrapping(_ known: KnownContexts) -> (KnownContexts, [String: String]) {
        var documents = known.documents
        var wrapped: [String: String] = [:]
        for (index, url) in known.urls.enumerated() {
            let wrapper = "https://wrapped.medcred.example/\(index)"
            documents[wrapper] = ["@context": [.string(url)]]
            wrapped[url] = wrapper
        }
        return (KnownContexts(documents: documents), wrapped)
    }

    private static func credential(contexts: [String]) -> JSONValue {
        let context = JSONValue.array([.string(KnownContexts.credentialsV2)] + contexts.map(JSONValue.string))
        return [
            "@context": context,
            "type": ["VerifiableCredential", "DataIntegrityProof", "Ed25519Signature2020", "BitstringStatusListEntry"],
            "issuer": "did:example:issuer",
            "credentialSubject": [
                "@context": context, "id": "did:example:subject",
                "type": ["StatusList2021Credential", "Multikey", "JsonWebKey", "UndefinedTerm", "ex:Thing"],
            ],
        ]
    }

    @Test(arguments: pairs)
    func mergedContextsReportAsProcessedOnes(_ pair: Pair) throws {
        let known = try CredentialTestContexts.known()
        let (wrappedKnown, wrapped) = Self.wrapping(known)
        let direct = VerifiableCredential.validate(
            Self.credential(contexts: [pair.first, pair.second]),
            options: CredentialValidationOptions(allowsVersion1: true, contexts: wrappedKnown))
        let stepByStep = VerifiableCredential.validate(
            Self.credential(contexts: [wrapped[pair.first] ?? "", wrapped[pair.second] ?? ""]),
            options: CredentialValidationOptions(allowsVersion1: true, contexts: wrappedKnown))
        #expect(direct == stepByStep)
        #expect(Self.urls.count == known.urls.count)
    }
}
