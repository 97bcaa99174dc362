import MedCredCore
import MedCredCrypto
import Testing

/// A signer whose key is unavailable.
struct LockedSigner: ProofSigner {
    struct Locked: Error, CustomStringConvertible {
        var description: String { "key store locked" }
    }

    let verificationMethod = "did:example:board#key-1"
    func sign(_ bytes: [UInt8]) throws -> [UInt8] { throw Locked() }
}

/// A signer that returns a truncated signature.
struct ShortSigner: ProofSigner {
    let verificationMethod = "did:example:board#key-1"
    func sign(_ bytes: [UInt8]) throws -> [UInt8] { [UInt8](repeating: 1, count: 63) }
}

/// Proof sets and chains built with eddsa-jcs-2022 (Data Integrity §4.3 and §4.5,
/// https://www.w3.org/TR/vc-data-integrity/#add-proof-set-chain), and how breaking them is reported.
@Suite struct ProofChainTests {
    /// The four-proof chain of the vectors, rebuilt with eddsa-jcs-2022: two set proofs, a proof chained to
    /// both, and one chained to that.
    static func chain() throws -> JSONValue { try #require(try ProofSetChainVectorTests.rebuildWithJCS().last) }

    static func verify(_ document: JSONValue) async throws -> DataIntegrityVerification {
        try await DataIntegrity.verify(document, options: TestClock.assertion, resolver: DIDKeyResolver())
    }

    @Test func proofSetOrderDoesNotMatter() async throws {
        let set = try #require(try ProofSetChainVectorTests.rebuildWithJCS()[1]["proof"]?.arrayValue)
        let document = try DIVectors.json("unsigned.json").setting("/proof", to: .array(set.reversed()))
        #expect(try await Self.verify(document).verified)
    }

    @Test func reportsEveryProofOfTheChain() async throws {
        let result = try await Self.verify(try Self.chain())
        #expect(result.proofs.count == 4)
        #expect(result.proofs.allSatisfy { $0.verified })
        #expect(result.proofs.map(\.index) == [0, 1, 2, 3])
    }

    @Test func rejectsAChainWhoseEarlierProofWasRemoved() async throws {
        let document = try Self.chain().setting("/proof/2", to: nil)
        let result = try await Self.verify(document)
        #expect(
            result.proofs.map(\.failure) == [
                nil, nil, .previousProofNotFound("urn:uuid:d94f792a-c546-4d06-b38a-da070ab56c23"),
            ])
    }

    @Test func rejectsEveryProofThatDependsOnATamperedOne() async throws {
        let other = try #require(try Self.chain().at("/proof/1/proofValue"))
        let result = try await Self.verify(try Self.chain().setting("/proof/0/proofValue", to: other))
        #expect(
            result.proofs.map(\.failure) == [
                .signatureInvalid, nil, .signatureInvalid,
                .previousProofNotVerified("urn:uuid:d94f792a-c546-4d06-b38a-da070ab56c23"),
            ])
        #expect(result.verifiedDocument == nil)
    }

    @Test func rejectsAChainWithReorderedPreviousProofs() async throws {
        let reordered: JSONValue = [
            "urn:uuid:8cc9022b-6b14-4cf3-8571-74972c5feb54", "urn:uuid:26329423-bec9-4b2e-88cb-a7c7d9dc4544",
        ]
        let result = try await Self.verify(try Self.chain().setting("/proof/2/previousProof", to: reordered))
        #expect(result.proofs[2].failure == .signatureInvalid)
        // The last proof signed the chained proof as it was, so the edit breaks its signature too.
        #expect(result.proofs[3].failure == .signatureInvalid)
    }

    @Test func rejectsAChainWhoseLinkWasCut() async throws {
        let result = try await Self.verify(try Self.chain().setting("/proof/3/previousProof", to: nil))
        #expect(result.proofs[3].failure == .signatureInvalid)
    }

    @Test func rejectsDuplicateProofIDs() async throws {
        let id = try #require(try Self.chain().at("/proof/0/id"))
        let result = try await Self.verify(try Self.chain().setting("/proof/1/id", to: id))
        #expect(result.documentFailure == .duplicateProofID("urn:uuid:26329423-bec9-4b2e-88cb-a7c7d9dc4544"))
        #expect(result.proofs.isEmpty)
    }

    @Test func addProofRejectsAnUnknownPreviousProof() throws {
        let options = ProofOptions(created: try DIVectors.created(), previousProof: ["urn:uuid:missing"])
        #expect(throws: ProofGenerationError.previousProofNotFound("urn:uuid:missing")) {
            try DataIntegrity.addProof(to: try Self.chain(), options: options, signer: try DIVectors.signer())
        }
    }

    @Test func addProofRejectsANonObjectDocument() throws {
        #expect(throws: ProofGenerationError.documentNotObject) {
            try DataIntegrity.addProof(
                to: ["not", "an", "object"], options: ProofOptions(created: nil), signer: try DIVectors.signer())
        }
    }

    static let nonObjectProofs: [(JSONValue, Int?)] = [("z123", nil), (["z123"], 0), ([[:], 5], 1)]

    @Test(arguments: nonObjectProofs)
    func addProofRejectsExistingProofsThatAreNotObjects(proof: JSONValue, index: Int?) throws {
        let document = try DIVectors.json("unsigned.json").setting("/proof", to: proof)
        #expect(throws: ProofGenerationError.existingProofNotObject(index: index)) {
            try DataIntegrity.addProof(
                to: document, options: ProofOptions(created: nil), signer: try DIVectors.signer())
        }
    }

    @Test func addProofReportsASignerThatFails() throws {
        #expect(
            throws: ProofGenerationError.signerFailed(
                verificationMethod: "did:example:board#key-1", reason: "key store locked")
        ) {
            try DataIntegrity.addProof(
                to: try DIVectors.json("unsigned.json"), options: ProofOptions(created: nil), signer: LockedSigner())
        }
    }

    @Test func addProofRejectsAShortSignature() throws {
        #expect(throws: ProofGenerationError.invalidSignatureLength(expected: 64, actual: 63)) {
            try DataIntegrity.addProof(
                to: try DIVectors.json("unsigned.json"), options: ProofOptions(created: nil), signer: ShortSigner())
        }
    }

    @Test(arguments: [
        (ProofOptions(proofPurpose: "", created: nil), "proofPurpose"),
        (ProofOptions(created: nil, domain: ["a.example", ""]), "domain"),
        (ProofOptions(created: nil, challenge: ""), "challenge"),
        (ProofOptions(created: nil, id: ""), "id"),
    ])
    func addProofRejectsEmptyOptions(options: ProofOptions, member: String) throws {
        #expect(throws: ProofGenerationError.emptyOption(member)) {
            try DataIntegrity.addProof(
                to: try DIVectors.json("unsigned.json"), options: options, signer: try DIVectors.signer())
        }
    }

    @Test func addProofRejectsAnEmptyVerificationMethod() throws {
        let signer = Ed25519Signer(privateKey: try seededKey(1), verificationMethod: "")
        #expect(throws: ProofGenerationError.emptyOption("verificationMethod")) {
            try DataIntegrity.addProof(
                to: try DIVectors.json("unsigned.json"), options: ProofOptions(created: nil), signer: signer)
        }
    }

    /// A proof without `created` is allowed (Data Integrity §2.1: OPTIONAL) and verifies.
    @Test func verifiesAProofWithoutCreated() async throws {
        let signed = try DataIntegrity.addProof(
            to: try DIVectors.json("unsigned.json"), options: ProofOptions(created: nil), signer: try DIVectors.signer()
        )
        #expect(signed["proof"]?["created"] == nil)
        #expect(try await Self.verify(signed).verified)
    }
}
