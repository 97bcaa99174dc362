import Foundation
import MedCredStore
import Testing

@Suite struct AccountStoreTests {
    final class TemporaryStore {
        let directory: URL
        var path: String { directory.appendingPathComponent("accounts.sqlite").path }
        private(set) var store: AccountStore

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "medcred-store-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            store = try AccountStore(path: directory.appendingPathComponent("accounts.sqlite").path)
        }

        deinit { try? FileManager.default.removeItem(at: directory) }

        func reopen() throws {
            try store.close()
            store = try AccountStore(path: path)
        }
    }

    static let created = Date(timeIntervalSince1970: 1_767_225_600)

    static func key(_ id: String, owner: String = "iss_1", purpose: String = "assertion") -> VaultKeyRecord {
        VaultKeyRecord(
            id: id, owner: owner, purpose: purpose, publicKeyMultibase: "z6Mk" + id, sealedSecret: [1, 2, 3],
            createdAt: created)
    }

    static func account(_ id: String = "iss_1", slug: String? = "clinic", did: String = "did:webvh:x:a.example")
        -> AccountRecord
    {
        AccountRecord(
            id: id, kind: .issuer, name: "Clinic", slug: slug, did: did, credentialTypes: ["A", "BCredential"],
            jurisdiction: "US", createdAt: created, verificationMethod: did + "#key-1", keyVersion: 1,
            updateKeyID: "k1", nextKeyID: "k2", assertionKeyID: "k3", pendingEntry: "{}", accreditationID: "urn:a",
            isComplete: false)
    }

    @Test func storesAccountsWithKeysAndAccreditationAtomically() async throws {
        let fixture = try TemporaryStore()
        let entry = AccreditationEntryRecord(
            id: "urn:a", kind: .accreditation, accreditationID: "urn:a", issuer: "did:webvh:x:a.example", json: "{}",
            ledgerIndex: nil)
        try await fixture.store.insert(
            Self.account(), keys: [Self.key("k1"), Self.key("k2"), Self.key("k3")], accreditation: entry)
        // A second account whose slug is taken leaves nothing behind, not even its keys.
        await #expect(throws: AccountStoreError.slugTaken("clinic")) {
            try await fixture.store.insert(
                Self.account("iss_2", did: "did:webvh:y:a.example"), keys: [Self.key("k9", owner: "iss_2")])
        }
        #expect(try await fixture.store.key(id: "k9") == nil)
        try fixture.reopen()
        #expect(try await fixture.store.account(id: "iss_1") == Self.account())
        #expect(try await fixture.store.keys(owner: "iss_1").map(\.id) == ["k1", "k2", "k3"])
        #expect(try await fixture.store.pendingAccreditationEntries() == [entry])
        try await fixture.store.setLedgerIndex(7, forEntry: "urn:a")
        #expect(try await fixture.store.pendingAccreditationEntries().isEmpty)
        #expect(try await fixture.store.accreditationEntries(issuer: "did:webvh:x:a.example").first?.ledgerIndex == 7)
        try await fixture.store.completeAccount(id: "iss_1")
        let complete = try #require(try await fixture.store.account(id: "iss_1"))
        #expect(complete.isComplete && complete.pendingEntry == nil)
        await #expect(throws: AccountStoreError.accountNotFound("nope")) {
            try await fixture.store.completeAccount(id: "nope")
        }
    }

    @Test func rotationRetiresReplacedKeys() async throws {
        let fixture = try TemporaryStore()
        try await fixture.store.insert(Self.account(), keys: [Self.key("k1"), Self.key("k2"), Self.key("k3")])
        try await fixture.store.beginRotation(
            accountID: "iss_1", keys: [Self.key("k4"), Self.key("k5", purpose: "next-update")],
            pendingEntry: "{\"v\":2}")
        #expect(try await fixture.store.account(id: "iss_1")?.pendingEntry == "{\"v\":2}")
        var account = Self.account()
        account.keyVersion = 2
        account.verificationMethod = account.did + "#key-2"
        account.updateKeyID = "k2"
        account.nextKeyID = "k5"
        account.assertionKeyID = "k4"
        let retiredAt = Self.created.addingTimeInterval(60)
        try await fixture.store.finishRotation(account, retiring: ["k1", "k3"], retiredAt: retiredAt)
        let stored = try #require(try await fixture.store.account(id: "iss_1"))
        #expect(stored.keyVersion == 2 && stored.assertionKeyID == "k4" && stored.pendingEntry == nil)
        #expect(try await fixture.store.key(id: "k1")?.retiredAt == retiredAt)
        #expect(try await fixture.store.key(id: "k3")?.retiredAt == retiredAt)
        #expect(try await fixture.store.key(id: "k2")?.purpose == "update")
        #expect(try await fixture.store.key(id: "k4")?.retiredAt == nil)
    }

    @Test func vaultCheckIsWrittenOnce() throws {
        let fixture = try TemporaryStore()
        #expect(try fixture.store.vaultCheck(insertingIfAbsent: [1, 2]) == [1, 2])
        try fixture.reopen()
        #expect(try fixture.store.vaultCheck(insertingIfAbsent: [3, 4]) == [1, 2])
    }

    @Test func keyDescriptionShowsNoSealedBytes() {
        #expect(Self.key("k1").description == "VaultKeyRecord(k1, assertion, z6Mkk1)")
    }
}
