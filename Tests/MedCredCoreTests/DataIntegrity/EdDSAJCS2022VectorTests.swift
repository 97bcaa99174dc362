import MedCredCore
import MedCredCrypto
import MedCredTestSupport
import Testing

/// vc-di-eddsa §A "Test Vectors", eddsa-jcs-2022 (https://www.w3.org/TR/vc-di-eddsa/#representation-eddsa-jcs-2022),
/// every intermediate value byte for byte, from `shared/vectors/w3c-vc-di-eddsa/eddsa-jcs-2022/`.
@Suite struct EdDSAJCS2022VectorTests {
    static let jcs = "eddsa-jcs-2022/"

    @Test func keyPairSeedDerivesThePublicKey() throws {
        let pair = try DIVectors.json("keyPair.json")
        let publicText = try #require(pair["publicKeyMultibase"]?.stringValue)
        let secretText = try #require(pair["privateKeyMultibase"]?.stringValue)
        let privateKey = try Multikey.privateKey(secretKeyMultibase: secretText)
        #expect(privateKey.publicKey == (try Multikey(multibase: publicText)).publicKey)
        #expect(Multikey(publicKey: privateKey.publicKey).multibase == publicText)
        #expect(Multikey.secretKeyMultibase(for: privateKey) == secretText)
    }

    @Test func canonicalDocumentMatches() throws {
        let canonical = EdDSAJCS2022.transform(try DIVectors.json("unsigned.json"))
        #expect(canonical == Array(try DIVectors.text(Self.jcs + "canonDocJCS.txt").utf8))
        #expect(Hex.encode(SHA256.hash(canonical)) == (try DIVectors.text(Self.jcs + "docHashJCS.txt")))
    }

    @Test func canonicalProofConfigurationMatches() throws {
        let config = try #require(try DIVectors.json(Self.jcs + "proofConfigJCS.json").objectValue)
        let canonical = EdDSAJCS2022.canonicalProofConfiguration(config)
        #expect(canonical == Array(try DIVectors.text(Self.jcs + "proofCanonJCS.txt").utf8))
        #expect(Hex.encode(SHA256.hash(canonical)) == (try DIVectors.text(Self.jcs + "proofHashJCS.txt")))
    }

    /// combinedHash = proofHash ‖ docHash (vc-di-eddsa §3.3.4), and the signature over it.
    @Test func hashDataAndSignatureMatch() throws {
        let config = try #require(try DIVectors.json(Self.jcs + "proofConfigJCS.json").objectValue)
        let hashData = EdDSAJCS2022.hashData(
            transformedDocument: EdDSAJCS2022.transform(try DIVectors.json("unsigned.json")),
            canonicalProofConfig: EdDSAJCS2022.canonicalProofConfiguration(config))
        #expect(Hex.encode(hashData) == (try DIVectors.text(Self.jcs + "combinedHashJCS.txt")))
        let signature = try DIVectors.privateKey().signature(for: hashData)
        #expect(Hex.encode(signature) == (try DIVectors.text(Self.jcs + "sigHexJCS.txt")))
        #expect(Multibase.encode(signature, as: .base58btc) == (try DIVectors.text(Self.jcs + "sigBTC58JCS.txt")))
    }

    /// Securing `unsigned.json` reproduces `signedJCS.json`: the same value, and the same text when pretty-printed.
    @Test func addProofReproducesTheSignedDocument() throws {
        let signed = try DataIntegrity.addProof(
            to: try DIVectors.json("unsigned.json"), options: ProofOptions(created: try DIVectors.created()),
            signer: try DIVectors.signer())
        let expected = try DIVectors.json(Self.jcs + "signedJCS.json")
        #expect(signed == expected)
        #expect(signed.serialized(pretty: true) == (try DIVectors.text(Self.jcs + "signedJCS.json")))
        #expect(signed["proof"]?["proofValue"]?.stringValue == (try DIVectors.text(Self.jcs + "sigBTC58JCS.txt")))
    }

    @Test func verifiesTheSignedDocumentWithTheKey() throws {
        let bytes = try Vectors.data(DIVectors.folder + Self.jcs + "signedJCS.json")
        let result = DataIntegrity.verify(
            documentBytes: Array(bytes), options: TestClock.assertion, publicKey: try DIVectors.privateKey().publicKey)
        #expect(result.verified)
        #expect(result.failures.isEmpty)
        #expect(result.proofs.first?.passedChecks == Array(DataIntegrityCheck.allCases.dropFirst()))
        #expect(result.verifiedDocument == (try DIVectors.json("unsigned.json")))
    }

    @Test func verifiesTheSignedDocumentThroughDIDKeyResolution() async throws {
        let result = try await DataIntegrity.verify(
            try DIVectors.json(Self.jcs + "signedJCS.json"), options: TestClock.assertion, resolver: DIDKeyResolver())
        #expect(result.verified)
        #expect(result.proofs.map(\.verificationMethod) == [try DIVectors.verificationMethod()])
    }

    /// The vector proof carries `@context`; one made without it (vc-di-eddsa §3.3.1 step 2 skipped, as some
    /// implementations do) still verifies, since the spec only compares contexts when the proof has one.
    @Test func verifiesAProofWithoutContext() throws {
        let unsigned = try DIVectors.json("unsigned.json")
        var proof = try #require(try DIVectors.json(Self.jcs + "proofConfigJCS.json").objectValue)
        proof["@context"] = nil
        let hashData = EdDSAJCS2022.hashData(
            transformedDocument: EdDSAJCS2022.transform(unsigned),
            canonicalProofConfig: EdDSAJCS2022.canonicalProofConfiguration(proof))
        proof["proofValue"] = .string(
            Multibase.encode(try DIVectors.privateKey().signature(for: hashData), as: .base58btc))
        var signed = unsigned
        signed.setMember("proof", .object(proof))
        let result = DataIntegrity.verify(
            signed, options: TestClock.assertion, publicKey: try DIVectors.privateKey().publicKey)
        #expect(result.verified)
    }
}
