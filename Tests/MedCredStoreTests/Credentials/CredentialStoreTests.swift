import Foundation
import MedCredStore
import Testing

/// ``CredentialStore`` on real SQLite: atomic batches, unique status indices, status versions and paging.
@Suite struct CredentialStoreTests {
    final class TemporaryDatabase {
        let directory: URL
        var path: String { directory.appendingPathComponent("credentials.sqlite").path }

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "medcred-credential-store-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: directory) }
    }

    static func record(_ number: Int, issuer: String = "board", list: String = "r1", index: Int? = nil)
        -> StoredCredential
    {
        StoredCredential(
            id: "urn:example:\(number)", issuerID: issuer, types: ["VerifiableCredential", "Example"],
            subjectID: "did:example:\(number)", revocationListID: list, revocationIndex: index ?? number,
            suspensionListID: list + "-s", suspensionIndex: index ?? number, sha256: String(repeating: "ab", count: 32),
            validFrom: "2025-01-01T00:00:00Z", validUntil: nil, issuedAt: Date(timeIntervalSince1970: 1_735_689_600),
            format: "di", revoked: false, suspended: false, body: nil)
    }

    @Test func recordsRoundTripAndSurviveReopening() async throws {
        let database = try TemporaryDatabase()
        var store = try CredentialStore(path: database.path)
        let records = (0..<3).map { Self.record($0) }
        try await store.insert(records)
        try store.close()
        store = try CredentialStore(path: database.path)
        for record in records { #expect(try await store.credential(id: record.id) == record) }
        #expect(try await store.credential(id: "urn:example:none") == nil)
        #expect(try await store.existingIDs(among: ["urn:example:1", "urn:example:9"]) == ["urn:example:1"])
    }

    @Test func aBatchWithAReusedIndexStoresNothing() async throws {
        let database = try TemporaryDatabase()
        let store = try CredentialStore(path: database.path)
        try await store.insert([Self.record(0)])
        await #expect(throws: StoreError.self) {
            try await store.insert([Self.record(1), Self.record(2, index: 0)])
        }
        #expect(try await store.credential(id: "urn:example:1") == nil)
        await #expect(throws: StoreError.self) { try await store.insert([Self.record(0, index: 5)]) }
    }

    @Test func statusChangesBumpTheVersionOfTheChangedListOnly() async throws {
        let database = try TemporaryDatabase()
        let store = try CredentialStore(path: database.path)
        try await store.insert([Self.record(0), Self.record(1)])
        #expect(try await store.statusList(id: "r1")?.version == 0)
        #expect(try await store.statusList(id: "r1")?.isRevocation == true)
        #expect(try await store.statusList(id: "r1-s")?.isRevocation == false)
        #expect(try await store.statusList(id: "unknown") == nil)

        let suspended = try await store.setStatus(id: "urn:example:1", revoked: false, suspended: true)
        #expect(suspended?.suspended == true)
        #expect(try await store.statusList(id: "r1-s")?.version == 1)
        #expect(try await store.statusList(id: "r1")?.version == 0)
        _ = try await store.setStatus(id: "urn:example:1", revoked: false, suspended: true)
        #expect(try await store.statusList(id: "r1-s")?.version == 1)
        #expect(try await store.setIndices(listID: "r1-s", revocation: false) == [1])
        #expect(try await store.setIndices(listID: "r1", revocation: true) == [])
        #expect(try await store.setStatus(id: "urn:example:none", revoked: true, suspended: false) == nil)

        let signed = SignedStatusList(
            version: 1, json: Array("{}".utf8), etag: "\"e\"", signedAt: Date(timeIntervalSince1970: 5))
        try await store.saveSigned(signed, listID: "r1-s")
        #expect(try await store.statusList(id: "r1-s")?.signed == signed)
        #expect(try await store.statusList(id: "r1-s")?.version == 1)
    }

    @Test func openListFindsANonFullListWithItsUsedIndices() async throws {
        let database = try TemporaryDatabase()
        let store = try CredentialStore(path: database.path)
        try await store.insert((0..<3).map { Self.record($0, index: $0 * 7) })
        let open = try await store.openList(issuerID: "board", revocation: true, capacity: 10)
        #expect(open?.listID == "r1")
        #expect(open.map { Set($0.usedIndices) } == [0, 7, 14])
        #expect(try await store.openList(issuerID: "board", revocation: true, capacity: 3) == nil)
        #expect(try await store.openList(issuerID: "clinic", revocation: false, capacity: 10) == nil)
    }

    @Test func pagesOfAnIssuersRecordsFollowTheID() async throws {
        let database = try TemporaryDatabase()
        let store = try CredentialStore(path: database.path)
        try await store.insert((0..<5).map { Self.record($0) } + [Self.record(9, issuer: "clinic", list: "c1")])
        let first = try await store.credentials(issuerID: "board", limit: 2, after: nil)
        let second = try await store.credentials(issuerID: "board", limit: 10, after: first.last?.id)
        #expect(first.map(\.id) == ["urn:example:0", "urn:example:1"])
        #expect(second.map(\.id) == ["urn:example:2", "urn:example:3", "urn:example:4"])
    }
}
