import MedCredCore
import MedCredCrypto
import Synchronization
import Testing

/// A resolver that answers every DID with one document, and remembers the `versionTime` it was asked for.
final class FixedResolver: DIDResolver {
    let document: DIDDocument
    private let requested = Mutex<[String?]>([])

    init(_ document: DIDDocument) { self.document = document }

    /// The `versionTime` of every resolution so far, in order.
    var versionTimes: [String?] { requested.withLock { $0 } }

    func resolve(_ did: DID, versionTime: String?) async throws(DIDResolutionError) -> DIDDocument {
        requested.withLock { $0.append(versionTime) }
        return document
    }
}

/// Proofs checked against DID documents: the key must be the controller's and authorized for the purpose
/// (W3C Controlled Identifiers v1.0 §3.3, https://www.w3.org/TR/cid-1.0/#retrieve-verification-method).
@Suite struct DataIntegrityResolutionTests {
    static let issuer = "did:example:board"

    static func did() throws -> DID { try DID(parsing: issuer) }
    static func keyID(_ fragment: String = "key-1") throws -> DIDURL { try did().url(fragment: fragment) }

    static func multikeyMethod(_ key: Ed25519.PrivateKey, fragment: String = "key-1", controller: String = issuer)
        throws -> VerificationMethod
    {
        VerificationMethod(
            id: try keyID(fragment), type: "Multikey", controller: try DID(parsing: controller),
            publicKeyMultibase: Multikey(publicKey: key.publicKey).multibase)
    }

    /// A credential from `issuer` signed with `key` as `verificationMethod` (default `#key-1`).
    static func signed(
        with key: Ed25519.PrivateKey, verificationMethod: String? = nil, purpose: String = "assertionMethod"
    ) throws -> JSONValue {
        let signer = Ed25519Signer(privateKey: key, verificationMethod: try verificationMethod ?? keyID().description)
        return try DataIntegrity.addProof(
            to: licenseCredential(issuer: issuer),
            options: ProofOptions(proofPurpose: purpose, created: try DIVectors.created()), signer: signer)
    }

    static func verify(_ document: JSONValue, _ didDocument: DIDDocument, purpose: String? = "assertionMethod")
        async throws -> DataIntegrityVerification
    {
        let options = DataIntegrity.VerificationOptions(now: TestClock.now, expectedProofPurpose: purpose)
        return try await DataIntegrity.verify(document, options: options, resolver: FixedResolver(didDocument))
    }

    @Test func verifiesAKeyReferencedByAssertionMethod() async throws {
        let key = try seededKey(1)
        let document = DIDDocument(
            id: try Self.did(), verificationMethod: [try Self.multikeyMethod(key)],
            assertionMethod: [.reference(try Self.keyID())])
        #expect(try await Self.verify(try Self.signed(with: key), document).verified)
    }

    @Test func verifiesAKeyEmbeddedInAssertionMethod() async throws {
        let key = try seededKey(1)
        let document = DIDDocument(id: try Self.did(), assertionMethod: [.embedded(try Self.multikeyMethod(key))])
        #expect(try await Self.verify(try Self.signed(with: key), document).verified)
    }

    @Test func resolvesAsOfTheProofCreationTime() async throws {
        let key = try seededKey(1)
        let resolver = FixedResolver(
            DIDDocument(id: try Self.did(), assertionMethod: [.embedded(try Self.multikeyMethod(key))]))
        let result = try await DataIntegrity.verify(
            try Self.signed(with: key), options: TestClock.assertion, resolver: resolver)
        #expect(result.verified)
        #expect(resolver.versionTimes == ["2023-02-24T23:36:38Z"])
    }

    @Test func rejectsAKeyOnlyListedForAuthentication() async throws {
        let key = try seededKey(1)
        let document = DIDDocument(
            id: try Self.did(), verificationMethod: [try Self.multikeyMethod(key)],
            authentication: [.reference(try Self.keyID())])
        let result = try await Self.verify(try Self.signed(with: key), document)
        #expect(result.failures == [.verificationKey(.notAuthorized(try Self.keyID(), relationship: .assertionMethod))])
        #expect(result.failures.first?.specErrorType == "INVALID_RELATIONSHIP_FOR_VERIFICATION_METHOD")
    }

    @Test func rejectsAKeyEmbeddedOnlyInAuthentication() async throws {
        let key = try seededKey(1)
        let document = DIDDocument(id: try Self.did(), authentication: [.embedded(try Self.multikeyMethod(key))])
        let result = try await Self.verify(try Self.signed(with: key), document)
        #expect(result.failures == [.verificationKey(.notAuthorized(try Self.keyID(), relationship: .assertionMethod))])
    }

    @Test func rejectsAKeyMissingFromTheDocument() async throws {
        let key = try seededKey(1)
        let document = DIDDocument(
            id: try Self.did(), verificationMethod: [try Self.multikeyMethod(key, fragment: "key-2")],
            assertionMethod: [.reference(try Self.keyID("key-2"))])
        let result = try await Self.verify(try Self.signed(with: key), document)
        #expect(result.failures == [.verificationKey(.verificationMethodNotFound(try Self.keyID()))])
        #expect(result.proofs.first?.passedChecks.last == .proofValue)
    }

    @Test func rejectsAMethodControlledByAnotherDID() async throws {
        let key = try seededKey(1)
        let document = DIDDocument(
            id: try Self.did(), assertionMethod: [.embedded(try Self.multikeyMethod(key, controller: "did:example:x"))])
        let result = try await Self.verify(try Self.signed(with: key), document)
        #expect(
            result.failures == [
                .verificationKey(.controllerMismatch(try Self.keyID(), controller: try DID(parsing: "did:example:x")))
            ])
    }

    @Test func rejectsADocumentForAnotherDID() async throws {
        let key = try seededKey(1)
        let other = try DID(parsing: "did:example:other")
        let document = DIDDocument(id: other, assertionMethod: [.embedded(try Self.multikeyMethod(key))])
        let result = try await Self.verify(try Self.signed(with: key), document)
        #expect(result.failures == [.verificationKey(.documentIDMismatch(expected: try Self.did(), actual: other))])
    }

    @Test func rejectsASignatureByAnotherKeyThanTheAuthorizedOne() async throws {
        let document = DIDDocument(
            id: try Self.did(), assertionMethod: [.embedded(try Self.multikeyMethod(try seededKey(2)))])
        let result = try await Self.verify(try Self.signed(with: try seededKey(1)), document)
        #expect(result.failures == [.signatureInvalid])
    }

    @Test func rejectsAnHTTPSVerificationMethodWithoutResolving() async throws {
        let key = try seededKey(1)
        let document = DIDDocument(id: try Self.did())
        let resolver = FixedResolver(document)
        let signed = try Self.signed(with: key, verificationMethod: "https://issuer.example/keys#1")
        let result = try await DataIntegrity.verify(signed, options: TestClock.assertion, resolver: resolver)
        #expect(result.failures == [.verificationKey(.invalidVerificationMethodURL("https://issuer.example/keys#1"))])
        #expect(resolver.versionTimes.isEmpty)
    }

    @Test func rejectsAVerificationMethodWithAQuery() async throws {
        let method = Self.issuer + "?versionId=1#key-1"
        let result = try await Self.verify(
            try Self.signed(with: try seededKey(1), verificationMethod: method), DIDDocument(id: try Self.did()))
        #expect(result.failures == [.verificationKey(.invalidVerificationMethodURL(method))])
    }

    @Test func rejectsAPurposeThatIsNoVerificationRelationship() async throws {
        let key = try seededKey(1)
        let document = DIDDocument(id: try Self.did(), assertionMethod: [.embedded(try Self.multikeyMethod(key))])
        let result = try await Self.verify(
            try Self.signed(with: key, purpose: "contractSigning"), document, purpose: nil)
        #expect(result.failures == [.verificationKey(.unsupportedProofPurpose("contractSigning"))])
    }

    @Test func rejectsUnsupportedVerificationMethodTypes() async throws {
        let key = try seededKey(1)
        let method = VerificationMethod(
            id: try Self.keyID(), type: "EcdsaSecp256k1VerificationKey2019", controller: try Self.did(),
            publicKeyMultibase: Multikey(publicKey: key.publicKey).multibase)
        let result = try await Self.verify(
            try Self.signed(with: key), DIDDocument(id: try Self.did(), assertionMethod: [.embedded(method)]))
        #expect(
            result.failures == [
                .verificationKey(
                    .unsupportedVerificationMethodType(try Self.keyID(), type: "EcdsaSecp256k1VerificationKey2019"))
            ])
    }

    @Test func throwsWhenTheDIDCannotBeResolved() async throws {
        let signed = try Self.signed(with: try seededKey(1))
        await #expect(throws: DIDResolutionError.methodNotSupported("example")) {
            try await DataIntegrity.verify(signed, options: TestClock.assertion, resolver: DIDKeyResolver())
        }
    }

    /// A proof that fails before the key is needed is a result, even when its DID could not be resolved.
    @Test func doesNotResolveForProofsThatAlreadyFailed() async throws {
        let signed = try Self.signed(with: try seededKey(1)).setting("/proof/cryptosuite", to: "eddsa-rdfc-2022")
        let result = try await DataIntegrity.verify(signed, options: TestClock.assertion, resolver: DIDKeyResolver())
        #expect(result.failures == [.contextsUnavailable("eddsa-rdfc-2022")])
    }

    @Test func rejectsADIDKeyProofSignedByAnotherKey() async throws {
        let vector = try DIVectors.verificationMethod()
        let signed = try DataIntegrity.addProof(
            to: try DIVectors.json("unsigned.json"), options: ProofOptions(created: try DIVectors.created()),
            signer: Ed25519Signer(privateKey: try seededKey(3), verificationMethod: vector))
        let result = try await DataIntegrity.verify(signed, options: TestClock.assertion, resolver: DIDKeyResolver())
        #expect(result.failures == [.signatureInvalid])
    }
}
