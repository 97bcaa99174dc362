import MedCredCore
import Testing

/// VC Data Model 2.0 §7.2 Problem Details, https://www.w3.org/TR/vc-data-model-2.0/#problem-details, with the
/// Data Integrity and Bitstring Status List problem types.
@Suite struct CredentialProblemTests {
    @Test func dataModelTypesUseTheSpecURLs() {
        #expect(ProblemType.parsing.url == "https://www.w3.org/TR/vc-data-model#PARSING_ERROR")
        #expect(
            ProblemType.cryptographicSecurity.url == "https://www.w3.org/TR/vc-data-model#CRYPTOGRAPHIC_SECURITY_ERROR")
        #expect(ProblemType.malformedValue.url == "https://www.w3.org/TR/vc-data-model#MALFORMED_VALUE_ERROR")
        #expect(ProblemType.range.url == "https://www.w3.org/TR/vc-data-model#RANGE_ERROR")
    }

    @Test func proofAndStatusTypesUseTheirSpecsPrefixes() {
        #expect(ProblemType.proofVerification.url == "https://w3id.org/security#PROOF_VERIFICATION_ERROR")
        #expect(ProblemType.invalidChallenge.url == "https://w3id.org/security#INVALID_CHALLENGE_ERROR")
        #expect(
            ProblemType.statusListLength.url == "https://www.w3.org/ns/credentials/status-list#STATUS_LIST_LENGTH_ERROR"
        )
    }

    @Test func legacyCodesMatchTheCandidateRecommendations() {
        let codes = Dictionary(uniqueKeysWithValues: ProblemType.allCases.map { ($0.rawValue, $0.legacyCode) })
        #expect(codes["PARSING_ERROR"] == -64)
        #expect(codes["CRYPTOGRAPHIC_SECURITY_ERROR"] == -65)
        #expect(codes["MALFORMED_VALUE_ERROR"] == -66)
        #expect(codes["RANGE_ERROR"] == -67)
        #expect(codes["PROOF_GENERATION_ERROR"] == -16)
        #expect(codes["INVALID_CHALLENGE_ERROR"] == -20)
        #expect(codes["STATUS_RETRIEVAL_ERROR"] == -128)
        #expect(Set(codes.values).count == ProblemType.allCases.count, "codes are distinct")
    }

    @Test func typesAreFoundByNameOrURL() {
        for type in ProblemType.allCases {
            #expect(ProblemType(urlOrName: type.rawValue) == type)
            #expect(ProblemType(urlOrName: type.url) == type)
        }
        #expect(ProblemType(urlOrName: "https://www.w3.org/TR/vc-data-model#NOT_AN_ERROR") == nil)
        #expect(ProblemType(urlOrName: "parsing_error") == nil)
        #expect(ProblemType(urlOrName: "") == nil)
    }

    @Test func rendersRFC9457ProblemDetails() {
        let problem = CredentialProblem(
            type: .range, pointer: "/validUntil", detail: "validUntil is earlier than validFrom")
        #expect(problem.title == "Value out of range")
        #expect(
            problem.problemDetails == [
                "type": "https://www.w3.org/TR/vc-data-model#RANGE_ERROR", "title": "Value out of range",
                "detail": "validUntil is earlier than validFrom", "pointer": "/validUntil",
            ])
        #expect(problem.description == "RANGE_ERROR at /validUntil: validUntil is earlier than validFrom")
    }

    @Test func nestsUnderAnEmbeddingPointer() {
        let problem = CredentialProblem(type: .malformedValue, pointer: "/issuer", title: "Bad issuer", detail: "x")
        let nested = problem.nested(under: "/verifiableCredential/2")
        #expect(nested.pointer == "/verifiableCredential/2/issuer")
        #expect(nested.title == "Bad issuer")
        #expect(nested.type == .malformedValue)
    }

    @Test func wrapsJSONParseErrorsAsParsingErrors() {
        do {
            _ = try JSONValue(parsing: #"{"a": 1, "a": 2}"#)
            Issue.record("duplicate member names must not parse")
        } catch {
            let problem = CredentialProblem(parseError: error)
            #expect(problem.type == .parsing)
            #expect(problem.pointer == "")
            #expect(problem.description.hasPrefix("PARSING_ERROR at (document): "))
        }
    }

    @Test func detailsNeverQuoteClaimValues() throws {
        let secret = "HIV-positive"
        let credential: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
            "issuer": "did:example:clinic",
            "credentialSubject": [["id": .string(secret), "diagnosis": .string(secret)], [:]],
        ]
        let problems = VerifiableCredential.validate(credential, options: try CredentialTestContexts.verification())
        #expect(problems.count == 2)
        #expect(!problems.contains { $0.detail.contains(secret) || $0.title.contains(secret) })
    }
}
