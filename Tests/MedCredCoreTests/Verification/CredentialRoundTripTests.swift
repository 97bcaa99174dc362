import Foundation
import MedCredCore
import MedCredTestSupport
import Testing

/// Issue → verify for every securing mechanism MedCred accepts (VCDM 2.0 §7.1, VC Data Integrity
/// `eddsa-jcs-2022`, VC-JOSE-COSE §3.1), as parsed values and as the bytes a verifier receives.
@Suite struct CredentialRoundTripTests {
    /// The three shapes an issued licence travels in.
    enum Shape: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case dataIntegrity, jwt, enveloped

        var testDescription: String { rawValue }

        func secured() throws -> SecuredDocument {
            switch self {
            case .dataIntegrity: .document(try VerificationDocuments.signedLicense())
            case .jwt: .jws(try VerificationDocuments.licenseJWS())
            case .enveloped:
                .document(EnvelopedVerifiableCredential(jws: try VerificationDocuments.licenseJWS()).json)
            }
        }

        func bytes() throws -> [UInt8] {
            switch try secured() {
            case .document(let document): Array(document.serialized(pretty: true).utf8)
            case .jws(let jws): Array(jws.utf8)
            }
        }
    }

    @Test(arguments: Shape.allCases)
    func verifiesAnIssuedLicense(_ shape: Shape) async throws {
        let result = try await VerificationDocuments.verifier().verifyCredential(
            try shape.secured(), now: VerificationClock.now)
        #expect(result.verified, "\(result.errorSummary)")
        #expect(result.checkNames == allCredentialChecks)
        #expect(result.warnings.isEmpty)
        #expect(result.errors.isEmpty)
    }

    @Test(arguments: Shape.allCases)
    func verifiesTheBytesOfAnIssuedLicense(_ shape: Shape) async throws {
        let result = try await VerificationDocuments.verifier().verifyCredential(
            bytes: try shape.bytes(), now: VerificationClock.now)
        #expect(result.verified, "\(result.errorSummary)")
        #expect(result.checkNames == allCredentialChecks)
    }

    @Test func verifiesAJWSSurroundedByWhitespace() async throws {
        let bytes = Array(("\n  " + (try VerificationDocuments.licenseJWS()) + " \r\n").utf8)
        let result = try await VerificationDocuments.verifier().verifyCredential(
            bytes: bytes, now: VerificationClock.now)
        #expect(result.verified, "\(result.errorSummary)")
    }

    @Test func issuedDataIntegrityAndJWTCarryTheSameCredential() throws {
        let signed = try VerificationDocuments.signedLicense()
        let jws = try VerificationDocuments.licenseJWS()
        let payload = try JSONValue(parsing: try Base64URL.decode(VerificationJWS.parts(jws)[1]))
        #expect(payload == signed.removingMember("proof"))
        #expect(payload == (try VerificationDocuments.completedLicense()))
    }

    /// vc-di-eddsa's `signedJCS.json` verifies cryptographically, but its issuer is an https URL, so nothing
    /// ties the did:key that signed to the issuer it names: exactly `proofController` fails.
    @Test func w3cVectorProofPassesButTheIssuerIsNotTheSigner() async throws {
        let bytes = try Vectors.data("w3c-vc-di-eddsa/eddsa-jcs-2022/signedJCS.json")
        let result = try await VerificationDocuments.verifier().verifyCredential(
            bytes: Array(bytes), now: VerificationClock.now)
        #expect(!result.verified)
        #expect(result.checkNames == ["parsing", "proof", "proofController", "dataModel", "validityPeriod"])
        #expect(result.failedChecks == ["proofController"])
        #expect(result.errorSummary == ["proofController PROOF_VERIFICATION_ERROR /issuer"])
        #expect(result.warnings.isEmpty)
    }

    /// The same vector with its issuer replaced by the signing did:key no longer verifies (the issuer is
    /// signed), which shows `proofController` is not a check the signature could stand in for.
    @Test func w3cVectorWithTheSignersDIDAsIssuerFailsTheProof() async throws {
        let vector = try JSONValue(parsing: Array(try Vectors.data("w3c-vc-di-eddsa/eddsa-jcs-2022/signedJCS.json")))
        let method = try #require(vector["proof"]?["verificationMethod"]?.stringValue)
        let did = String(method.prefix { $0 != "#" })
        let edited = try VerificationPatch.setting("/issuer", to: .string(did), in: vector)
        let result = try await VerificationDocuments.verifier().verifyCredential(
            .document(edited), now: VerificationClock.now)
        #expect(result.failedChecks == ["proof"])
        #expect(result.errorSummary == ["proof PROOF_VERIFICATION_ERROR /proof"])
    }

    @Test func verifiesAtTheEdgesOfTheValidityPeriod() async throws {
        let verifier = try VerificationDocuments.verifier()
        let signed = try VerificationDocuments.signedLicense()
        let validFrom = VerificationClock.issuedAt
        let validUntil = Date(timeIntervalSince1970: 1_893_456_000)  // 2030-01-01T00:00:00Z
        for now in [validFrom, validUntil] {
            let result = try await verifier.verifyCredential(.document(signed), now: now)
            #expect(result.verified, "at \(now): \(result.errorSummary)")
        }
        for now in [validFrom.addingTimeInterval(-1), validUntil.addingTimeInterval(1)] {
            let result = try await verifier.verifyCredential(.document(signed), now: now)
            #expect(result.failedChecks == ["validityPeriod"], "at \(now)")
        }
    }

    @Test func aCredentialWithoutASchemaRunsNoSchemaCheck() async throws {
        var draft = try VerificationDocuments.licenseDraft(subject: ["id": "did:example:someone", "alumniOf": "X"])
        draft = try VerificationPatch.setting("/type/1", to: "AlumniCredential", in: draft)
        draft = try VerificationPatch.setting(
            "/@context/1", to: .string(VerificationDocuments.examplesContext), in: draft)
        guard
            case .document(let signed) = try VerificationDocuments.issuer().issue(
                draft, now: VerificationClock.issuedAt)
        else { throw VerificationPatch.Failure.badPointer("issue") }
        #expect(signed["credentialSchema"] == nil)
        let result = try await VerificationDocuments.verifier().verifyCredential(
            .document(signed), now: VerificationClock.now)
        #expect(result.verified)
        #expect(result.checkNames == ["parsing", "proof", "proofController", "dataModel", "validityPeriod"])
    }
}
