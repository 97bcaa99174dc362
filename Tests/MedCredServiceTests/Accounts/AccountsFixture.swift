import Foundation
import MedCredCore
import MedCredCrypto
import MedCredLedger
import MedCredService
import MedCredStore
import MedCredTestSupport
import Synchronization

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date) { current = Mutex(start) }

    var now: Date { current.withLock { $0 } }
    func advance(seconds: TimeInterval) { current.withLock { $0 += seconds } }
    var function: @Sendable () -> Date { { self.now } }
}

/// A temporary data folder with a real ledger, DID log store, anchored registry and account database.
final class AccountsFixture {
    /// 2026-01-01T00:00:00Z.
    static let start = Date(timeIntervalSince1970: 1_767_225_600)
    static let domain = "medcred.example%3A8080"

    let directory: URL
    let clock = TestClock(AccountsFixture.start)
    let masterKey: MasterKey
    private(set) var ledger: LedgerLog
    private(set) var logs: DIDLogStore
    private(set) var registry: AnchoredDIDRegistry
    private(set) var accounts: IssuerAccounts

    var accountsPath: String { directory.appendingPathComponent("accounts.sqlite").path }
    var masterKeyPath: String { directory.appendingPathComponent("master.key").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "medcred-accounts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        masterKey = try MasterKey.loadOrCreate(path: directory.appendingPathComponent("master.key").path)
        (ledger, logs, registry, accounts) = try Self.open(directory: directory, masterKey: masterKey, clock: clock)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    static func open(directory: URL, masterKey: MasterKey, clock: TestClock) throws -> (
        LedgerLog, DIDLogStore, AnchoredDIDRegistry, IssuerAccounts
    ) {
        let signer = try NoteSignerKey(
            name: "medcred.example/ledger", privateKey: try Ed25519.PrivateKey(seed: [UInt8](repeating: 7, count: 32)))
        let ledger = try LedgerLog(
            path: directory.appendingPathComponent("ledger.sqlite").path, signer: signer, now: clock.function)
        let logs = try DIDLogStore(path: directory.appendingPathComponent("dids.sqlite").path)
        let registry = AnchoredDIDRegistry(ledger: ledger, logs: logs, clock: clock.function)
        let accounts = try IssuerAccounts(
            databasePath: directory.appendingPathComponent("accounts.sqlite").path, masterKey: masterKey,
            registry: registry, ledger: ledger, domain: domain, clock: clock.function)
        return (ledger, logs, registry, accounts)
    }

    /// Closes every database, runs `between` on the closed files, and opens everything again.
    func reopen(masterKey key: MasterKey? = nil, _ between: () throws -> Void = {}) async throws {
        try await accounts.close()
        try ledger.close()
        try logs.close()
        try between()
        (ledger, logs, registry, accounts) = try Self.open(
            directory: directory, masterKey: key ?? masterKey, clock: clock)
    }

    /// A resolver that requires every did:webvh entry to be anchored.
    var resolver: AnchoredDIDResolver { AnchoredDIDResolver(registry: registry, policy: .require) }

    static let board = IssuerRequest(
        name: "Medical Board of Ruritania", slug: nil, credentialTypes: ["MedicalLicenseCredential"],
        jurisdiction: "RU-RT", validUntil: nil)

    static func contexts() throws -> KnownContexts {
        try MedCredContexts.knownContexts(loading: [
            KnownContexts.credentialsV2: Array(try Vectors.data("contexts/credentials-v2.jsonld"))
        ])
    }

    /// A MedicalLicenseCredential for a did:key holder, signed by `signer` at `now`.
    static func license(signer: any ProofSigner, now: Date, number: String = "MD-12345") throws -> JSONValue {
        let holder = DIDKey(privateKey: try Ed25519.PrivateKey(seed: [UInt8](repeating: 0x22, count: 32)))
        let draft: JSONValue = [
            "@context": [.string(KnownContexts.credentialsV2), .string(MedCredContexts.credentialsV1)],
            "id": .string("urn:uuid:0b5a2c8e-6f1d-4c3a-9e77-51f0d2b4a9\(number.suffix(2))"),
            "type": ["VerifiableCredential", "MedicalLicenseCredential"],
            "validUntil": "2036-01-01T00:00:00Z",
            "credentialSubject": [
                "id": .string(holder.did.description), "licensee": ["familyName": "Okafor", "givenName": "Adaeze"],
                "profession": "physician", "licenseNumber": .string(number), "jurisdiction": "US-CA",
                "licensingBoard": ["name": "Medical Board of Ruritania"], "originalLicensureDate": "2014-07-01",
            ],
        ]
        let issuer = CredentialIssuer(signer: signer, contexts: try contexts())
        guard case .document(let document) = try issuer.issue(draft, now: now) else {
            throw AccountError.invalidRequest(field: "format", reason: "expected a document")
        }
        return document
    }

    func verify(_ credential: JSONValue) async throws -> VerificationResult {
        let verifier = CredentialVerifier(resolver: resolver, contexts: try Self.contexts())
        return try await verifier.verifyCredential(.document(credential), now: clock.now)
    }
}
