import Foundation
import MedCredService
import Testing

@Suite struct IssuerRequestValidationTests {
    static func request(
        name: String = "Clinic", slug: String? = nil, types: [String] = ["MedicalLicenseCredential"],
        jurisdiction: String = "US-CA", validUntil: Date? = nil
    ) -> IssuerRequest {
        IssuerRequest(
            name: name, slug: slug, credentialTypes: types, jurisdiction: jurisdiction, validUntil: validUntil)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let label: String
        let request: IssuerRequest
        let code: String
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(label: "empty name", request: request(name: "  "), code: "invalid-request"),
        Case(label: "long name", request: request(name: String(repeating: "a", count: 201)), code: "invalid-request"),
        Case(label: "upper-case slug", request: request(slug: "Clinic"), code: "invalid-request"),
        Case(label: "slug with space", request: request(slug: "a b"), code: "invalid-request"),
        Case(label: "long slug", request: request(slug: String(repeating: "a", count: 64)), code: "invalid-request"),
        Case(label: "name without slug characters", request: request(name: "✚✚✚"), code: "invalid-request"),
        Case(label: "no types", request: request(types: []), code: "invalid-request"),
        Case(
            label: "repeated type", request: request(types: ["MedicalLicenseCredential", "MedicalLicenseCredential"]),
            code: "invalid-request"),
        Case(label: "unknown type", request: request(types: ["licence"]), code: "unknown-credential-type"),
        Case(label: "base type", request: request(types: ["VerifiableCredential"]), code: "unknown-credential-type"),
        Case(label: "empty jurisdiction", request: request(jurisdiction: ""), code: "invalid-request"),
        Case(label: "lower-case jurisdiction", request: request(jurisdiction: "us"), code: "invalid-request"),
        Case(
            label: "expired accreditation", request: request(validUntil: AccountsFixture.start), code: "invalid-request"
        ),
    ]

    @Test(arguments: cases)
    func refusesBadRequest(_ badCase: Case) async throws {
        let fixture = try AccountsFixture()
        _ = try await fixture.accounts.bootstrap()
        do {
            _ = try await fixture.accounts.createIssuer(badCase.request)
            Issue.record("accepted \(badCase.label)")
        } catch {
            #expect(error.code == badCase.code)
        }
        #expect(try await fixture.accounts.issuers().isEmpty)
    }

    @Test func acceptsPlausibleTypesAndDerivesSlugs() async throws {
        let fixture = try AccountsFixture()
        _ = try await fixture.accounts.bootstrap()
        let account = try await fixture.accounts.createIssuer(
            Self.request(
                name: "  St. Mary's Hospital — Ward 7 ", types: ["PatientIdentityCredential", "NurseLicenseCredential"])
        )
        #expect(account.slug == "st-mary-s-hospital-ward-7")
        #expect(account.name == "St. Mary's Hospital — Ward 7")
        #expect(account.credentialTypes == ["PatientIdentityCredential", "NurseLicenseCredential"])
    }

    @Test func slugsAreUnique() async throws {
        let fixture = try AccountsFixture()
        _ = try await fixture.accounts.bootstrap()
        let first = try await fixture.accounts.createIssuer(Self.request(name: "Clinic"))
        await #expect(throws: AccountError.slugTaken("clinic")) {
            try await fixture.accounts.createIssuer(Self.request(name: "Another", slug: "clinic"))
        }
        await #expect(throws: AccountError.slugTaken("clinic")) {
            try await fixture.accounts.createIssuer(Self.request(name: "CLINIC"))
        }
        #expect(AccountError.slugTaken("clinic").code == "slug-taken")
        #expect(try await fixture.accounts.issuers() == [first])
        #expect(try await fixture.accounts.issuer(id: "iss_0000000000000000") == nil)
    }
}
