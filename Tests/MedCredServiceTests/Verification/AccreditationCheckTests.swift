import Foundation
import MedCredCore
import MedCredCrypto
import MedCredLedger
import MedCredService
import Testing

/// The `accreditation` check on a licence (issued 2025-01-01, jurisdiction US-CA) by board 0x11, against
/// accreditation entries signed by trust root 0x31.
@Suite struct AccreditationCheckTests {
    static func accreditation(
        id: String = "urn:uuid:1", issuer: UInt8 = 0x11, types: [String] = ["MedicalLicenseCredential"],
        jurisdiction: String = "US", from: String = "2024-01-01T00:00:00Z", signer: UInt8 = 0x31
    ) throws -> AccreditationRegistry.Entry {
        let signed = try Accreditation.sign(
            id: id, issuer: try DID(parsing: try LoginFixture.did(issuer)), credentialTypes: types,
            jurisdiction: jurisdiction, validFrom: try XSDDateTime(parsing: from), validUntil: nil,
            signer: Ed25519Signer(didKey: try BitstringStatusCheckTests.key(signer)),
            created: try XSDDateTime(parsing: from))
        return AccreditationRegistry.Entry(index: 0, json: signed.json)
    }

    static func problems(_ entries: [AccreditationRegistry.Entry]) async throws -> [String] {
        let check = AccreditationCheck(
            registry: AccreditationRegistry(
                trustRoots: [try DID(parsing: try LoginFixture.did(0x31))], resolver: DIDKeyResolver()),
            source: LoginFixture.Accreditations(all: entries))
        let licence = VerifiableCredential(json: try LoginFixture.license())
        return try await check.check(licence, now: LoginFixture.now).problems.map(\.detail)
    }

    @Test func aCountryAccreditationCoversTheSubjectsState() async throws {
        #expect(try await Self.problems([try Self.accreditation()]).isEmpty)
    }

    @Test func refusesAnotherJurisdictionTypeRootOrALaterStart() async throws {
        #expect(try await Self.problems([try Self.accreditation(jurisdiction: "US-NY")]).count == 1)
        #expect(try await Self.problems([try Self.accreditation(types: ["PatientIdentityCredential"])]).count == 1)
        #expect(try await Self.problems([try Self.accreditation(signer: 0x32)]).count == 1)
        #expect(try await Self.problems([try Self.accreditation(from: "2025-02-01T00:00:00Z")]).count == 1)
        #expect(try await Self.problems([]).count == 1)
    }

    @Test func aWithdrawalBeforeIssuanceRefuses() async throws {
        let withdrawal = try AccreditationWithdrawal.sign(
            accreditation: "urn:uuid:1", withdrawnAt: try XSDDateTime(parsing: "2024-06-01T00:00:00Z"),
            signer: Ed25519Signer(didKey: try BitstringStatusCheckTests.key(0x31)),
            created: try XSDDateTime(parsing: "2024-06-01T00:00:00Z"))
        let entries = [try Self.accreditation(), AccreditationRegistry.Entry(index: 1, json: withdrawal.json)]
        #expect(try await Self.problems(entries).first?.hasSuffix("the accreditation was withdrawn") == true)
    }
}
