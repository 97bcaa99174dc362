import Foundation
import MedCredCore
import Testing

/// The issuer refuses a `MedicalLicenseCredential` whose subject fails `schemas/MedicalLicenseCredential/v1.json`
/// `$defs/subject`, and each violation names the field (W3C VC JSON Schema; STYLE.md §4).
@Suite struct CredentialIssuerSubjectTests {
    /// A subject edit and the violations it must produce, as `instanceLocation keyword`.
    struct BadSubject: Sendable, CustomTestStringConvertible {
        let name: String
        let edit: @Sendable (JSONValue) throws -> JSONValue
        let want: [String]
        /// A field the message must name when the location is the subject itself (a missing member).
        let named: String?

        var testDescription: String { name }

        static func set(_ name: String, _ path: String, _ value: JSONValue, _ want: [String]) -> BadSubject {
            BadSubject(
                name: name, edit: { try VerificationPatch.setting(path, to: value, in: $0) }, want: want, named: nil)
        }

        static func remove(_ name: String, _ path: String, _ want: [String], named: String) -> BadSubject {
            BadSubject(name: name, edit: { try VerificationPatch.removing(path, in: $0) }, want: want, named: named)
        }
    }

    static let cases: [BadSubject] = [
        .remove("missing-license-number", "/licenseNumber", [" required"], named: "licenseNumber"),
        .remove("missing-id", "/id", [" required"], named: "id"),
        .remove("missing-licensee", "/licensee", [" required"], named: "licensee"),
        .remove("missing-jurisdiction", "/jurisdiction", [" required"], named: "jurisdiction"),
        .remove(
            "missing-original-licensure-date", "/originalLicensureDate", [" required"], named: "originalLicensureDate"),
        .remove("licensee-without-family-name", "/licensee/familyName", ["/licensee required"], named: "familyName"),
        .remove("board-without-name", "/licensingBoard/name", ["/licensingBoard required"], named: "name"),
        .set("profession-wizard", "/profession", "wizard", ["/profession enum"]),
        .set("profession-capitalised", "/profession", "Physician", ["/profession enum"]),
        .set("jurisdiction-name", "/jurisdiction", "California", ["/jurisdiction pattern"]),
        .set("jurisdiction-lower-case", "/jurisdiction", "us-ca", ["/jurisdiction pattern"]),
        .set("license-number-with-space", "/licenseNumber", "MD 12345", ["/licenseNumber pattern"]),
        .set("license-number-number", "/licenseNumber", 12345, ["/licenseNumber type"]),
        .set("id-https", "/id", "https://clinic.example/people/1", ["/id pattern"]),
        .set("id-did-url", "/id", "did:example:clinician#key-1", ["/id pattern"]),
        .set("licensure-date-month-13", "/originalLicensureDate", "2014-13-01", ["/originalLicensureDate format"]),
        .set(
            "licensure-date-datetime", "/originalLicensureDate", "2014-07-01T00:00:00Z",
            ["/originalLicensureDate format"]),
        .set("extra-member", "/diagnosis", "none", ["/diagnosis additionalProperties"]),
        .set(
            "licensee-extra-member", "/licensee/birthDate", "1980-01-01", ["/licensee/birthDate additionalProperties"]),
        .set(
            "board-extra-member", "/licensingBoard/address", "Sacramento",
            ["/licensingBoard/address additionalProperties"]),
        .set("board-id-http", "/licensingBoard/id", "http://board.example", ["/licensingBoard/id pattern"]),
        .set("specialty-empty-list", "/specialty", [], ["/specialty anyOf"]),
        .set("licensee-a-string", "/licensee", "Adaeze Okafor", ["/licensee type"]),
    ]

    static func draft(_ badSubject: BadSubject) throws -> JSONValue {
        let subject = try badSubject.edit(try VerificationDocuments.licenseSubject())
        return try VerificationDocuments.licenseDraft(subject: subject)
    }

    @Test(arguments: cases)
    func refusesTheSubjectNamingTheField(_ badSubject: BadSubject) throws {
        let issuer = try VerificationDocuments.issuer()
        let draft = try Self.draft(badSubject)
        let error = #expect(throws: IssuanceError.self) {
            try issuer.complete(draft, now: VerificationClock.issuedAt)
        }
        guard case .subjectInvalid(let type, let violations) = error else {
            Issue.record("not subjectInvalid: \(String(describing: error))")
            return
        }
        #expect(type == "MedicalLicenseCredential")
        #expect(violations.map { "\($0.instanceLocation) \($0.keyword)" } == badSubject.want)
        if let named = badSubject.named {
            #expect(violations.first?.message.contains(named) == true, "\(violations)")
        }
    }

    @Test(arguments: cases)
    func refusesTheSubjectInEveryFormat(_ badSubject: BadSubject) throws {
        let issuer = try VerificationDocuments.issuer()
        let draft = try Self.draft(badSubject)
        for format in CredentialIssuer.Format.allCases {
            let error = #expect(throws: IssuanceError.self, "\(format)") {
                try issuer.issue(draft, format: format, now: VerificationClock.issuedAt)
            }
            guard case .subjectInvalid = error else {
                Issue.record("\(format): \(String(describing: error))")
                continue
            }
        }
    }

    @Test func reportsEveryViolation() throws {
        var subject = try VerificationDocuments.licenseSubject()
        subject = try VerificationPatch.setting("/profession", to: "wizard", in: subject)
        subject = try VerificationPatch.setting("/jurisdiction", to: "California", in: subject)
        subject = try VerificationPatch.removing("/licenseNumber", in: subject)
        let draft = try VerificationDocuments.licenseDraft(subject: subject)
        let issuer = try VerificationDocuments.issuer()
        let error = #expect(throws: IssuanceError.self) { try issuer.complete(draft, now: VerificationClock.issuedAt) }
        guard case .subjectInvalid(_, let violations) = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(Set(violations.map(\.instanceLocation)) == ["", "/profession", "/jurisdiction"])
    }

    @Test func refusesAMissingSubject() throws {
        let draft = try VerificationDocuments.licenseDraft().removingMember("credentialSubject")
        let issuer = try VerificationDocuments.issuer()
        let error = #expect(throws: IssuanceError.self) { try issuer.complete(draft, now: VerificationClock.issuedAt) }
        guard case .subjectInvalid(let type, let violations) = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(type == "MedicalLicenseCredential")
        #expect(violations.map(\.keyword) == ["required"])
    }

    @Test func refusesASubjectArray() throws {
        let draft = try VerificationDocuments.licenseDraft(subject: [try VerificationDocuments.licenseSubject()])
        let issuer = try VerificationDocuments.issuer()
        let error = #expect(throws: IssuanceError.self) { try issuer.complete(draft, now: VerificationClock.issuedAt) }
        guard case .subjectInvalid(_, let violations) = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(violations.map { "\($0.instanceLocation) \($0.keyword)" } == [" type"])
    }

    @Test func acceptsEveryOptionalMember() async throws {
        var subject = try VerificationDocuments.licenseSubject()
        subject = try VerificationPatch.setting("/specialty", to: ["Cardiology", "Internal Medicine"], in: subject)
        subject = try VerificationPatch.setting("/licenseClass", to: "full", in: subject)
        subject = try VerificationPatch.setting("/scope", to: "Unrestricted practice of medicine", in: subject)
        subject = try VerificationPatch.setting("/licensingBoard/id", to: "did:web:mbc.ca.gov", in: subject)
        subject = try VerificationPatch.setting("/licensee/honorificPrefix", to: "Dr.", in: subject)
        let secured = try VerificationDocuments.issuer().issue(
            try VerificationDocuments.licenseDraft(subject: subject), now: VerificationClock.issuedAt)
        let result = try await VerificationDocuments.verifier().verifyCredential(secured, now: VerificationClock.now)
        #expect(result.verified, "\(result.errorSummary)")
    }

    /// The error names fields, never the values a clinician's record holds (STYLE.md §4).
    @Test func theDescriptionNamesFieldsNotValues() throws {
        var subject = try VerificationDocuments.licenseSubject()
        subject = try VerificationPatch.setting("/profession", to: "wizard", in: subject)
        subject = try VerificationPatch.setting("/licenseNumber", to: "SECRET 42", in: subject)
        let draft = try VerificationDocuments.licenseDraft(subject: subject)
        let issuer = try VerificationDocuments.issuer()
        let error = #expect(throws: IssuanceError.self) { try issuer.complete(draft, now: VerificationClock.issuedAt) }
        let description = error.map { "\($0)" } ?? ""
        #expect(description.contains("/profession"))
        #expect(description.contains("/licenseNumber"))
        #expect(!description.contains("wizard"))
        #expect(!description.contains("SECRET"))
    }
}
