import Foundation
import MedCredCore
import MedCredCrypto
import MedCredService
import MedCredTestSupport
import Testing

/// ``CredentialService/issue(_:format:issuer:)``: ids, status entries, batches, duplicates and what is stored.
@Suite struct CredentialIssuanceTests {
    @Test func aSingleCredentialGetsAnIDTwoStatusEntriesAndVerifies() async throws {
        let fixture = try CredentialFixture()
        let service = try fixture.service()
        let issued = try single(
            try await service.issue(
                [try CredentialFixture.license()], format: .dataIntegrity,
                issuer: try CredentialFixture.signing("board")))
        #expect(issued.id.hasPrefix("urn:uuid:"))
        #expect(issued.credential["id"]?.stringValue == issued.id)
        let entries = BitstringStatusListEntry.entries(of: VerifiableCredential(json: issued.credential))
            .map { try? $0.entry.get() }
        let base = CredentialFixture.baseURL
        #expect(entries.map { $0?.statusPurpose } == [.revocation, .suspension])
        #expect(
            entries.map { $0?.statusListCredential } == [
                base + issued.record.statusListID, base + issued.record.suspensionListID,
            ])
        #expect(entries.map { $0?.statusListIndex } == [issued.record.revocationIndex, issued.record.suspensionIndex])
        #expect(issued.record.statusListID != issued.record.suspensionListID)
        #expect(issued.record.types == ["VerifiableCredential", "MedicalLicenseCredential"])
        #expect(issued.record.subjectID == DIDKey(privateKey: try CredentialFixture.key(0x22)).did.description)
        #expect(issued.record.validFrom == "2025-01-01T00:00:00Z")
        #expect(issued.record.validUntil == "2030-01-01T00:00:00Z")
        #expect(issued.record.sha256 == Hex.encode(SHA256.hash(issued.credential.jcsBytes)))
        #expect(try await service.record(id: issued.id) == issued.record)
        let result = try await CredentialFixture.verify(issued.credential, with: service)
        #expect(result.verified, "\(result.errors.map(\.problem.description))")
        #expect(result.checks.map(\.name).last == "status")
    }

    @Test func aBadDraftInABatchFailsAloneAndTheRestAreStored() async throws {
        let fixture = try CredentialFixture()
        let service = try fixture.service()
        var drafts = try (0..<5).map { _ in try CredentialFixture.license() }
        drafts[2] = try CredentialFixture.license(licenseNumber: nil)
        let results = try await service.issue(
            drafts, format: .dataIntegrity, issuer: try CredentialFixture.signing("board"))
        #expect(results.count == 5)
        let failure = try #require(results[2].failureValue)
        #expect(failure.index == 2)
        #expect(failure.code == "subject-invalid")
        let issued = results.compactMap { try? $0.get() }
        #expect(issued.count == 4)
        let stored = try await service.records(issuerID: "board", limit: 10, after: nil)
        #expect(Set(stored.map(\.id)) == Set(issued.map(\.id)))
        #expect(Set(issued.map(\.record.revocationIndex)).count == 4)
        #expect(Set(issued.map(\.record.statusListID)).count == 1)
        // Paging by id.
        let first = try await service.records(issuerID: "board", limit: 3, after: nil)
        let rest = try await service.records(issuerID: "board", limit: 3, after: first.last?.id)
        #expect((first + rest).map(\.id) == stored.map(\.id))
        #expect(try await service.records(issuerID: "clinic", limit: 10, after: nil).isEmpty)
    }

    @Test func draftsTheServiceCannotTakeAreRefusedWithTheirCode() async throws {
        let fixture = try CredentialFixture()
        let service = try fixture.service()
        let withStatus = try CredentialFixture.license().objectValue.map {
            var object = $0
            object["credentialStatus"] = ["type": "BitstringStatusListEntry"]
            return JSONValue.object(object)
        }
        let drafts: [JSONValue] = [
            "not an object", try #require(withStatus), try CredentialFixture.license(id: "urn:uuid:same"),
            try CredentialFixture.license(id: "urn:uuid:same"),
        ]
        let results = try await service.issue(
            drafts, format: .dataIntegrity, issuer: try CredentialFixture.signing("board"))
        #expect(
            results.map { $0.failureValue?.code } == [
                "invalid-credential", "credential-status-not-allowed", nil, "duplicate-id",
            ])
        #expect(results[3].failureValue?.pointer == "/id")
        let again = try await service.issue(
            [try CredentialFixture.license(id: "urn:uuid:same")], format: .jwt,
            issuer: try CredentialFixture.signing("board"))
        #expect(again.first?.failureValue?.code == "duplicate-id")
    }

    @Test func jwtCredentialsCarryStatusEntriesToo() async throws {
        let fixture = try CredentialFixture()
        let service = try fixture.service()
        let issued = try single(
            try await service.issue(
                [try CredentialFixture.license()], format: .jwt, issuer: try CredentialFixture.signing("board")))
        let jws = try #require(issued.credential.stringValue)
        #expect(issued.record.format == "jwt")
        #expect(issued.record.sha256 == Hex.encode(SHA256.hash(Array(jws.utf8))))
        let payload = try JSONValue(parsing: try Base64URL.decode(jws.split(separator: ".")[1]))
        let entries = BitstringStatusListEntry.entries(of: VerifiableCredential(json: payload))
        #expect(entries.count == 2)
        #expect(try await CredentialFixture.verify(issued.credential, with: service).verified)
        _ = try await service.updateStatus(credentialID: issued.id, issuerID: "board", action: .suspend)
        let result = try await CredentialFixture.verify(issued.credential, with: service)
        #expect(CredentialFixture.statusDetails(result) == ["suspended"])
    }

    @Test func recordsSurviveAReopenAndIndicesAreNotReused() async throws {
        let fixture = try CredentialFixture()
        let board = try CredentialFixture.signing("board")
        var service = try fixture.service()
        let before = try await service.issue(
            try (0..<20).map { _ in try CredentialFixture.license() }, format: .dataIntegrity, issuer: board
        )
        .map { try $0.get() }
        try await service.close()
        service = try fixture.service()
        for credential in before { #expect(try await service.record(id: credential.id) == credential.record) }
        let after = try await service.issue(
            try (0..<20).map { _ in try CredentialFixture.license() }, format: .dataIntegrity, issuer: board
        )
        .map { try $0.get() }
        #expect(Set(after.map(\.record.statusListID)) == Set(before.map(\.record.statusListID)))
        #expect(Set((before + after).map(\.record.revocationIndex)).count == 40)
        #expect(Set((before + after).map(\.record.suspensionIndex)).count == 40)
    }

    @Test func healthDataIsStoredOnlyWhenConfigured() async throws {
        for keep in [false, true] {
            let fixture = try CredentialFixture()
            let service = try fixture.service(storeBodies: keep)
            _ = try single(
                try await service.issue(
                    [try CredentialFixture.license()], format: .dataIntegrity,
                    issuer: try CredentialFixture.signing("board")))
            try await service.close()
            let files = try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path)
            let bytes = try files.flatMap { try Data(contentsOf: fixture.directory.appendingPathComponent($0)) }
            let found = bytes.firstRange(of: Array("Okafor".utf8)) != nil
            #expect(found == keep, "storeCredentialBodies: \(keep)")
        }
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
