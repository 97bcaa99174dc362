import Foundation
import MedCredCore
import MedCredCrypto
import MedCredLedger
import MedCredService
import MedCredStore
import Testing

@Suite struct AccreditationTests {
    static func check(_ fixture: AccountsFixture, issuer: DID, type: String = "MedicalLicenseCredential")
        async throws -> AccreditationRegistry.Answer
    {
        let root = try DID(parsing: try await fixture.accounts.serviceIdentity().did)
        return try await AccreditationRegistry(trustRoots: [root], resolver: fixture.resolver).check(
            issuer: issuer, credentialType: type, jurisdiction: "RU-RT", at: XSDDateTime(fixture.clock.now),
            entries: try await fixture.accounts.accreditationEntries(issuer: issuer))
    }

    @Test func withdrawnAccreditationNoLongerPasses() async throws {
        let fixture = try AccountsFixture()
        _ = try await fixture.accounts.bootstrap()
        let account = try await fixture.accounts.createIssuer(AccountsFixture.board)
        let did = try DID(parsing: account.did)
        let granted = try await fixture.accounts.accreditations(issuer: did)
        #expect(granted.count == 1)
        let id = try #require(granted.first?.id)
        fixture.clock.advance(seconds: 60)
        try await fixture.accounts.withdrawAccreditation(id: id)
        fixture.clock.advance(seconds: 1)
        let answer = try await Self.check(fixture, issuer: did)
        #expect(!answer.isAccredited)
        #expect(answer.reason == "the accreditation was withdrawn")
        await #expect(throws: AccountError.accreditationAlreadyWithdrawn(id)) {
            try await fixture.accounts.withdrawAccreditation(id: id)
        }
        await #expect(throws: AccountError.accreditationNotFound("urn:uuid:nope")) {
            try await fixture.accounts.withdrawAccreditation(id: "urn:uuid:nope")
        }
        #expect(AccountError.accreditationNotFound("x").code == "accreditation-not-found")
    }

    @Test func accreditsAnExternalIssuer() async throws {
        let fixture = try AccountsFixture()
        _ = try await fixture.accounts.bootstrap()
        let external = DIDKey(privateKey: Ed25519.PrivateKey()).did
        let record = try await fixture.accounts.accredit(
            issuer: external.description, credentialTypes: ["PatientIdentityCredential"], jurisdiction: "RU",
            validFrom: nil, validUntil: AccountsFixture.start.addingTimeInterval(86_400))
        #expect(record.issuer == external.description && record.validFrom == "2026-01-01T00:00:00Z")
        #expect(record.validUntil == "2026-01-02T00:00:00Z")
        let leaf = try await fixture.ledger.store.leafHash(at: record.ledgerIndex)
        #expect(leaf != nil)
        #expect(try await Self.check(fixture, issuer: external, type: "PatientIdentityCredential").isAccredited)
        fixture.clock.advance(seconds: 86_400)
        #expect(try await !Self.check(fixture, issuer: external, type: "PatientIdentityCredential").isAccredited)
    }

    @Test func refusesBadAccreditations() async throws {
        let fixture = try AccountsFixture()
        _ = try await fixture.accounts.bootstrap()
        let now = fixture.clock.now
        let cases: [(String, [String], String, Date?, String)] = [
            ("not a did", ["MedicalLicenseCredential"], "US", nil, "invalid-request"),
            ("did:example:1", [], "US", nil, "invalid-request"),
            ("did:example:1", ["x"], "US", nil, "unknown-credential-type"),
            ("did:example:1", ["MedicalLicenseCredential"], "USA", nil, "invalid-request"),
            ("did:example:1", ["MedicalLicenseCredential"], "US", now, "invalid-request"),
        ]
        for (issuer, types, jurisdiction, until, code) in cases {
            do {
                _ = try await fixture.accounts.accredit(
                    issuer: issuer, credentialTypes: types, jurisdiction: jurisdiction, validFrom: now,
                    validUntil: until)
                Issue.record("accepted \(issuer) \(types) \(jurisdiction)")
            } catch {
                #expect(error.code == code, "\(issuer) \(types) \(jurisdiction)")
            }
        }
    }

    @Test func halfCreatedIssuerIsInvisibleThenFinishedOnBootstrap() async throws {
        let fixture = try AccountsFixture()
        _ = try await fixture.accounts.bootstrap()
        let account = try await fixture.accounts.createIssuer(AccountsFixture.board)
        let size = try await fixture.ledger.store.size()
        // Stage a crash after the ledger append but before the account was marked complete.
        try await fixture.reopen {
            try AccountStore.executeRawSQLForTesting(
                path: fixture.accountsPath,
                sql:
                    "UPDATE account SET is_complete = 0 WHERE id = '\(account.id)'; UPDATE accreditation_entry SET ledger_index = NULL"
            )
        }
        #expect(try await fixture.accounts.issuer(id: account.id) == nil)
        #expect(try await fixture.accounts.issuers().isEmpty)
        _ = try await fixture.accounts.bootstrap()
        #expect(try await fixture.accounts.issuer(id: account.id) == account)
        // The accreditation leaf was found by hash, not appended again.
        #expect(try await fixture.ledger.store.size() == size)
        #expect(try await Self.check(fixture, issuer: try DID(parsing: account.did)).isAccredited)
    }
}
