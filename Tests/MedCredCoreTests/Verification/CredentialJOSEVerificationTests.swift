import Foundation
import MedCredCore
import MedCredCrypto
import Testing

/// `vc+jwt` credentials the issuer would never make, through the verifier (VC-JOSE-COSE §3.1, RFC 7515,
/// RFC 8725): each fails exactly the `proof` check, naming the JOSE error, and nothing else is checked.
@Suite struct CredentialJOSEVerificationTests {
    static func header(alg: String = "EdDSA", kid: String? = nil, typ: String = "vc+jwt") throws -> JSONValue {
        [
            "alg": .string(alg), "kid": .string(try kid ?? VerificationParty.issuer.verificationMethod()),
            "typ": .string(typ),
        ]
    }

    static func payload() throws -> JSONValue { try VerificationDocuments.completedLicense() }

    /// Verifies `jws` and checks that exactly `proof` failed with `expected`.
    static func expectProofFailure(
        _ jws: String, _ expected: JOSEError, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let result = try await VerificationDocuments.verifier().verifyCredential(
            bytes: Array(jws.utf8), now: VerificationClock.now)
        #expect(!result.verified, sourceLocation: sourceLocation)
        #expect(result.checkNames == ["parsing", "proof"], sourceLocation: sourceLocation)
        #expect(result.errorSummary == ["proof PROOF_VERIFICATION_ERROR "], sourceLocation: sourceLocation)
        #expect(result.errors.first?.problem.detail == String(describing: expected), sourceLocation: sourceLocation)
    }

    @Test func rejectsAlgNoneWithoutSignature() async throws {
        let jws = VerificationJWS.make(header: try Self.header(alg: "none"), payload: try Self.payload(), key: nil)
        #expect(jws.hasSuffix("."))
        try await Self.expectProofFailure(jws, .emptyPart(.signature))
    }

    @Test func rejectsAlgNoneWithASignature() async throws {
        let jws = VerificationJWS.make(
            header: try Self.header(alg: "none"), payload: try Self.payload(),
            key: try VerificationParty.issuer.privateKey())
        try await Self.expectProofFailure(jws, .unsupportedAlgorithm("none"))
    }

    /// An HMAC-SHA-256 tag is 32 bytes, so the JWS fails before its `alg` is read.
    @Test func rejectsHS256() async throws {
        let mac = [UInt8](repeating: 0xA5, count: 32)
        let jws = VerificationJWS.make(
            header: try Self.header(alg: "HS256"), payload: try Self.payload(), key: nil, signature: mac)
        try await Self.expectProofFailure(jws, .invalidSignatureLength(expected: 64, actual: 32))
    }

    /// RFC 8725 §3.1: a verifier must not let the header pick the algorithm, even with a 64-byte signature.
    @Test func rejectsHS256WithA64ByteSignature() async throws {
        let jws = VerificationJWS.make(
            header: try Self.header(alg: "HS256"), payload: try Self.payload(),
            key: try VerificationParty.issuer.privateKey())
        try await Self.expectProofFailure(jws, .unsupportedAlgorithm("HS256"))
    }

    @Test(arguments: ["ES256", "RS256", "eddsa", "EdDSA ", ""])
    func rejectsOtherAlgorithms(_ alg: String) async throws {
        let jws = VerificationJWS.make(
            header: try Self.header(alg: alg), payload: try Self.payload(),
            key: try VerificationParty.issuer.privateKey())
        try await Self.expectProofFailure(jws, .unsupportedAlgorithm(alg))
    }

    @Test func rejectsATamperedPayload() async throws {
        let parts = VerificationJWS.parts(try VerificationDocuments.licenseJWS())
        let tampered = try VerificationPatch.setting(
            "/credentialSubject/licenseNumber", to: "MD-99999", in: try Self.payload())
        let jws = parts[0] + "." + VerificationJWS.encode(tampered) + "." + parts[2]
        try await Self.expectProofFailure(jws, .signatureInvalid)
    }

    @Test func rejectsAPayloadReEncodedWithTheSameMeaning() async throws {
        // The JWS signs the payload's bytes, not its meaning: pretty-printing it breaks the signature.
        let parts = VerificationJWS.parts(try VerificationDocuments.licenseJWS())
        let pretty = Base64URL.encode(Array(try Self.payload().serialized(pretty: true).utf8))
        try await Self.expectProofFailure(parts[0] + "." + pretty + "." + parts[2], .signatureInvalid)
    }

    @Test func rejectsATamperedHeader() async throws {
        let parts = VerificationJWS.parts(try VerificationDocuments.licenseJWS())
        let header = VerificationJWS.encode(try Self.header(alg: "Ed25519"))
        try await Self.expectProofFailure(header + "." + parts[1] + "." + parts[2], .signatureInvalid)
    }

    @Test func rejectsAKidOfAnotherDIDSignedByTheIssuer() async throws {
        let jws = VerificationJWS.make(
            header: try Self.header(kid: try VerificationParty.other.verificationMethod()), payload: try Self.payload(),
            key: try VerificationParty.issuer.privateKey())
        try await Self.expectProofFailure(jws, .signatureInvalid)
    }

    @Test func rejectsAKeyOfAnotherDIDSigningForTheIssuer() async throws {
        let kid = try VerificationParty.other.verificationMethod()
        let jws = VerificationJWS.make(
            header: try Self.header(kid: kid), payload: try Self.payload(),
            key: try VerificationParty.other.privateKey())
        try await Self.expectProofFailure(
            jws, .keyNotControlledBySigner(kid: kid, expected: try VerificationParty.issuer.did()))
    }

    @Test func rejectsAPresentationTypeForACredential() async throws {
        let jws = VerificationJWS.make(
            header: try Self.header(typ: "vp+jwt"), payload: try Self.payload(),
            key: try VerificationParty.issuer.privateKey())
        try await Self.expectProofFailure(jws, .typeMismatch(expected: "vc+jwt", actual: "vp+jwt"))
    }

    @Test func rejectsCriticalHeaders() async throws {
        var header = try #require(try Self.header().objectValue)
        header["crit"] = ["b64"]
        header["b64"] = false
        let jws = VerificationJWS.make(
            header: .object(header), payload: try Self.payload(), key: try VerificationParty.issuer.privateKey())
        try await Self.expectProofFailure(jws, .unsupportedCriticalHeaders(["b64"]))
    }

    @Test func rejectsAnExpiredJWT() async throws {
        let payload = try VerificationPatch.setting("/exp", to: 1_740_000_000, in: try Self.payload())
        let jws = VerificationJWS.make(
            header: try Self.header(), payload: payload, key: try VerificationParty.issuer.privateKey())
        try await Self.expectProofFailure(jws, .expired(exp: 1_740_000_000, now: 1_748_736_000))
    }

    @Test func rejectsAJWTNotYetValid() async throws {
        let payload = try VerificationPatch.setting("/nbf", to: 1_800_000_000, in: try Self.payload())
        let jws = VerificationJWS.make(
            header: try Self.header(), payload: payload, key: try VerificationParty.issuer.privateKey())
        try await Self.expectProofFailure(jws, .notYetValid(nbf: 1_800_000_000, now: 1_748_736_000))
    }

    @Test func rejectsAnIssClaimThatIsNotTheIssuer() async throws {
        let other = try VerificationParty.other.did()
        let payload = try VerificationPatch.setting("/iss", to: .string(other), in: try Self.payload())
        let jws = VerificationJWS.make(
            header: try Self.header(), payload: payload, key: try VerificationParty.issuer.privateKey())
        try await Self.expectProofFailure(
            jws, .issuerMismatch(iss: other, expected: try VerificationParty.issuer.did()))
    }

    @Test func rejectsAJWTWithoutIssuer() async throws {
        let payload = try VerificationPatch.removing("/issuer", in: try Self.payload())
        let jws = VerificationJWS.make(
            header: try Self.header(), payload: payload, key: try VerificationParty.issuer.privateKey())
        try await Self.expectProofFailure(jws, .missingIssuer)
    }

    @Test func rejectsEveryBitFlipOfTheSignature() async throws {
        let parts = VerificationJWS.parts(try VerificationDocuments.licenseJWS())
        let signature = try Base64URL.decode(parts[2])
        let verifier = try VerificationDocuments.verifier()
        for bit in 0..<(signature.count * 8) {
            var flipped = signature
            flipped[bit / 8] ^= 1 << (bit % 8)
            let jws = parts[0] + "." + parts[1] + "." + Base64URL.encode(flipped)
            let result = try await verifier.verifyCredential(.jws(jws), now: VerificationClock.now)
            #expect(result.failedChecks == ["proof"], "bit \(bit)")
        }
    }

    @Test func aJWSWithFourPartsIsNotAJWS() async throws {
        let jws = try VerificationDocuments.licenseJWS() + ".e30"
        let result = try await VerificationDocuments.verifier().verifyCredential(
            bytes: Array(jws.utf8), now: VerificationClock.now)
        #expect(result.checkNames == ["parsing"])
        #expect(result.errorSummary == ["parsing PARSING_ERROR "])
    }

    @Test func aJWSPassedDirectlyWithFourPartsFailsTheProof() async throws {
        let jws = try VerificationDocuments.licenseJWS() + ".e30"
        let result = try await VerificationDocuments.verifier().verifyCredential(.jws(jws), now: VerificationClock.now)
        #expect(result.failedChecks == ["proof"])
        #expect(result.errors.first?.problem.detail == String(describing: JOSEError.wrongPartCount(4)))
    }

    /// The data model, validity period and schema are checked on a verified JWS payload as on any credential.
    @Test func checksTheValidityPeriodOfAVerifiedJWT() async throws {
        let draft = try VerificationPatch.setting(
            "/validUntil", to: "2025-03-01T00:00:00Z", in: try VerificationDocuments.licenseDraft())
        let secured = try VerificationDocuments.issuer().issue(draft, format: .jwt, now: VerificationClock.issuedAt)
        let result = try await VerificationDocuments.verifier().verifyCredential(secured, now: VerificationClock.now)
        #expect(result.checkNames == allCredentialChecks)
        #expect(result.errorSummary == ["validityPeriod RANGE_ERROR /validUntil"])
    }

    @Test func checksTheSchemaOfAVerifiedJWT() async throws {
        let payload = try VerificationPatch.setting(
            "/credentialSubject/profession", to: "wizard", in: try Self.payload())
        let jws = try JOSE.secure(payload, as: .verifiableCredential, signer: try VerificationParty.issuer.signer())
        let result = try await VerificationDocuments.verifier().verifyCredential(.jws(jws), now: VerificationClock.now)
        #expect(result.checkNames == allCredentialChecks)
        #expect(result.errorSummary == ["schema MALFORMED_VALUE_ERROR /credentialSubject/profession"])
    }

    @Test func rejectsAnEnvelopeWhoseIDIsNotADataURL() async throws {
        var envelope = try #require(
            EnvelopedVerifiableCredential(jws: try VerificationDocuments.licenseJWS()).json.objectValue)
        envelope["id"] = "https://board.example/credentials/1"
        let result = try await VerificationDocuments.verifier().verifyCredential(
            .document(.object(envelope)), now: VerificationClock.now)
        #expect(result.checkNames == ["parsing", "proof"])
        #expect(result.errorSummary == ["proof PROOF_VERIFICATION_ERROR /id"])
    }

    @Test func rejectsAnEnvelopeWrappingATamperedJWS() async throws {
        let parts = VerificationJWS.parts(try VerificationDocuments.licenseJWS())
        let tampered = try VerificationPatch.setting("/validUntil", to: "2040-01-01T00:00:00Z", in: try Self.payload())
        let jws = parts[0] + "." + VerificationJWS.encode(tampered) + "." + parts[2]
        let result = try await VerificationDocuments.verifier().verifyCredential(
            .document(EnvelopedVerifiableCredential(jws: jws).json), now: VerificationClock.now)
        #expect(result.checkNames == ["parsing", "proof"])
        #expect(result.errors.first?.problem.detail == String(describing: JOSEError.signatureInvalid))
    }

    /// The problem should point at the envelope member that is wrong; it always says `/id`.
    @Test
    func pointsAtTheEnvelopeMemberThatIsWrong() async throws {
        var envelope = try #require(
            EnvelopedVerifiableCredential(jws: try VerificationDocuments.licenseJWS()).json.objectValue)
        envelope["@context"] = [
            "https://www.w3.org/ns/credentials/examples/v2", "https://www.w3.org/ns/credentials/v2",
        ]
        let result = try await VerificationDocuments.verifier().verifyCredential(
            .document(.object(envelope)), now: VerificationClock.now)
        #expect(result.errorSummary == ["proof PROOF_VERIFICATION_ERROR /@context"])
    }
}
