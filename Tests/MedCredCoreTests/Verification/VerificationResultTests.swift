import Foundation
import MedCredCore
import Testing

/// ``VerificationResult`` and its VC-API body, `{verified, checks, warnings, errors}`
/// (https://w3c-ccg.github.io/vc-api/#verify-credential), with RFC 9457 problem details.
@Suite struct VerificationResultTests {
    static let expiredProblem = CredentialProblem(
        type: .range, pointer: "/validUntil", detail: "the credential expired at 2025-03-01T00:00:00Z")
    static let schemaWarning = CredentialProblem(
        type: .malformedValue, pointer: "/credentialSchema", title: "Schema not checked", detail: "unknown schema")

    @Test func anEmptyResultIsNotVerified() {
        let result = VerificationResult()
        #expect(!result.verified)
        #expect(result.checks.isEmpty)
        #expect(result.errors.isEmpty)
        #expect(result.failedChecks.isEmpty)
        #expect(result.json == ["verified": false, "checks": [], "warnings": [], "errors": []])
    }

    @Test func passedChecksVerify() {
        var result = VerificationResult()
        result.record(.parsing)
        result.record(.proof)
        #expect(result.verified)
        #expect(result.checkNames == ["parsing", "proof"])
        #expect(result.checks.allSatisfy { $0.passed })
    }

    @Test func oneFailedCheckFailsTheResult() {
        var result = VerificationResult()
        result.record(.parsing)
        result.record(.validityPeriod, problems: [Self.expiredProblem])
        result.record("status")
        #expect(!result.verified)
        #expect(result.failedChecks == ["validityPeriod"])
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.check == "validityPeriod")
        #expect(result.errors.first?.problem == Self.expiredProblem)
    }

    @Test func warningsDoNotFailTheResult() {
        var result = VerificationResult()
        result.record(.schema)
        result.warn(Self.schemaWarning)
        #expect(result.verified)
        #expect(result.warnings == [Self.schemaWarning])
    }

    @Test func theCheckNamesAreTheSpecNames() {
        #expect(
            VerificationCheck.allCases.map(\.rawValue) == [
                "parsing", "dataModel", "proof", "proofController", "validityPeriod", "schema",
            ])
    }

    @Test func mergeNestsPointersAndNames() {
        var inner = VerificationResult()
        inner.record(.proof)
        inner.record(.validityPeriod, problems: [Self.expiredProblem])
        inner.warn(Self.schemaWarning)
        var outer = VerificationResult()
        outer.record(.parsing)
        outer.merge(inner, under: "/verifiableCredential/2", namePrefix: "verifiableCredential[2].")
        #expect(
            outer.checkNames == ["parsing", "verifiableCredential[2].proof", "verifiableCredential[2].validityPeriod"])
        #expect(outer.errors.first?.problem.pointer == "/verifiableCredential/2/validUntil")
        #expect(outer.warnings.first?.pointer == "/verifiableCredential/2/credentialSchema")
        #expect(!outer.verified)
    }

    @Test func theJSONBodyHasTheVCAPIShape() {
        var result = VerificationResult()
        result.record(.parsing)
        result.record(.validityPeriod, problems: [Self.expiredProblem])
        result.warn(Self.schemaWarning)
        let expected: JSONValue = [
            "verified": false,
            "checks": ["parsing", "validityPeriod"],
            "warnings": [
                [
                    "type": "https://www.w3.org/TR/vc-data-model#MALFORMED_VALUE_ERROR", "title": "Schema not checked",
                    "detail": "unknown schema", "pointer": "/credentialSchema",
                ]
            ],
            "errors": [
                [
                    "type": "https://www.w3.org/TR/vc-data-model#RANGE_ERROR", "title": "Value out of range",
                    "detail": "the credential expired at 2025-03-01T00:00:00Z", "pointer": "/validUntil",
                    "check": "validityPeriod",
                ]
            ],
        ]
        #expect(result.json == expected)
        #expect(result.json.objectValue?.names == ["verified", "checks", "warnings", "errors"])
    }

    @Test func theJSONBodyOfAVerifiedCredential() async throws {
        let result = try await VerificationDocuments.verifier().verifyCredential(
            .document(try VerificationDocuments.signedLicense()), now: VerificationClock.now)
        let expected: JSONValue = [
            "verified": true, "checks": .array(allCredentialChecks.map { .string($0) }), "warnings": [], "errors": [],
        ]
        #expect(result.json == expected)
    }

    @Test func theJSONBodyOfAProofFailureUsesTheSecurityVocabulary() async throws {
        let presentation = try PresentationVerificationTests.signed(try PresentationVerificationTests.presentation())
        let result = try await VerificationDocuments.verifier().verifyPresentation(
            .document(presentation), challenge: "c-other", domain: nil, now: VerificationClock.now)
        let error = try #require(result.json["errors"]?[0])
        #expect(error["type"] == "https://w3id.org/security#INVALID_CHALLENGE_ERROR")
        #expect(error["check"] == "proof")
        #expect(error["pointer"] == "/proof")
        #expect(error["title"] == "Proof challenge mismatch")
        #expect(result.json["verified"] == false)
    }

    /// Problem details never quote claim values (STYLE.md §4): a failed schema check names the member only.
    @Test func theJSONBodyDoesNotQuoteSubjectValues() async throws {
        let credential = try VerificationPatch.setting(
            "/credentialSubject/licenseNumber", to: "SECRET LICENCE 42!",
            in: try VerificationDocuments.completedLicense())
        let result = try await VerificationDocuments.verifier().verifyCredential(
            .document(try VerificationDocuments.sign(credential)), now: VerificationClock.now)
        #expect(result.failedChecks == ["schema"])
        #expect(!result.json.serialized().contains("SECRET"))
    }
}
