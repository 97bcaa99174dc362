import Foundation
import MedCredCore
import Synchronization
import Testing

/// A status check that answers from a fixed table, and remembers which credentials it was asked about.
final class RecordingStatusCheck: CredentialCheckExtension {
    enum Answer: Sendable {
        case active, revoked, suspendedWithWarning, unreachable
    }

    struct Unreachable: Error, CustomStringConvertible {
        var description: String { "status list https://board.example/status/1 did not answer" }
    }

    let name = "status"
    let answer: Answer
    private let seen = Mutex<[String?]>([])

    init(_ answer: Answer) { self.answer = answer }

    /// The `id` of every credential checked, in order.
    var checkedIDs: [String?] { seen.withLock { $0 } }

    func check(_ credential: VerifiableCredential, now: Date) async throws -> CheckExtensionOutcome {
        seen.withLock { $0.append(credential.id) }
        switch answer {
        case .active: return CheckExtensionOutcome()
        case .revoked:
            return CheckExtensionOutcome(problems: [
                CredentialProblem(
                    type: .statusVerification, pointer: "/credentialStatus", detail: "the board revoked the licence")
            ])
        case .suspendedWithWarning:
            return CheckExtensionOutcome(warnings: [
                CredentialProblem(
                    type: .statusVerification, pointer: "/credentialStatus",
                    detail: "the status list is older than a day")
            ])
        case .unreachable: throw Unreachable()
        }
    }
}

/// ``CredentialCheckExtension``: later layers' checks (status, anchoring, trust policy) run after the built-in
/// ones, fail under their own name, and make the verifier throw when they cannot answer.
@Suite struct CredentialCheckExtensionTests {
    static func verify(_ check: RecordingStatusCheck, _ document: JSONValue) async throws -> VerificationResult {
        try await VerificationDocuments.verifier(extensions: [check]).verifyCredential(
            .document(document), now: VerificationClock.now)
    }

    @Test func aPassingExtensionIsRecordedAfterTheBuiltInChecks() async throws {
        let check = RecordingStatusCheck(.active)
        let result = try await Self.verify(check, try VerificationDocuments.signedLicense())
        #expect(result.verified)
        #expect(result.checkNames == allCredentialChecks + ["status"])
        #expect(check.checkedIDs == [VerificationDocuments.credentialID])
    }

    @Test func aRevokedCredentialFailsTheNamedCheck() async throws {
        let result = try await Self.verify(RecordingStatusCheck(.revoked), try VerificationDocuments.signedLicense())
        #expect(!result.verified)
        #expect(result.failedChecks == ["status"])
        #expect(result.errorSummary == ["status STATUS_VERIFICATION_ERROR /credentialStatus"])
        #expect(result.passedChecks == allCredentialChecks)
    }

    @Test func anExtensionsWarningsAreKept() async throws {
        let result = try await Self.verify(
            RecordingStatusCheck(.suspendedWithWarning), try VerificationDocuments.signedLicense())
        #expect(result.verified)
        #expect(result.warningSummary == ["STATUS_VERIFICATION_ERROR /credentialStatus"])
    }

    @Test func anExtensionThatCannotRunMakesTheVerifierThrow() async throws {
        let check = RecordingStatusCheck(.unreachable)
        await #expect(
            throws: VerificationError.extensionFailed(name: "status", reason: "\(RecordingStatusCheck.Unreachable())")
        ) {
            try await Self.verify(check, try VerificationDocuments.signedLicense())
        }
    }

    @Test func extensionsRunInOrder() async throws {
        let first = RecordingStatusCheck(.active)
        let second = RecordingStatusCheck(.revoked)
        let result = try await VerificationDocuments.verifier(extensions: [first, second]).verifyCredential(
            .document(try VerificationDocuments.signedLicense()), now: VerificationClock.now)
        #expect(result.checkNames == allCredentialChecks + ["status", "status"])
        #expect(result.checks.map(\.passed).suffix(2) == [true, false])
    }

    @Test func extensionsRunOnEachCredentialOfAPresentation() async throws {
        let check = RecordingStatusCheck(.revoked)
        let presentation = try PresentationVerificationTests.signed(try PresentationVerificationTests.presentation())
        let result = try await VerificationDocuments.verifier(extensions: [check]).verifyPresentation(
            .document(presentation), challenge: PresentationVerificationTests.challenge,
            domain: PresentationVerificationTests.domain, now: VerificationClock.now)
        #expect(check.checkedIDs == [VerificationDocuments.credentialID])
        #expect(
            result.errorSummary == [
                "verifiableCredential[0].status STATUS_VERIFICATION_ERROR /verifiableCredential/0/credentialStatus"
            ])
    }

    /// ``CredentialCheckExtension/check(_:now:)`` promises a credential that is "already parsed, data-model
    /// valid and proven"; a forged credential must not reach a status check (which may fetch a URL the forger
    /// chose).
    @Test
    func extensionsDoNotRunOnAnUnprovenCredential() async throws {
        let check = RecordingStatusCheck(.active)
        let tampered = try VerificationPatch.setting(
            "/credentialSubject/licenseNumber", to: "MD-99999", in: try VerificationDocuments.signedLicense())
        let result = try await Self.verify(check, tampered)
        #expect(result.failedChecks == ["proof"])
        #expect(check.checkedIDs.isEmpty)
    }

    /// An extension that cannot run on a forged credential must not turn a "not verified" answer into a throw.
    @Test
    func anUnreachableExtensionDoesNotHideAFailedProof() async throws {
        let tampered = try VerificationPatch.setting(
            "/credentialSubject/licenseNumber", to: "MD-99999", in: try VerificationDocuments.signedLicense())
        let result = try await Self.verify(RecordingStatusCheck(.unreachable), tampered)
        #expect(result.failedChecks == ["proof"])
    }

    @Test func anEnvelopedCredentialWhoseJWSFailsDoesNotReachExtensions() async throws {
        let check = RecordingStatusCheck(.active)
        let parts = VerificationJWS.parts(try VerificationDocuments.licenseJWS())
        let envelope = EnvelopedVerifiableCredential(jws: parts[0] + "." + parts[1] + "." + String(parts[2].reversed()))
        let result = try await Self.verify(check, envelope.json)
        #expect(result.failedChecks == ["proof"])
        #expect(check.checkedIDs.isEmpty)
    }
}
