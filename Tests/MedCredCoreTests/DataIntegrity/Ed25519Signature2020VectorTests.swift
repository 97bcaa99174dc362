import MedCredCore
import MedCredCrypto
import MedCredTestSupport
import Testing

/// vc-di-eddsa §A, the Ed25519Signature2020 vectors (`shared/vectors/w3c-vc-di-eddsa/Ed25519Signature2020/`):
/// the legacy proof type that signs the eddsa-rdfc-2022 hash data, reproduced byte for byte.
@Suite struct Ed25519Signature2020VectorTests {
    static let folder = "Ed25519Signature2020/"

    static func contexts() throws -> KnownContexts { try VerificationDocuments.contexts() }

    /// `unsigned.json` with the suite's context appended, as the signed vector has it.
    static func unsigned() throws -> JSONValue {
        var document = try DIVectors.json("unsigned.json")
        let contexts = try #require(document["@context"]?.arrayValue)
        document.setMember("@context", .array(contexts + [.string(DataIntegrityCryptosuite.ed25519Signature2020Context)]))
        return document
    }

    static func options() throws -> DataIntegrity.VerificationOptions {
        .init(
            now: try XSDDateTime(parsing: "2025-01-01T00:00:00Z"), expectedProofPurpose: "assertionMethod",
            contexts: try contexts())
    }

    @Test func canonicalDocumentAndProofConfigMatch() throws {
        let contexts = try Self.contexts()
        let document = try EdDSARDFC2022.canonicalDocument(try Self.unsigned(), contexts: contexts)
        #expect(document == (try Vectors.text(DIVectors.folder + Self.folder + "canonDocEdSig.txt")))
        let config = try EdDSARDFC2022.canonicalProofConfig(
            try DIVectors.json(Self.folder + "proofConfigEdSig.json"), contexts: contexts)
        #expect(config == (try Vectors.text(DIVectors.folder + Self.folder + "proofCanonEdSig.txt")))
        let hashData = EdDSARDFC2022.hashData(canonicalDocument: document, canonicalProofConfig: config)
        #expect(Hex.encode(hashData) == (try DIVectors.text(Self.folder + "combinedHashEdSig.txt")))
        let signature = try DIVectors.privateKey().signature(for: hashData)
        #expect(Hex.encode(signature) == (try DIVectors.text(Self.folder + "sigHexEdSig.txt")))
        #expect(Multibase.encode(signature, as: .base58btc) == (try DIVectors.text(Self.folder + "sigBTC58EdSig.txt")))
    }

    @Test func addProofReproducesTheSignedVector() throws {
        let signed = try DataIntegrity.addProof(
            to: try Self.unsigned(), options: ProofOptions(created: try DIVectors.created()),
            signer: try DIVectors.signer(), cryptosuite: .ed25519Signature2020, contexts: try Self.contexts())
        #expect(signed == (try DIVectors.json(Self.folder + "signedEdSig.json")))
    }

    @Test func verifiesTheSignedVector() throws {
        let signed = try DIVectors.json(Self.folder + "signedEdSig.json")
        let outcome = DataIntegrity.verify(signed, options: try Self.options(), publicKey: try DIVectors.privateKey().publicKey)
        #expect(outcome.verified)
        #expect(outcome.proofs.first.map { try? DataIntegrityProof(json: $0.proof).cryptosuite } == .ed25519Signature2020)
    }

    @Test func rejectsTamperingAndTheWrongKey() throws {
        var signed = try DIVectors.json(Self.folder + "signedEdSig.json")
        let key = try DIVectors.privateKey().publicKey
        #expect(
            DataIntegrity.verify(signed, options: try Self.options(), publicKey: try seededKey(0x44).publicKey)
                .proofs.first?.failure == .signatureInvalid)
        signed.setMember("validFrom", "2024-01-01T00:00:00Z")
        #expect(DataIntegrity.verify(signed, options: try Self.options(), publicKey: key).proofs.first?.failure == .signatureInvalid)
    }

    /// The legacy type has no `cryptosuite`; one that claims both is malformed, and an unknown type is named.
    @Test func rejectsMalformedProofTypes() throws {
        var proof = try #require(try DIVectors.json(Self.folder + "signedEdSig.json")["proof"])
        proof.setMember("cryptosuite", "eddsa-rdfc-2022")
        #expect(throws: DataIntegrityError.unexpectedMember("cryptosuite")) { try DataIntegrityProof(json: proof) }
        proof.setMember("cryptosuite", nil)
        proof.setMember("type", "Ed25519Signature2018")
        #expect(throws: DataIntegrityError.unknownProofType("Ed25519Signature2018")) { try DataIntegrityProof(json: proof) }
        proof.setMember("type", "DataIntegrityProof")
        #expect(throws: DataIntegrityError.missingMember("cryptosuite")) { try DataIntegrityProof(json: proof) }
    }

    /// Without its context (and no `@vocab` to catch them) the proof's type and members are undefined terms
    /// (`created` is the first met), so nothing is signed.
    @Test func signingWithoutTheSuiteContextFails() throws {
        #expect(throws: ProofGenerationError.jsonLD(JSONLDError(.undefinedTerm, "created"))) {
            try DataIntegrity.addProof(
                to: try baseContextOnlyDocument(), options: ProofOptions(created: try DIVectors.created()),
                signer: try DIVectors.signer(), cryptosuite: .ed25519Signature2020, contexts: try Self.contexts())
        }
    }
}

/// `unsigned.json` with only the VCDM 2.0 context, which has no `@vocab`, and without the subject's
/// `AlumniCredential` and `alumniOf`, which only the examples context defines.
func baseContextOnlyDocument() throws -> JSONValue {
    var document = try DIVectors.json("unsigned.json")
    document.setMember("@context", ["https://www.w3.org/ns/credentials/v2"])
    document.setMember("type", ["VerifiableCredential"])
    document.setMember("credentialSubject", ["id": "did:example:abcdefgh"])
    return document
}
