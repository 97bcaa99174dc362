import MedCredCore
import MedCredCrypto
import MedCredTestSupport
import Testing

/// vc-di-eddsa §A "Test Vectors", eddsa-rdfc-2022 (https://www.w3.org/TR/vc-di-eddsa/#representation-eddsa-rdfc-2022),
/// every intermediate value byte for byte, from `shared/vectors/w3c-vc-di-eddsa/eddsa-rdfc-2022/`, with the
/// contexts pinned in MedCred (`VerificationDocuments.contexts()`).
@Suite struct EdDSARDFC2022VectorTests {
    static let rdfc = "eddsa-rdfc-2022/"

    /// A canonical N-Quads vector: the file verbatim, whose last line ends in `\n` like every canonical line.
    static func nquads(_ name: String) throws -> String { try Vectors.text(DIVectors.folder + rdfc + name) }

    static func contexts() throws -> KnownContexts { try VerificationDocuments.contexts() }

    @Test func vectorContextsArePinned() throws {
        let contexts = try Self.contexts()
        for url in ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"] {
            #expect(contexts[url] != nil, "\(url) is not pinned")
        }
    }

    @Test func canonicalDocumentMatches() throws {
        let canonical = try EdDSARDFC2022.canonicalDocument(
            try DIVectors.json("unsigned.json"), contexts: Self.contexts())
        #expect(canonical == (try Self.nquads("canonDocDataInt.txt")))
        #expect(
            Hex.encode(SHA256.hash(Array(canonical.utf8))) == (try DIVectors.text(Self.rdfc + "docHashDataInt.txt")))
    }

    @Test func canonicalProofConfigMatches() throws {
        let config = try DIVectors.json(Self.rdfc + "proofConfigDataInt.json")
        let canonical = try EdDSARDFC2022.canonicalProofConfig(config, contexts: Self.contexts())
        #expect(canonical == (try Self.nquads("proofCanonDataInt.txt")))
        #expect(
            Hex.encode(SHA256.hash(Array(canonical.utf8))) == (try DIVectors.text(Self.rdfc + "proofHashDataInt.txt")))
    }

    /// combinedHash = proofHash ‖ docHash (vc-di-eddsa §3.4.4), and the deterministic Ed25519 signature over it.
    @Test func hashDataAndSignatureMatch() throws {
        let contexts = try Self.contexts()
        let hashData = EdDSARDFC2022.hashData(
            canonicalDocument: try EdDSARDFC2022.canonicalDocument(
                try DIVectors.json("unsigned.json"), contexts: contexts),
            canonicalProofConfig: try EdDSARDFC2022.canonicalProofConfig(
                try DIVectors.json(Self.rdfc + "proofConfigDataInt.json"), contexts: contexts))
        #expect(Hex.encode(hashData) == (try DIVectors.text(Self.rdfc + "combinedHashDataInt.txt")))
        let signature = try DIVectors.privateKey().signature(for: hashData)
        #expect(Hex.encode(signature) == (try DIVectors.text(Self.rdfc + "sigHexDataInt.txt")))
        #expect(Multibase.encode(signature, as: .base58btc) == (try DIVectors.text(Self.rdfc + "sigBTC58DataInt.txt")))
    }

    /// Creating the proof over `unsigned.json` reproduces the proof of `signedDataInt.json`.
    @Test func createProofReproducesTheSignedProof() throws {
        let proof = try EdDSARDFC2022.createProof(
            for: try DIVectors.json("unsigned.json"), options: ProofOptions(created: try DIVectors.created()),
            signer: try DIVectors.signer(), contexts: Self.contexts())
        let expected = try #require(try DIVectors.json(Self.rdfc + "signedDataInt.json")["proof"])
        #expect(JSONValue.object(proof) == expected)
    }

    /// Verification options with the pinned contexts, at a time after the vectors were made.
    static func options() throws -> DataIntegrity.VerificationOptions {
        .init(
            now: try XSDDateTime(parsing: "2025-01-01T00:00:00Z"), expectedProofPurpose: "assertionMethod",
            contexts: try contexts())
    }

    static func verify(_ document: JSONValue, key: Ed25519.PublicKey? = nil) throws -> DataIntegrityVerification {
        DataIntegrity.verify(document, options: try options(), publicKey: try key ?? DIVectors.privateKey().publicKey)
    }

    @Test func verifiesTheSignedVector() throws {
        let outcome = try Self.verify(try DIVectors.json(Self.rdfc + "signedDataInt.json"))
        #expect(outcome.verified)
        #expect(outcome.proofs.first?.passedChecks.contains(.signature) == true)
    }

    @Test func rejectsATamperedDocument() throws {
        var signed = try DIVectors.json(Self.rdfc + "signedDataInt.json")
        signed.setMember("name", "Forged Credential")
        #expect(try Self.verify(signed).proofs.first?.failure == .signatureInvalid)
    }

    @Test func rejectsTheWrongKey() throws {
        let signed = try DIVectors.json(Self.rdfc + "signedDataInt.json")
        #expect(try Self.verify(signed, key: seededKey(0x44).publicKey).proofs.first?.failure == .signatureInvalid)
    }

    /// A term no context defines fails canonicalization instead of being left unsigned.
    @Test func rejectsAnUndefinedTerm() throws {
        var unsigned = try DIVectors.json("unsigned.json")
        unsigned.setMember("@context", ["https://www.w3.org/ns/credentials/v2"])
        #expect(throws: DataIntegrityError.jsonLD(JSONLDError(.undefinedTerm, "alumniOf"))) {
            try EdDSARDFC2022.canonicalDocument(unsigned, contexts: Self.contexts())
        }
        #expect(throws: ProofGenerationError.jsonLD(JSONLDError(.undefinedTerm, "alumniOf"))) {
            try DataIntegrity.addProof(
                to: unsigned, options: ProofOptions(created: try DIVectors.created()), signer: try DIVectors.signer(),
                cryptosuite: .eddsaRDFC2022, contexts: try Self.contexts())
        }
    }

    /// A signed document whose new member no context defines fails as a transformation error, not a bad signature.
    @Test func reportsAnUndefinedTermAtVerification() throws {
        var signed = try DataIntegrity.addProof(
            to: try baseContextOnlyDocument(), options: ProofOptions(created: try DIVectors.created()),
            signer: try DIVectors.signer(), cryptosuite: .eddsaRDFC2022, contexts: try Self.contexts())
        #expect(try Self.verify(signed).verified)
        signed.setMember("smuggled", "value")
        let failure = try Self.verify(signed).proofs.first?.failure
        #expect(failure == .jsonLD(JSONLDError(.undefinedTerm, "smuggled")))
        #expect(failure?.specErrorType == "PROOF_TRANSFORMATION_ERROR")
    }

    /// Without pinned contexts a verifier cannot check an RDFC proof, and says so.
    @Test func needsContextsToVerify() throws {
        let signed = try DIVectors.json(Self.rdfc + "signedDataInt.json")
        var options = try Self.options()
        options.contexts = nil
        let outcome = DataIntegrity.verify(signed, options: options, publicKey: try DIVectors.privateKey().publicKey)
        #expect(outcome.proofs.first?.failure == .contextsUnavailable("eddsa-rdfc-2022"))
        #expect(throws: ProofGenerationError.contextsRequired(.eddsaRDFC2022)) {
            try DataIntegrity.addProof(
                to: try DIVectors.json("unsigned.json"), options: ProofOptions(created: try DIVectors.created()),
                signer: try DIVectors.signer(), cryptosuite: .eddsaRDFC2022)
        }
    }

    /// addProof with eddsa-rdfc-2022 gives the vector's signed document; a JCS proof beside it forms a set.
    @Test func addProofMakesTheSignedVectorAndASet() throws {
        let signed = try DataIntegrity.addProof(
            to: try DIVectors.json("unsigned.json"), options: ProofOptions(created: try DIVectors.created()),
            signer: try DIVectors.signer(), cryptosuite: .eddsaRDFC2022, contexts: try Self.contexts())
        #expect(signed == (try DIVectors.json(Self.rdfc + "signedDataInt.json")))
        let set = try DataIntegrity.addProof(
            to: signed, options: ProofOptions(created: try DIVectors.created()), signer: try DIVectors.signer())
        let outcome = try Self.verify(set)
        #expect(outcome.verified)
        #expect(outcome.proofs.count == 2)
    }

    /// The loader serves pinned contexts only and names any other URL.
    @Test func loaderRefusesAnUnpinnedURL() throws {
        let loader = KnownContextsLoader(contexts: try Self.contexts())
        #expect(throws: JSONLDError(.loadingDocumentFailed, "https://example.org/context.jsonld")) {
            try loader.loadDocument("https://example.org/context.jsonld")
        }
        #expect(try loader.loadDocument("https://www.w3.org/ns/credentials/v2").documentURL.hasSuffix("/v2"))
    }
}
