import Foundation
import MedCredCore
import Testing

/// Presentations (VCDM 2.0 §7.1, Data Integrity §4.4): the holder's `authentication` proof bound to the
/// verifier's challenge and domain, the holder controlling the key, and every embedded credential verified.
///
/// Replay is the caller's job: the verifier checks that the proof carries the challenge it is given, but
/// only the caller can know whether that challenge was issued and is being used once.
@Suite struct PresentationVerificationTests {
    static let challenge = "c-7f3e9a12"
    static let domain = "verifier.example"

    static func presentation(credentials: [JSONValue]? = nil, holder: String? = nil) throws -> JSONValue {
        [
            "@context": [.string(KnownContexts.credentialsV2)],
            "type": ["VerifiablePresentation"],
            "holder": .string(try holder ?? VerificationParty.holder.did()),
            "verifiableCredential": .array(try credentials ?? [VerificationDocuments.signedLicense()]),
        ]
    }

    /// `presentation` signed for authentication by `party`.
    static func signed(
        _ presentation: JSONValue, by party: VerificationParty = .holder, challenge: String? = challenge,
        domain: [String] = [domain]
    ) throws -> JSONValue {
        try VerificationDocuments.sign(
            presentation, as: party, purpose: "authentication", challenge: challenge, domain: domain,
            created: VerificationClock.now)
    }

    static func verify(_ presentation: JSONValue, challenge: String? = challenge, domain: String? = domain)
        async throws -> VerificationResult
    {
        try await VerificationDocuments.verifier().verifyPresentation(
            .document(presentation), challenge: challenge, domain: domain, now: VerificationClock.now)
    }

    /// The checks of one embedded licence, named under `verifiableCredential[0].`.
    static let credentialChecks = ["parsing", "proof", "proofController", "dataModel", "validityPeriod", "schema"]
        .map { "verifiableCredential[0]." + $0 }
    static let presentationChecks = ["parsing", "proof", "proofController", "dataModel"] + credentialChecks

    @Test func verifiesAPresentationBoundToTheChallengeAndDomain() async throws {
        let result = try await Self.verify(try Self.signed(try Self.presentation()))
        #expect(result.verified, "\(result.errorSummary)")
        #expect(result.checkNames == Self.presentationChecks)
        #expect(result.warnings.isEmpty)
    }

    @Test func verifiesThePresentationsBytes() async throws {
        let signed = try Self.signed(try Self.presentation())
        let result = try await VerificationDocuments.verifier().verifyPresentation(
            bytes: Array(signed.serialized(pretty: true).utf8), challenge: Self.challenge, domain: Self.domain,
            now: VerificationClock.now)
        #expect(result.verified, "\(result.errorSummary)")
    }

    @Test func rejectsTheWrongChallenge() async throws {
        let result = try await Self.verify(try Self.signed(try Self.presentation()), challenge: "c-other")
        #expect(result.checkNames == ["parsing", "proof", "dataModel"] + Self.credentialChecks)
        #expect(result.errorSummary == ["proof INVALID_CHALLENGE_ERROR /proof"])
    }

    @Test func rejectsAProofWithoutTheExpectedChallenge() async throws {
        let result = try await Self.verify(try Self.signed(try Self.presentation(), challenge: nil))
        #expect(result.errorSummary == ["proof INVALID_CHALLENGE_ERROR /proof"])
    }

    /// The challenge is compared by Unicode scalars, exactly.
    @Test(arguments: ["C-7F3E9A12", "c-7f3e9a12 ", " c-7f3e9a12", "c-7f3e9a1"])
    func rejectsANearlyMatchingChallenge(_ challenge: String) async throws {
        let result = try await Self.verify(try Self.signed(try Self.presentation()), challenge: challenge)
        #expect(result.errorSummary == ["proof INVALID_CHALLENGE_ERROR /proof"])
    }

    @Test func rejectsTheWrongDomain() async throws {
        let result = try await Self.verify(try Self.signed(try Self.presentation()), domain: "attacker.example")
        #expect(result.errorSummary == ["proof INVALID_DOMAIN_ERROR /proof"])
    }

    @Test func rejectsAProofWithoutTheExpectedDomain() async throws {
        let result = try await Self.verify(try Self.signed(try Self.presentation(), domain: []))
        #expect(result.errorSummary == ["proof INVALID_DOMAIN_ERROR /proof"])
    }

    @Test func rejectsAProofForSeveralDomainsWhenOneIsExpected() async throws {
        let signed = try Self.signed(try Self.presentation(), domain: [Self.domain, "other.example"])
        let result = try await Self.verify(signed)
        #expect(result.errorSummary == ["proof INVALID_DOMAIN_ERROR /proof"])
    }

    /// Without an expected challenge the verifier does not check one: requiring and tracking challenges,
    /// and so preventing replay, is the caller's job.
    @Test func acceptsAnyChallengeWhenTheCallerExpectsNone() async throws {
        let signed = try Self.signed(try Self.presentation())
        let result = try await Self.verify(signed, challenge: nil, domain: nil)
        #expect(result.verified, "\(result.errorSummary)")
        let replayed = try await Self.verify(signed)
        #expect(replayed.verified, "the same presentation verifies again: replay detection is the caller's")
    }

    @Test func rejectsAssertionMethodAsThePresentationsPurpose() async throws {
        let signed = try VerificationDocuments.sign(
            try Self.presentation(), as: .holder, purpose: "assertionMethod", challenge: Self.challenge,
            domain: [Self.domain])
        let result = try await Self.verify(signed)
        #expect(result.errorSummary == ["proof PROOF_VERIFICATION_ERROR /proof"])
    }

    @Test func rejectsAPresentationSignedByAnotherThanTheHolder() async throws {
        let result = try await Self.verify(try Self.signed(try Self.presentation(), by: .other))
        #expect(result.checkNames == Self.presentationChecks)
        #expect(result.errorSummary == ["proofController PROOF_VERIFICATION_ERROR /proof/verificationMethod"])
    }

    /// VCDM 2.0 makes `holder` optional; without it, any key may present.
    @Test func acceptsAPresentationWithoutHolder() async throws {
        let presentation = try Self.presentation().removingMember("holder")
        let result = try await Self.verify(try Self.signed(presentation, by: .other))
        #expect(result.verified, "\(result.errorSummary)")
    }

    @Test func rejectsAnUnsignedPresentation() async throws {
        let result = try await Self.verify(try Self.presentation())
        #expect(result.errorSummary == ["proof PROOF_VERIFICATION_ERROR /proof"])
    }

    @Test func rejectsATamperedPresentation() async throws {
        let signed = try Self.signed(try Self.presentation())
        let tampered = try VerificationPatch.setting(
            "/holder", to: .string(try VerificationParty.other.did()), in: signed)
        let result = try await Self.verify(tampered)
        #expect(result.errorSummary == ["proof PROOF_VERIFICATION_ERROR /proof"])
    }

    @Test func anExpiredCredentialFailsThePresentation() async throws {
        let draft = try VerificationPatch.setting(
            "/validUntil", to: "2025-03-01T00:00:00Z", in: try VerificationDocuments.licenseDraft())
        guard
            case .document(let expired) = try VerificationDocuments.issuer().issue(
                draft, now: VerificationClock.issuedAt)
        else { throw VerificationPatch.Failure.badPointer("issue") }
        let result = try await Self.verify(try Self.signed(try Self.presentation(credentials: [expired])))
        #expect(!result.verified)
        #expect(result.failedChecks == ["verifiableCredential[0].validityPeriod"])
        #expect(
            result.errorSummary == [
                "verifiableCredential[0].validityPeriod RANGE_ERROR /verifiableCredential/0/validUntil"
            ])
    }

    /// The result names the embedded credential's failed check (`verifiableCredential[0].validityPeriod`).
    @Test
    func namesTheEmbeddedCredentialsFailedCheck() async throws {
        let draft = try VerificationPatch.setting(
            "/validUntil", to: "2025-03-01T00:00:00Z", in: try VerificationDocuments.licenseDraft())
        guard
            case .document(let expired) = try VerificationDocuments.issuer().issue(
                draft, now: VerificationClock.issuedAt)
        else { throw VerificationPatch.Failure.badPointer("issue") }
        let result = try await Self.verify(try Self.signed(try Self.presentation(credentials: [expired])))
        #expect(result.failedChecks.contains("verifiableCredential[0].validityPeriod"))
        #expect(result.checkNames.contains("verifiableCredential[0].proof"))
    }

    @Test func aCredentialTamperedBeforeThePresentationWasSignedFailsItsProofCheck() async throws {
        let tampered = try VerificationPatch.setting(
            "/credentialSubject/licenseNumber", to: "MD-99999", in: try VerificationDocuments.signedLicense())
        let result = try await Self.verify(try Self.signed(try Self.presentation(credentials: [tampered])))
        #expect(
            result.errorSummary == [
                "verifiableCredential[0].proof PROOF_VERIFICATION_ERROR /verifiableCredential/0/proof"
            ])
    }

    @Test func pointsAtTheFailingCredentialOfSeveral() async throws {
        let good = try VerificationDocuments.signedLicense()
        let forged = try VerificationDocuments.sign(try VerificationDocuments.completedLicense(), as: .other)
        let result = try await Self.verify(try Self.signed(try Self.presentation(credentials: [good, forged, good])))
        #expect(
            result.errorSummary == [
                "verifiableCredential[1].proofController PROOF_VERIFICATION_ERROR /verifiableCredential/1/proof/verificationMethod"
            ])
    }

    @Test func aCredentialTamperedAfterThePresentationWasSignedFailsBoth() async throws {
        let signed = try Self.signed(try Self.presentation())
        let tampered = try VerificationPatch.setting(
            "/verifiableCredential/0/credentialSubject/licenseNumber", to: "MD-99999", in: signed)
        let result = try await Self.verify(tampered)
        #expect(
            result.errorSummary == [
                "proof PROOF_VERIFICATION_ERROR /proof",
                "verifiableCredential[0].proof PROOF_VERIFICATION_ERROR /verifiableCredential/0/proof",
            ])
    }

    @Test func aPresentationWithoutCredentialsRunsNoCredentialChecks() async throws {
        let presentation = try Self.presentation().removingMember("verifiableCredential")
        let result = try await Self.verify(try Self.signed(presentation))
        #expect(result.verified, "\(result.errorSummary)")
        #expect(result.checkNames == ["parsing", "proof", "proofController", "dataModel"])
    }

    @Test func aCredentialIsNotAPresentation() async throws {
        let result = try await Self.verify(try VerificationDocuments.signedLicense())
        #expect(!result.verified)
        #expect(result.failedChecks.contains("proof"))
        #expect(result.failedChecks.contains("dataModel"))
    }
}
