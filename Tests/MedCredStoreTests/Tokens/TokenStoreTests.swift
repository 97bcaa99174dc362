import Foundation
import MedCredStore
import Testing

/// The token store keeps hashed tokens durably, revokes without deleting, and rotates in one transaction.
@Suite struct TokenStoreTests {
    private static let start = Date(timeIntervalSince1970: 1_735_689_600)

    private static func record(_ id: String, scope: String = "admin", at offset: Double = 0) -> TokenRecord {
        TokenRecord(
            id: id, scope: scope, label: "label \(id)", secretHash: [UInt8](repeating: UInt8(id.count), count: 32),
            createdAt: start.addingTimeInterval(offset))
    }

    @Test func keepsTokensAndRevocationsAcrossReopening() async throws {
        let directory = try TemporaryLedger()
        let path = directory.directory.appendingPathComponent("tokens.sqlite").path
        let store = try TokenStore(path: path)
        try await store.insert(Self.record("a"))
        try await store.insert(Self.record("bb", scope: "issuer:acme", at: 1))
        #expect(try await store.revoke(id: "a", at: Self.start.addingTimeInterval(5)))
        #expect(try await store.revoke(id: "a", at: Self.start.addingTimeInterval(9)))
        #expect(try await store.revoke(id: "missing", at: Self.start) == false)
        try await store.recordUsage(["bb": Self.start.addingTimeInterval(7)])
        try store.close()

        let reopened = try TokenStore(path: path)
        var revoked = Self.record("a")
        revoked.revokedAt = Self.start.addingTimeInterval(5)
        var used = Self.record("bb", scope: "issuer:acme", at: 1)
        used.lastUsedAt = Self.start.addingTimeInterval(7)
        #expect(try reopened.allRecords() == [revoked, used])
    }

    @Test func rotationRevokesOnlyTheLiveTokensOfTheScope() async throws {
        let directory = try TemporaryLedger()
        let store = try TokenStore(path: directory.directory.appendingPathComponent("tokens.sqlite").path)
        try await store.insert(Self.record("a", scope: "issuer:acme"))
        try await store.insert(Self.record("bb", scope: "issuer:other"))
        let revoked = try await store.insert(
            Self.record("ccc", scope: "issuer:acme", at: 3), revokingLiveTokensOfScope: true)
        #expect(revoked == ["a"])
        let records = try store.allRecords()
        #expect(records.map(\.id) == ["a", "bb", "ccc"])
        #expect(records.map(\.isRevoked) == [true, false, false])
    }

    @Test func refusesADuplicateIDAndAShortHash() async throws {
        let directory = try TemporaryLedger()
        let store = try TokenStore(path: directory.directory.appendingPathComponent("tokens.sqlite").path)
        try await store.insert(Self.record("a"))
        await #expect(throws: StoreError.self) { try await store.insert(Self.record("a")) }
        let short = TokenRecord(id: "s", scope: "admin", label: "", secretHash: [1, 2], createdAt: Self.start)
        await #expect(throws: StoreError.self) { try await store.insert(short) }
        #expect(try store.allRecords().count == 1)
    }

    @Test func descriptionNamesNoSecretHash() {
        #expect(Self.record("a").description == "TokenRecord(a, admin)")
    }
}
