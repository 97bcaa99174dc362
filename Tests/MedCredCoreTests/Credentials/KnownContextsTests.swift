import MedCredCore
import MedCredTestSupport
import Testing

/// The small JSON-LD check over the pinned contexts of `shared/vectors/contexts` (VC Data Model 2.0 §4.3,
/// JSON-LD 1.1 §4.1.11 protected term definitions).
@Suite struct KnownContextsTests {
    /// A pinned context placed after the base context, and the problems that must follow.
    struct Combination: Sendable, CustomTestStringConvertible {
        let url: String
        let problems: [String]
        var testDescription: String { url }
    }

    static let combinations: [Combination] = [
        Combination(url: "https://www.w3.org/ns/credentials/v2", problems: []),
        Combination(url: "https://www.w3.org/ns/credentials/examples/v2", problems: []),
        Combination(url: "https://www.w3.org/ns/credentials/undefined-terms/v2", problems: []),
        Combination(url: "https://www.w3.org/ns/credentials/status/v1", problems: []),
        Combination(url: "https://w3id.org/security/data-integrity/v2", problems: []),
        Combination(url: "https://w3id.org/security/multikey/v1", problems: []),
        Combination(url: "https://w3id.org/security/jwk/v1", problems: []),
        Combination(url: "https://w3id.org/security/suites/ed25519-2020/v1", problems: []),
        Combination(url: "https://www.w3.org/ns/did/v1", problems: []),
        Combination(url: "https://www.w3.org/ns/did/v1.1", problems: []),
        Combination(url: "https://w3id.org/vc/status-list/2021/v1", problems: []),
        // Protected-term clashes a JSON-LD processor also reports: DataIntegrityProof differs in DI v1,
        // VerifiableCredential and VerifiablePresentation in VCDM 1.1, and name in the 1.1 examples,
        // which also need ODRL's context.
        Combination(
            url: "https://w3id.org/security/data-integrity/v1", problems: ["MALFORMED_VALUE_ERROR /@context/1"]),
        Combination(
            url: "https://www.w3.org/2018/credentials/v1",
            problems: ["MALFORMED_VALUE_ERROR /@context/1", "MALFORMED_VALUE_ERROR /@context/1"]),
        Combination(
            url: "https://www.w3.org/2018/credentials/examples/v1",
            problems: ["MALFORMED_VALUE_ERROR /@context/1", "MALFORMED_VALUE_ERROR /@context/1"]),
    ]

    @Test(arguments: combinations)
    func combinesWithTheBaseContext(_ combination: Combination) throws {
        let credential: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2", .string(combination.url)],
            "type": ["VerifiableCredential"], "issuer": "did:example:issuer",
            "credentialSubject": ["id": "did:example:subject"],
        ]
        let problems = VerifiableCredential.validate(credential, options: try CredentialTestContexts.verification())
        #expect(CredentialTestContexts.summary(problems) == combination.problems, "\(problems)")
    }

    @Test func everyPinnedContextIsCovered() throws {
        let known = try CredentialTestContexts.known()
        #expect(Set(known.urls) == Set(Self.combinations.map(\.url)))
        #expect(known.urls == known.urls.sorted())
        #expect(known[KnownContexts.credentialsV2]?["@context"]?["@protected"] == true)
        #expect(known["https://medcred.example/unknown"] == nil)
    }

    @Test func withoutDocumentsEvenTheBaseContextIsUnknown() {
        let credential: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
            "issuer": "did:example:issuer", "credentialSubject": ["id": "did:example:subject"],
        ]
        let options = CredentialValidationOptions(contexts: KnownContexts(documents: [:]))
        let problems = VerifiableCredential.validate(credential, options: options)
        #expect(CredentialTestContexts.summary(problems) == ["MALFORMED_VALUE_ERROR /@context/0"])
        #expect(problems.first?.detail.contains("unknown context https://www.w3.org/ns/credentials/v2") == true)
    }

    @Test func aContextThatIncludesItselfIsRefused() {
        let loop = "https://medcred.example/contexts/loop"
        let known = KnownContexts(documents: [
            KnownContexts.credentialsV2: [
                "@context": ["@protected": true, "VerifiableCredential": "https://example.org/#VC"]
            ],
            loop: ["@context": [.string(loop)]],
        ])
        let credential: JSONValue = [
            "@context": [.string(KnownContexts.credentialsV2), .string(loop)], "type": ["VerifiableCredential"],
            "issuer": "did:example:issuer", "credentialSubject": ["id": "did:example:subject"],
        ]
        let problems = VerifiableCredential.validate(credential, options: CredentialValidationOptions(contexts: known))
        #expect(CredentialTestContexts.summary(problems) == ["MALFORMED_VALUE_ERROR /@context/1"])
    }

    @Test func aDocumentWithoutContextIsRefused() {
        let known = KnownContexts(documents: [
            KnownContexts.credentialsV2: ["VerifiableCredential": "https://example.org/#VC"]
        ])
        let credential: JSONValue = [
            "@context": [.string(KnownContexts.credentialsV2)], "type": ["VerifiableCredential"],
            "issuer": "did:example:issuer", "credentialSubject": ["id": "did:example:subject"],
        ]
        let problems = VerifiableCredential.validate(credential, options: CredentialValidationOptions(contexts: known))
        #expect(CredentialTestContexts.summary(problems) == ["MALFORMED_VALUE_ERROR /@context/0"])
    }
}
