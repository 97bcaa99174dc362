import Foundation
import MedCredCore
import MedCredCrypto
import MedCredLedger
import MedCredService
import MedCredStore
import Testing

@Suite struct IssuerAccountsTests {
    @Test func createdIssuerResolvesAnchoredAndIsAccredited() async throws {
        let fixture = try AccountsFixture()
        let service = try await fixture.accounts.bootstrap()
        #expect(service.did.hasPrefix("did:webvh:") && service.did.hasSuffix(":" + AccountsFixture.domain))
        let account = try await fixture.accounts.createIssuer(AccountsFixture.board)
        #expect(account.id.hasPrefix("iss_") && account.id.count == 20)
        #expect(account.slug == "medical-board-of-ruritania")
        #expect(account.did.hasSuffix(":\(AccountsFixture.domain):issuers:medical-board-of-ruritania"))
        #expect(account.verificationMethod == account.did + "#key-1")
        #expect(account.keyVersion == 1)

        let did = try DID(parsing: account.did)
        let result = try await fixture.registry.resolveWithMetadata(did)
        #expect(result.didDocumentMetadata["anchor"]?["verified"] == .bool(true))
        let document = try await fixture.resolver.resolve(did, versionTime: nil)
        #expect(document.json["assertionMethod"] == .array([.string(account.verificationMethod)]))
        #expect(document.json["authentication"] == .array([.string(account.verificationMethod)]))

        let registry = AccreditationRegistry(trustRoots: [try DID(parsing: service.did)], resolver: fixture.resolver)
        let answer = try await registry.check(
            issuer: did, credentialType: "MedicalLicenseCredential", jurisdiction: "RU-RT",
            at: XSDDateTime(fixture.clock.now), entries: try await fixture.accounts.accreditationEntries(issuer: did))
        #expect(answer.isAccredited, "\(answer.reason ?? "")")
        let other = try await registry.check(
            issuer: did, credentialType: "PatientIdentityCredential", jurisdiction: "RU-RT",
            at: XSDDateTime(fixture.clock.now), entries: try await fixture.accounts.accreditationEntries(issuer: did))
        #expect(!other.isAccredited)
        #expect(try await fixture.accounts.issuers() == [account])
    }

    @Test func signerSignsCredentialsThatVerifyThroughTheAnchoredResolver() async throws {
        let fixture = try AccountsFixture()
        _ = try await fixture.accounts.bootstrap()
        let account = try await fixture.accounts.createIssuer(AccountsFixture.board)
        fixture.clock.advance(seconds: 10)
        let signer = try await fixture.accounts.signer(forIssuer: account.id)
        #expect(signer.verificationMethod == account.verificationMethod)
        let credential = try AccountsFixture.license(signer: signer, now: fixture.clock.now)
        #expect(credential["issuer"] == .string(account.did))
        let result = try await fixture.verify(credential)
        #expect(result.verified, "\(result.errors)")
    }

    @Test func everythingSurvivesAReopen() async throws {
        let fixture = try AccountsFixture()
        let service = try await fixture.accounts.bootstrap()
        let account = try await fixture.accounts.createIssuer(AccountsFixture.board)
        fixture.clock.advance(seconds: 5)
        let rotated = try await fixture.accounts.rotateSigningKey(issuerID: account.id)
        try await fixture.reopen {
            // A fresh process reads the master key from its file again.
            _ = try MasterKey.loadOrCreate(path: fixture.masterKeyPath)
        }
        let again = try await fixture.accounts.bootstrap()
        #expect(again.did == service.did && again.verificationMethod == service.verificationMethod)
        #expect(try await fixture.accounts.issuer(id: account.id) == rotated)
        fixture.clock.advance(seconds: 5)
        let credential = try AccountsFixture.license(
            signer: try await fixture.accounts.signer(forIssuer: account.id), now: fixture.clock.now)
        #expect(try await fixture.verify(credential).verified)
        // The service key is the same key: what it signed before the restart still verifies against its DID.
        let probe = try DataIntegrity.addProof(
            to: ["a": "b"], options: ProofOptions(created: XSDDateTime(fixture.clock.now)), signer: again.signer)
        let check = try await DataIntegrity.verify(
            probe, options: DataIntegrity.VerificationOptions(now: XSDDateTime(fixture.clock.now)),
            resolver: fixture.resolver)
        #expect(check.verified)
    }

    @Test func wrongMasterKeyIsRefusedAtOpen() async throws {
        let fixture = try AccountsFixture()
        _ = try await fixture.accounts.bootstrap()
        let other = try MasterKey(bytes: SecretBytes(randomCount: 32))
        await #expect(throws: AccountError.masterKeyMismatch) { try await fixture.reopen(masterKey: other) }
        #expect(AccountError.masterKeyMismatch.code == "master-key-mismatch")
        #expect(throws: AccountError.invalidMasterKey(length: 16)) {
            try MasterKey(bytes: SecretBytes(randomCount: 16))
        }
    }

    @Test func masterKeyFileIsCreatedPrivateAndReadBack() throws {
        let fixture = try AccountsFixture()
        let attributes = try FileManager.default.attributesOfItem(atPath: fixture.masterKeyPath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let text = try String(contentsOfFile: fixture.masterKeyPath, encoding: .utf8)
        #expect(text.count == 65 && text.hasSuffix("\n"))
        // Loading again must give the key that opens the same vault (checked by the reopen test); here: no rewrite.
        _ = try MasterKey.loadOrCreate(path: fixture.masterKeyPath)
        #expect(try String(contentsOfFile: fixture.masterKeyPath, encoding: .utf8) == text)
        try "not hex".write(toFile: fixture.masterKeyPath, atomically: true, encoding: .utf8)
        #expect(throws: AccountError.self) { try MasterKey.loadOrCreate(path: fixture.masterKeyPath) }
    }

    @Test func accountsAreInvisibleBeforeBootstrap() async throws {
        let fixture = try AccountsFixture()
        await #expect(throws: AccountError.notBootstrapped) {
            try await fixture.accounts.createIssuer(AccountsFixture.board)
        }
        await #expect(throws: AccountError.notBootstrapped) { try await fixture.accounts.serviceIdentity() }
        let first = try await fixture.accounts.bootstrap()
        let second = try await fixture.accounts.bootstrap()
        #expect(first.did == second.did)
        #expect(try await fixture.accounts.serviceIdentity().did == first.did)
    }

    @Test func domainMustMakeValidDIDs() throws {
        let fixture = try AccountsFixture()
        #expect(throws: AccountError.invalidDomain("localhost%3A8080")) {
            _ = try IssuerAccounts(
                databasePath: fixture.directory.appendingPathComponent("other.sqlite").path,
                masterKey: fixture.masterKey, registry: fixture.registry, ledger: fixture.ledger,
                domain: "localhost%3A8080", clock: fixture.clock.function)
        }
    }
}
