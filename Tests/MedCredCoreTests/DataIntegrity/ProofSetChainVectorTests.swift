import MedCredCore
import MedCredCrypto
import MedCredTestSupport
import Testing

/// One key pair of `proof-set-chain/multiKeyPairs.json`, named by its member (`keyPair1` …).
struct MultiKeyPairVector: Sendable, CustomTestStringConvertible {
    let name: String
    let publicKeyMultibase: String
    let privateKeyMultibase: String

    var testDescription: String { name }

    static func all() throws -> [MultiKeyPairVector] {
        let file = try #require(try DIVectors.json("proof-set-chain/multiKeyPairs.json").objectValue)
        return try file.map { member in
            MultiKeyPairVector(
                name: member.name, publicKeyMultibase: try #require(member.value["publicKeyMultibase"]?.stringValue),
                privateKeyMultibase: try #require(member.value["privateKeyMultibase"]?.stringValue))
        }
    }
}

/// vc-di-eddsa proof set and proof chain vectors (`w3c-vc-di-eddsa/proof-set-chain/`), Data Integrity §2.1.1–2.1.2
/// (https://www.w3.org/TR/vc-data-integrity/#proof-sets). The vectors are `eddsa-rdfc-2022`, verified with the
/// pinned contexts, and rebuilt with `eddsa-jcs-2022`.
@Suite struct ProofSetChainVectorTests {
    static let folder = "proof-set-chain/"

    @Test(arguments: try MultiKeyPairVector.all())
    func seedDerivesThePublicKey(_ vector: MultiKeyPairVector) throws {
        let key = try Multikey.privateKey(secretKeyMultibase: vector.privateKeyMultibase)
        #expect(Multikey(publicKey: key.publicKey).multibase == vector.publicKeyMultibase)
        #expect(Multikey.secretKeyMultibase(for: key) == vector.privateKeyMultibase)
    }

    /// The document each chained proof signs is the vector's `proofChainTempDoc*.json`: the document with
    /// `proof` set to the proofs named in `previousProof` (Data Integrity §4.3 step 5).
    @Test(arguments: [
        ("signedProofSet2.json", "proofChainConfig1.json", "proofChainTempDoc1.json"),
        ("signedProofChain1.json", "proofChainConfig2.json", "proofChainTempDoc2.json"),
    ])
    func chainInputDocumentMatchesTheTemporaryDocument(secured: String, config: String, expected: String) throws {
        let previous = try #require(try DIVectors.json(Self.folder + config)["previousProof"])
        let ids = (previous.arrayValue ?? [previous]).compactMap(\.stringValue)
        let input = try DataIntegrity.chainInputDocument(
            for: try DIVectors.json(Self.folder + secured), previousProof: ids)
        #expect(input == (try DIVectors.json(Self.folder + expected)))
        #expect(input.serialized(pretty: true) == (try DIVectors.text(Self.folder + expected)))
    }

    /// Each signed document is the previous one with the next signed config appended, in order.
    @Test func signedDocumentsAppendProofsInOrder() throws {
        let configs = try [
            "proofSetConfigSigned1.json", "proofSetConfigSigned2.json", "proofChainConfigSigned1.json",
            "proofChainConfigSigned2.json",
        ].map { try DIVectors.json(Self.folder + $0) }
        #expect(try DIVectors.json(Self.folder + "signedProofSet1.json")["proof"] == configs[0])
        #expect(try DIVectors.json(Self.folder + "signedProofSet2.json")["proof"] == .array(Array(configs[0..<2])))
        #expect(try DIVectors.json(Self.folder + "signedProofChain1.json")["proof"] == .array(Array(configs[0..<3])))
        #expect(try DIVectors.json(Self.folder + "signedProofChain2.json")["proof"] == .array(configs))
    }

    /// The official set and chain, signed with eddsa-rdfc-2022, verify with the pinned contexts: every proof,
    /// and every chain link.
    @Test(arguments: [
        ("signedProofSet1.json", 1), ("signedProofSet2.json", 2), ("signedProofChain1.json", 3),
        ("signedProofChain2.json", 4),
    ])
    func rdfcVectorsVerify(_ name: String, proofs: Int) async throws {
        var options = TestClock.assertion
        options.contexts = try VerificationDocuments.contexts()
        let result = try await DataIntegrity.verify(
            try DIVectors.json(Self.folder + name), options: options, resolver: DIDKeyResolver())
        #expect(result.verified, "\(name): \(result.failures)")
        #expect(result.proofs.count == proofs)
    }

    /// Without contexts the same proofs are reported as uncheckable, not as bad signatures.
    @Test func rdfcVectorsNeedContexts() async throws {
        let result = try await DataIntegrity.verify(
            try DIVectors.json(Self.folder + "signedProofSet2.json"), options: TestClock.assertion,
            resolver: DIDKeyResolver())
        #expect(result.failures == [.contextsUnavailable("eddsa-rdfc-2022"), .contextsUnavailable("eddsa-rdfc-2022")])
    }

    /// The vectors' set and chain rebuilt with eddsa-jcs-2022: same keys, ids, times, purposes and links.
    @Test func jcsRebuildHasTheVectorShapeAndVerifies() async throws {
        let rebuilt = try Self.rebuildWithJCS()
        for (name, document) in zip(Self.signedNames, rebuilt) {
            let vector = try DIVectors.json(Self.folder + name)
            #expect(Self.withoutSuiteAndValue(document) == Self.withoutSuiteAndValue(vector), "\(name)")
            let result = try await DataIntegrity.verify(
                document, options: TestClock.assertion, resolver: DIDKeyResolver())
            #expect(result.verified, "\(name): \(result.failures)")
            #expect(result.verifiedDocument == (try DIVectors.json("unsigned.json")))
        }
    }

    static let signedNames = [
        "signedProofSet1.json", "signedProofSet2.json", "signedProofChain1.json", "signedProofChain2.json",
    ]

    /// signedProofSet1, signedProofSet2, signedProofChain1 and signedProofChain2, rebuilt with eddsa-jcs-2022.
    static func rebuildWithJCS() throws -> [JSONValue] {
        let keys = try MultiKeyPairVector.all()
        let configs = try [
            "proofSetConfig1.json", "proofSetConfig2.json", "proofChainConfig1.json", "proofChainConfig2.json",
        ]
        .map { try DIVectors.json(folder + $0) }
        var document = try DIVectors.json("unsigned.json")
        var documents: [JSONValue] = []
        for (config, key) in zip(configs, keys) {
            let previous = config["previousProof"].map { $0.arrayValue ?? [$0] } ?? []
            let options = ProofOptions(
                proofPurpose: try #require(config["proofPurpose"]?.stringValue),
                created: try XSDDateTime(parsing: try #require(config["created"]?.stringValue)),
                id: config["id"]?.stringValue, previousProof: previous.compactMap(\.stringValue))
            let signer = Ed25519Signer(
                privateKey: try Multikey.privateKey(secretKeyMultibase: key.privateKeyMultibase),
                verificationMethod: try #require(config["verificationMethod"]?.stringValue))
            document = try DataIntegrity.addProof(to: document, options: options, signer: signer)
            documents.append(document)
        }
        return documents
    }

    /// The document with `cryptosuite`, `proofValue` and the jcs `@context` removed from every proof.
    static func withoutSuiteAndValue(_ document: JSONValue) -> JSONValue {
        func strip(_ proof: JSONValue) -> JSONValue {
            proof.removingMember("cryptosuite").removingMember("proofValue").removingMember("@context")
        }
        guard let proof = document["proof"] else { return document }
        var copy = document
        copy.setMember("proof", proof.arrayValue.map { .array($0.map(strip)) } ?? strip(proof))
        return copy
    }
}
