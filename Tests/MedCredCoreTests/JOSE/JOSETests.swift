import MedCredCore
import MedCredCrypto
import Testing

/// VC-JOSE-COSE §3.1 (https://www.w3.org/TR/vc-jose-cose/#with-jose): securing and verifying `vc+jwt` and `vp+jwt`.
@Suite struct JOSETests {
    static func signer() throws -> Ed25519Signer { Ed25519Signer(didKey: try JOSETestKeys.signer()) }

    static func presentation() throws -> JSONValue {
        [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
            "holder": .string(try JOSETestKeys.did()),
        ]
    }

    @Test func writesTheHeaderAndTheCredentialAsPayload() throws {
        let credential = try JOSETestKeys.credential()
        let jws = try JOSE.secure(credential, as: .verifiableCredential, signer: try Self.signer())
        let parts = jws.split(separator: ".").map(String.init)
        #expect(parts.count == 3)
        let header = String(decoding: try Base64URL.decode(parts[0]), as: UTF8.self)
        #expect(header == #"{"alg":"EdDSA","kid":"\#(try JOSETestKeys.kid())","typ":"vc+jwt"}"#)
        let payload = try JSONValue(parsing: try Base64URL.decode(parts[1]))
        #expect(payload == credential)
        #expect(payload["vc"] == nil)
        #expect(try Base64URL.decode(parts[2]).count == 64)
    }

    @Test func securesAndVerifiesACredential() async throws {
        let credential = try JOSETestKeys.credential()
        let jws = try JOSE.secure(credential, as: .verifiableCredential, signer: try Self.signer())
        let result = try await JOSE.verify(
            jws, as: .verifiableCredential, now: TestClock.now, resolver: DIDKeyResolver())
        #expect(result.verified)
        #expect(result.document == credential)
        #expect(result.header?["typ"] == "vc+jwt")
        #expect(result.mediaType.mediaType == "application/vc+jwt")
    }

    @Test func securesAndVerifiesAPresentation() async throws {
        let jws = try JOSE.secure(try Self.presentation(), as: .verifiablePresentation, signer: try Self.signer())
        let result = try await JOSE.verify(
            jws, as: .verifiablePresentation, now: TestClock.now, resolver: DIDKeyResolver())
        #expect(result.verified)
        #expect(result.mediaType.mediaType == "application/vp+jwt")
    }

    @Test func verifiesWithAKnownKey() throws {
        let jws = try JOSE.secure(try JOSETestKeys.credential(), as: .verifiableCredential, signer: try Self.signer())
        let key = try JOSETestKeys.signer().publicKey
        #expect(JOSE.verify(jws, as: .verifiableCredential, now: TestClock.now) { _ in .success(key) }.verified)
        let other = try JOSETestKeys.other().publicKey
        #expect(
            JOSE.verify(jws, as: .verifiableCredential, now: TestClock.now) { _ in .success(other) }.failure
                == .signatureInvalid)
    }

    /// A document whose only key is listed under `relationship`.
    static func document(listingKeyFor relationship: VerificationRelationship) throws -> DIDDocument {
        let key = DIDKey(privateKey: try JOSETestKeys.signer())
        var document = DIDDocument(id: key.did, verificationMethod: [key.verificationMethod])
        document[relationship] = [.reference(key.verificationMethodID)]
        return document
    }

    @Test func rejectsACredentialKeyOnlyListedForAuthentication() async throws {
        let jws = try JOSE.secure(try JOSETestKeys.credential(), as: .verifiableCredential, signer: try Self.signer())
        let resolver = FixedResolver(try Self.document(listingKeyFor: .authentication))
        let result = try await JOSE.verify(jws, as: .verifiableCredential, now: TestClock.now, resolver: resolver)
        let kid = DIDKey(privateKey: try JOSETestKeys.signer()).verificationMethodID
        #expect(result.failure == .verificationKey(.notAuthorized(kid, relationship: .assertionMethod)))
    }

    @Test func rejectsAPresentationKeyOnlyListedForAssertions() async throws {
        let jws = try JOSE.secure(try Self.presentation(), as: .verifiablePresentation, signer: try Self.signer())
        let resolver = FixedResolver(try Self.document(listingKeyFor: .assertionMethod))
        let result = try await JOSE.verify(jws, as: .verifiablePresentation, now: TestClock.now, resolver: resolver)
        let kid = DIDKey(privateKey: try JOSETestKeys.signer()).verificationMethodID
        #expect(result.failure == .verificationKey(.notAuthorized(kid, relationship: .authentication)))
    }

    @Test func throwsWhenTheKidCannotBeResolved() async throws {
        let signer = Ed25519Signer(
            privateKey: try JOSETestKeys.signer(), verificationMethod: "did:web:issuer.example#key-1")
        let jws = try JOSE.secure(
            licenseCredential(issuer: "did:web:issuer.example"), as: .verifiableCredential, signer: signer)
        await #expect(throws: DIDResolutionError.methodNotSupported("web")) {
            try await JOSE.verify(jws, as: .verifiableCredential, now: TestClock.now, resolver: DIDKeyResolver())
        }
    }

    @Test func refusesToSecureANonObject() throws {
        #expect(throws: JOSEError.notObject(.payload)) {
            try JOSE.secure(["VerifiableCredential"], as: .verifiableCredential, signer: try Self.signer())
        }
    }

    @Test func reportsASignerThatFails() throws {
        #expect(
            throws: JOSEError.signerFailed(verificationMethod: "did:example:board#key-1", reason: "key store locked")
        ) {
            try JOSE.secure(try JOSETestKeys.credential(), as: .verifiableCredential, signer: LockedSigner())
        }
    }

    @Test func refusesAShortSignatureFromTheSigner() throws {
        #expect(throws: JOSEError.invalidSignatureLength(expected: 64, actual: 63)) {
            try JOSE.secure(try JOSETestKeys.credential(), as: .verifiableCredential, signer: ShortSigner())
        }
    }

    /// The signing input is the received text, not a re-encoding of the parsed header and payload.
    @Test func keepsTheSigningInputAsReceived() throws {
        let header = Base64URL.encode(
            Array(#"{ "typ" : "vc+jwt", "alg":"EdDSA", "kid":"\#(try JOSETestKeys.kid())" }"#.utf8))
        let payload = Base64URL.encode(Array(" {\"issuer\" :\"x\"} ".utf8))
        let signature = Base64URL.encode(try JOSETestKeys.signer().signature(for: Array("\(header).\(payload)".utf8)))
        let jws = try CompactJWS(parsing: "\(header).\(payload).\(signature)")
        #expect(jws.signingInput == Array("\(header).\(payload)".utf8))
        #expect(jws.header["typ"] == "vc+jwt")
        #expect(jws.payload == ["issuer": "x"])
        #expect(jws.serialized == "\(header).\(payload).\(signature)")
    }

    @Test(arguments: [
        ("a.b", JOSEError.wrongPartCount(2)), ("", .wrongPartCount(1)), ("..", .emptyPart(.header)),
        ("e30.e30.", .emptyPart(.signature)),
        ("e30.e30.AA==", .invalidBase64URL(.signature, .invalidCharacter("=", offset: 2))),
        ("e30.e30.AAA", .invalidSignatureLength(expected: 64, actual: 2)), ("W10.e30.AAAA", .notObject(.header)),
    ])
    func rejectsMalformedCompactSerializations(text: String, error: JOSEError) {
        #expect(throws: error) { try CompactJWS(parsing: text) }
    }
}
