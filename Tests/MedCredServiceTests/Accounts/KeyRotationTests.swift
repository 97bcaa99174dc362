import Foundation
import MedCredCore
import MedCredLedger
import MedCredService
import MedCredStore
import Testing

@Suite struct KeyRotationTests {
    @Test func licenceSignedBeforeTwoRotationsStillVerifies() async throws {
        let fixture = try AccountsFixture()
        _ = try await fixture.accounts.bootstrap()
        let account = try await fixture.accounts.createIssuer(AccountsFixture.board)
        fixture.clock.advance(seconds: 10)
        let firstKey = try await fixture.accounts.signer(forIssuer: account.id)
        let licence = try AccountsFixture.license(signer: firstKey, now: fixture.clock.now, number: "MD-00011")

        fixture.clock.advance(seconds: 90)
        let second = try await fixture.accounts.rotateSigningKey(issuerID: account.id)
        #expect(second.keyVersion == 2 && second.verificationMethod == account.did + "#key-2")
        fixture.clock.advance(seconds: 100)
        let third = try await fixture.accounts.rotateSigningKey(issuerID: account.id)
        #expect(third.keyVersion == 3 && third.verificationMethod == account.did + "#key-3")
        #expect(third.did == account.did && third.id == account.id)

        fixture.clock.advance(seconds: 100)
        let old = try await fixture.verify(licence)
        #expect(old.verified, "\(old.errors)")

        // The first key, used after it was retired: resolution as of `created` finds the document without it.
        let late = try AccountsFixture.license(signer: firstKey, now: fixture.clock.now, number: "MD-00022")
        let refused = try await fixture.verify(late)
        #expect(!refused.verified)
        #expect(refused.errors.map(\.check) == ["proof"], "\(refused.errors)")

        let current = try await fixture.accounts.signer(forIssuer: account.id)
        #expect(current.verificationMethod == third.verificationMethod)
        let fresh = try AccountsFixture.license(signer: current, now: fixture.clock.now, number: "MD-00033")
        #expect(try await fixture.verify(fresh).verified)

        // The hosted log: create + two pre-rotated updates, every entry anchored.
        let did = try DID(parsing: account.did)
        let log = WebVHLog(parsing: try await fixture.registry.logText(for: did) ?? "")
        #expect(log.entries.count == 3)
        #expect(
            try await fixture.registry.resolveWithMetadata(did).didDocumentMetadata["anchor"]?["verified"]
                == .bool(true))
    }

    @Test func signerKeepsTheOldKeyUntilTheRotationTakesEffect() async throws {
        let fixture = try AccountsFixture()
        _ = try await fixture.accounts.bootstrap()
        let account = try await fixture.accounts.createIssuer(AccountsFixture.board)
        fixture.clock.advance(seconds: 30)
        let rotated = try await fixture.accounts.rotateSigningKey(issuerID: account.id)
        // Same second as the rotation: proofs are dated in whole seconds, before the new entry's versionTime.
        let signer = try await fixture.accounts.signer(forIssuer: account.id)
        #expect(signer.verificationMethod == account.verificationMethod)
        let sameSecond = try AccountsFixture.license(signer: signer, now: fixture.clock.now)
        fixture.clock.advance(seconds: 1)
        #expect(try await fixture.verify(sameSecond).verified)
        #expect(
            try await fixture.accounts.signer(forIssuer: account.id).verificationMethod == rotated.verificationMethod)
    }

    @Test func rotatingAnUnknownIssuerFails() async throws {
        let fixture = try AccountsFixture()
        _ = try await fixture.accounts.bootstrap()
        await #expect(throws: AccountError.issuerNotFound("iss_nope")) {
            try await fixture.accounts.rotateSigningKey(issuerID: "iss_nope")
        }
        await #expect(throws: AccountError.issuerNotFound("iss_nope")) {
            try await fixture.accounts.signer(forIssuer: "iss_nope")
        }
    }
}

@Suite struct InterruptedRotationTests {
    @Test func rotationAnchoredBeforeACrashIsFinishedOnBootstrap() async throws {
        let fixture = try AccountsFixture()
        _ = try await fixture.accounts.bootstrap()
        let account = try await fixture.accounts.createIssuer(AccountsFixture.board)
        let store = try AccountStore(path: fixture.accountsPath)
        let before = try #require(try await store.account(id: account.id))
        try store.close()
        fixture.clock.advance(seconds: 10)
        let rotated = try await fixture.accounts.rotateSigningKey(issuerID: account.id)
        let did = try DID(parsing: account.did)
        let line = try #require(
            WebVHLog(parsing: try await fixture.registry.logText(for: did) ?? "").entries.last?.line)
        let size = try await fixture.ledger.store.size()
        // Stage a crash after the entry was anchored but before the account moved to the new keys.
        try await fixture.reopen {
            try AccountStore.executeRawSQLForTesting(
                path: fixture.accountsPath,
                sql: """
                    UPDATE account SET pending_entry = \(sqlQuoted(line)), key_version = 1,
                        verification_method = \(sqlQuoted(before.verificationMethod)),
                        update_key_id = \(sqlQuoted(before.updateKeyID)), next_key_id = \(sqlQuoted(before.nextKeyID)),
                        assertion_key_id = \(sqlQuoted(before.assertionKeyID))
                    WHERE id = \(sqlQuoted(account.id));
                    UPDATE vault_key SET retired_ms = NULL WHERE owner = \(sqlQuoted(account.id));
                    """)
        }
        _ = try await fixture.accounts.bootstrap()
        #expect(try await fixture.accounts.issuer(id: account.id) == rotated)
        #expect(try await fixture.ledger.store.size() == size)
        fixture.clock.advance(seconds: 5)
        let signer = try await fixture.accounts.signer(forIssuer: account.id)
        #expect(signer.verificationMethod == rotated.verificationMethod)
        let credential = try AccountsFixture.license(signer: signer, now: fixture.clock.now)
        #expect(try await fixture.verify(credential).verified)
    }
}
