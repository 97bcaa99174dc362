import Foundation
import MedCredCore
import Testing

/// Presentations secured as `vp+jwt` (VC-JOSE-COSE §3.1.2): the verifier's challenge travels as `nonce` and
/// its domain as `aud`, the holder's key signs, and credentials are `EnvelopedVerifiableCredential`s.
@Suite struct PresentationJOSEVerificationTests {
    static let challenge = PresentationVerificationTests.challenge
    static let domain = PresentationVerificationTests.domain

    /// A `vp+jwt` carrying the licence as an `EnvelopedVerifiableCredential`, with `nonce` = challenge.
    /// `aud` carries the verifier's domain, as `medcred presentation sign --format jwt` writes it.
    static func presentationJWS(
        nonce: String? = challenge, aud: String? = nil, signer party: VerificationParty = .holder
    ) throws -> String {
        var presentation = try PresentationVerificationTests.presentation(credentials: [
            EnvelopedVerifiableCredential(jws: try VerificationDocuments.licenseJWS()).json
        ])
        if let nonce { presentation.setMember("nonce", .string(nonce)) }
        if let aud { presentation.setMember("aud", .string(aud)) }
        return try JOSE.secure(presentation, as: .verifiablePresentation, signer: try party.signer())
    }

    @Test func verifiesAVPJWT() async throws {
        let result = try await VerificationDocuments.verifier().verifyPresentation(
            bytes: Array(try Self.presentationJWS().utf8), challenge: Self.challenge, domain: nil,
            now: VerificationClock.now)
        #expect(result.verified, "\(result.errorSummary)")
        #expect(result.checkNames == PresentationVerificationTests.presentationChecks)
    }

    @Test func rejectsAVPJWTWithTheWrongNonce() async throws {
        let result = try await VerificationDocuments.verifier().verifyPresentation(
            .jws(try Self.presentationJWS(nonce: "c-other")), challenge: Self.challenge, domain: nil,
            now: VerificationClock.now)
        #expect(!result.verified)
        #expect(result.errorSummary == ["proof INVALID_CHALLENGE_ERROR /nonce"])
    }

    @Test func rejectsAVPJWTWithoutNonce() async throws {
        let result = try await VerificationDocuments.verifier().verifyPresentation(
            .jws(try Self.presentationJWS(nonce: nil)), challenge: Self.challenge, domain: nil,
            now: VerificationClock.now)
        #expect(result.errorSummary == ["proof INVALID_CHALLENGE_ERROR /nonce"])
    }

    /// Each check appears once in `checks` (and so in the VC-API body); a nonce mismatch adds a second `proof`.
    @Test
    func recordsTheProofCheckOnceForAVPJWTNonceMismatch() async throws {
        let result = try await VerificationDocuments.verifier().verifyPresentation(
            .jws(try Self.presentationJWS(nonce: "c-other")), challenge: Self.challenge, domain: nil,
            now: VerificationClock.now)
        #expect(result.checkNames.filter { $0 == "proof" }.count == 1)
        #expect(!result.checks.contains { $0.name == "proofController" && $0.passed })
    }

    @Test func rejectsAVPJWTSignedByAnotherThanTheHolder() async throws {
        let result = try await VerificationDocuments.verifier().verifyPresentation(
            .jws(try Self.presentationJWS(signer: .other)), challenge: Self.challenge, domain: nil,
            now: VerificationClock.now)
        #expect(result.checkNames == ["parsing", "proof"])
        let kid = try VerificationParty.other.verificationMethod()
        let expected = JOSEError.keyNotControlledBySigner(kid: kid, expected: try VerificationParty.holder.did())
        #expect(result.errors.first?.problem.detail == String(describing: expected))
    }

    @Test func rejectsAVCJWTAsAPresentation() async throws {
        let result = try await VerificationDocuments.verifier().verifyPresentation(
            .jws(try VerificationDocuments.licenseJWS()), challenge: nil, domain: nil, now: VerificationClock.now)
        #expect(result.checkNames == ["parsing", "proof"])
        let expected = JOSEError.typeMismatch(expected: "vp+jwt", actual: "vc+jwt")
        #expect(result.errors.first?.problem.detail == String(describing: expected))
    }

    @Test func verifiesAVPJWTForTheExpectedAudience() async throws {
        let result = try await VerificationDocuments.verifier().verifyPresentation(
            .jws(try Self.presentationJWS(aud: Self.domain)), challenge: Self.challenge, domain: Self.domain,
            now: VerificationClock.now)
        #expect(result.verified, "\(result.errorSummary)")
    }

    /// A verifier that asks for a domain must not get `verified` from a vp+jwt made for another audience (or
    /// none): VC-JOSE has no `domain`, so it travels as `aud`, as `medcred presentation sign --format jwt`
    /// writes it.
    @Test(arguments: ["attacker.example", nil] as [String?])
    func rejectsAVPJWTForAnotherAudience(_ aud: String?) async throws {
        let result = try await VerificationDocuments.verifier().verifyPresentation(
            .jws(try Self.presentationJWS(aud: aud)), challenge: Self.challenge, domain: Self.domain,
            now: VerificationClock.now)
        #expect(!result.verified)
        #expect(result.errorSummary == ["proof INVALID_DOMAIN_ERROR /aud"])
    }

    @Test func verifiesAVPJWTWhoseAudienceListIncludesTheDomain() async throws {
        var presentation = try #require(
            try JSONValue(
                parsing: try Base64URL.decode(VerificationJWS.parts(try Self.presentationJWS())[1])
            ).objectValue)
        presentation["aud"] = ["other.example", .string(Self.domain)]
        let jws = try JOSE.secure(
            .object(presentation), as: .verifiablePresentation, signer: try VerificationParty.holder.signer())
        let result = try await VerificationDocuments.verifier().verifyPresentation(
            .jws(jws), challenge: Self.challenge, domain: Self.domain, now: VerificationClock.now)
        #expect(result.verified, "\(result.errorSummary)")
    }

    @Test func rejectsAVPJWTWithTheWrongNonceAndAudience() async throws {
        let result = try await VerificationDocuments.verifier().verifyPresentation(
            .jws(try Self.presentationJWS(nonce: "c-other", aud: "attacker.example")), challenge: Self.challenge,
            domain: Self.domain, now: VerificationClock.now)
        #expect(result.errorSummary == ["proof INVALID_CHALLENGE_ERROR /nonce", "proof INVALID_DOMAIN_ERROR /aud"])
    }
}
