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

    @Test func verifiesTheSignedVector() throws {
        let signed = try DIVectors.json(Self.rdfc + "signedDataInt.json")
        let publicKey = try DIVectors.privateKey().publicKey
        #expect(try EdDSARDFC2022.verifyProof(signed, publicKey: publicKey, contexts: Self.contexts()))
    }

    @Test func rejectsATamperedDocument() throws {
        var signed = try DIVectors.json(Self.rdfc + "signedDataInt.json")
        signed.setMember("name", "Forged Credential")
        let publicKey = try DIVectors.privateKey().publicKey
        #expect(try !EdDSARDFC2022.verifyProof(signed, publicKey: publicKey, contexts: Self.contexts()))
    }

    @Test func rejectsTheWrongKey() throws {
        let signed = try DIVectors.json(Self.rdfc + "signedDataInt.json")
        let otherKey = try seededKey(0x44).publicKey
        #expect(try !EdDSARDFC2022.verifyProof(signed, publicKey: otherKey, contexts: Self.contexts()))
    }

    /// A term no context defines fails canonicalization instead of being left unsigned.
    @Test func rejectsAnUndefinedTerm() throws {
        var unsigned = try DIVectors.json("unsigned.json")
        unsigned.setMember("@context", ["https://www.w3.org/ns/credentials/v2"])
        #expect(throws: EdDSARDFC2022Error.jsonLD(JSONLDError(.undefinedTerm, "alumniOf"))) {
            try EdDSARDFC2022.canonicalDocument(unsigned, contexts: Self.contexts())
        }
    }

    /// A proof of another cryptosuite is not checked here.
    @Test func refusesAnotherCryptosuite() throws {
        var signed = try DIVectors.json(Self.rdfc + "signedDataInt.json")
        signed.setMember("proof", ["type": "DataIntegrityProof", "cryptosuite": "eddsa-jcs-2022", "proofValue": "z1"])
        #expect(throws: EdDSARDFC2022Error.wrongCryptosuite("eddsa-jcs-2022")) {
            try EdDSARDFC2022.verifyProof(
                signed, publicKey: try DIVectors.privateKey().publicKey, contexts: Self.contexts())
        }
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
