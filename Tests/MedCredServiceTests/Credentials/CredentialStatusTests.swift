import Foundation
import MedCredCore
import MedCredService
import Testing

/// ``CredentialService/updateStatus(credentialID:issuerID:action:)`` and the signed status lists: suspend,
/// reinstate, revoke (final), ownership, and when lists are signed again.
@Suite struct CredentialStatusTests {
    static func issue(_ service: CredentialService, count: Int = 1) async throws -> [IssuedCredential] {
        try await service.issue(
            try (0..<count).map { _ in try CredentialFixture.license() }, format: .dataIntegrity,
            issuer: try CredentialFixture.signing("board")
        ).map { try $0.get() }
    }

    @Test func suspendReinstateAndRevokeShowInTheListsAndInVerification() async throws {
        let fixture = try CredentialFixture()
        let service = try fixture.service()
        let issued = try #require(try await Self.issue(service).first)
        let record = issued.record

        let suspended = try await service.updateStatus(credentialID: issued.id, issuerID: "board", action: .suspend)
        #expect(suspended.suspended && !suspended.revoked)
        let suspensionList = try await service.statusListCredential(listID: record.suspensionListID)
        #expect(try CredentialFixture.bits(of: suspensionList)[record.suspensionIndex])
        #expect(try CredentialFixture.bits(of: suspensionList).count >= 131_072)
        var result = try await CredentialFixture.verify(issued.credential, with: service)
        #expect(result.failedChecks == ["status"])
        #expect(CredentialFixture.statusDetails(result) == ["suspended"])

        _ = try await service.updateStatus(credentialID: issued.id, issuerID: "board", action: .reinstate)
        let cleared = try await service.statusListCredential(listID: record.suspensionListID)
        #expect(try !CredentialFixture.bits(of: cleared)[record.suspensionIndex])
        result = try await CredentialFixture.verify(issued.credential, with: service)
        #expect(result.verified, "\(result.errors.map(\.problem.description))")

        let revoked = try await service.updateStatus(credentialID: issued.id, issuerID: "board", action: .revoke)
        #expect(revoked.revoked)
        let revocationList = try await service.statusListCredential(listID: record.statusListID)
        #expect(try CredentialFixture.bits(of: revocationList)[record.revocationIndex])
        result = try await CredentialFixture.verify(issued.credential, with: service)
        #expect(CredentialFixture.statusDetails(result) == ["revoked"])

        await #expect(throws: CredentialServiceError.credentialRevoked(issued.id)) {
            try await service.updateStatus(credentialID: issued.id, issuerID: "board", action: .reinstate)
        }
        await #expect(throws: CredentialServiceError.credentialRevoked(issued.id)) {
            try await service.updateStatus(credentialID: issued.id, issuerID: "board", action: .suspend)
        }
        #expect(try await service.record(id: issued.id)?.revoked == true)
        #expect(CredentialServiceError.credentialRevoked(issued.id).code == "credential-revoked")
    }

    @Test func onlyTheIssuerMayChangeACredential() async throws {
        let fixture = try CredentialFixture()
        let service = try fixture.service()
        let issued = try #require(try await Self.issue(service).first)
        await #expect(throws: CredentialServiceError.notYourCredential(issued.id)) {
            try await service.updateStatus(credentialID: issued.id, issuerID: "clinic", action: .revoke)
        }
        await #expect(throws: CredentialServiceError.credentialNotFound("urn:uuid:none")) {
            try await service.updateStatus(credentialID: "urn:uuid:none", issuerID: "board", action: .revoke)
        }
        await #expect(throws: CredentialServiceError.statusListNotFound("nope")) {
            try await service.statusListCredential(listID: "nope")
        }
        #expect(try await service.record(id: issued.id)?.revoked == false)
        #expect(CredentialServiceError.notYourCredential("x").code == "not-your-credential")
    }

    @Test func theListIsASignedBitstringStatusListCredential() async throws {
        let fixture = try CredentialFixture()
        let service = try fixture.service()
        let issued = try #require(try await Self.issue(service).first)
        let list = try await service.statusListCredential(listID: issued.record.statusListID)
        let document = try JSONValue(parsing: list.json)
        #expect(document == list.document)
        #expect(document["id"]?.stringValue == CredentialFixture.baseURL + issued.record.statusListID)
        #expect(document["issuer"]?.stringValue == issued.credential["issuer"]?.stringValue)
        // Backdated by the leeway, so a verification that read its clock just before a lazy signing accepts it.
        #expect(document["validFrom"]?.stringValue == "2024-12-31T23:59:00Z")
        #expect(document["credentialSubject"]?["statusPurpose"]?.stringValue == "revocation")
        #expect(document["credentialSubject"]?["ttl"]?.doubleValue == Double(list.ttlSeconds * 1000))
        #expect(document["proof"]?["cryptosuite"]?.stringValue == "eddsa-jcs-2022")
        #expect(list.issuerID == "board")
        #expect(try CredentialFixture.bits(of: list).count == 131_072)
        let verifier = CredentialVerifier(resolver: DIDKeyResolver(), contexts: try CredentialFixture.contexts())
        #expect(try await verifier.verifyCredential(.document(document), now: CredentialFixture.verifiedAt).verified)
    }

    @Test func theETagChangesOnlyWhenTheListChanges() async throws {
        let fixture = try CredentialFixture()
        var service = try fixture.service()
        let issued = try await Self.issue(service, count: 2)
        let listID = issued[0].record.suspensionListID
        let first = try await service.statusListCredential(listID: listID)
        let again = try await service.statusListCredential(listID: listID)
        #expect(again.etag == first.etag && again.json == first.json)

        _ = try await service.updateStatus(credentialID: issued[0].id, issuerID: "board", action: .suspend)
        let changed = try await service.statusListCredential(listID: listID)
        #expect(changed.etag != first.etag)
        _ = try await service.updateStatus(credentialID: issued[0].id, issuerID: "board", action: .suspend)
        #expect(try await service.statusListCredential(listID: listID).etag == changed.etag)
        // Changing the other list leaves this one alone.
        _ = try await service.updateStatus(credentialID: issued[1].id, issuerID: "board", action: .revoke)
        #expect(try await service.statusListCredential(listID: listID).etag == changed.etag)

        try await service.close()
        service = try fixture.service()
        let reopened = try await service.statusListCredential(listID: listID)
        #expect(reopened.etag == changed.etag && reopened.json == changed.json)
    }
}
