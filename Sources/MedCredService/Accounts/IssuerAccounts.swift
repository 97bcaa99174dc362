public import Foundation
public import MedCredCore
import MedCredLedger
import MedCredStore

/// Issuer accounts, MedCred's own identity, the encrypted key vault, key rotation and accreditations (issue #5,
/// "Issuers").
///
/// Every write is ordered so a crash at any point leaves either nothing visible or something the next
/// ``bootstrap()`` finishes: keys, the account row, the signed did:webvh entry and the signed accreditation are
/// committed together in `accounts.sqlite` first (the account marked incomplete); then the entry is anchored
/// through the registry and the accreditation appended to the ledger — both find their own earlier leaf by
/// hash instead of appending twice — and only then is the account marked complete and served.
public actor IssuerAccounts {
    /// The id of the service identity's account row.
    static let serviceAccountID = "service"

    let store: AccountStore
    let vault: KeyVault
    /// Where hosted DIDs are anchored and resolved.
    public let registry: AnchoredDIDRegistry
    /// The ledger accreditations are appended to (the registry's ledger).
    public let ledger: LedgerLog
    /// The did:webvh domain part, e.g. `medcred.example` or `medcred.example%3A8080`.
    public let domain: String
    let clock: @Sendable () -> Date
    var service: ServiceIdentity?
    /// Issuers whose key rotation is under way, so a second rotation waits for none and fails instead.
    var rotating: Set<String> = []
    /// Each issuer's account and signer, for the whole second they were looked up in (see ``issuerSigning(id:)``).
    var signingCache: [String: CachedSigning] = [:]
    /// Each issuer DID's anchored accreditation entries (see ``accreditationEntries(issuer:)``).
    var accreditationCache: [String: [AccreditationRegistry.Entry]] = [:]

    /// Opens the account database and checks the master key against the vault.
    /// - Parameters:
    ///   - databasePath: `accounts.sqlite`, created when absent.
    ///   - masterKey: the key that seals private keys.
    ///   - registry: the anchored DID registry hosting the DIDs.
    ///   - ledger: the ledger accreditations go to.
    ///   - domain: the did:webvh domain part derived from the public base URL (host, `%3A<port>`, `:segment`s).
    ///   - clock: the current time.
    /// - Throws: ``AccountError/invalidDomain(_:)``, ``AccountError/masterKeyMismatch`` for a master key that
    ///   did not seal this vault, or a storage error.
    public init(
        databasePath: String, masterKey: MasterKey, registry: AnchoredDIDRegistry, ledger: LedgerLog,
        domain: String, clock: @escaping @Sendable () -> Date
    ) throws {
        try AccountValidation.domain(domain)
        let store = try AccountStore(path: databasePath)
        do { vault = try KeyVault(masterKey: masterKey, store: store) } catch {
            try? store.close()
            throw error
        }
        self.store = store
        self.registry = registry
        self.ledger = ledger
        self.domain = domain
        self.clock = clock
    }

    /// Closes the account database.
    public func close() throws { try store.close() }

    /// Creates (once) the service's did:webvh at the domain root and finishes any account, rotation or
    /// accreditation a crash interrupted. Idempotent; call on every start.
    /// - Returns: the service identity.
    /// - Throws: an ``AccountError`` or a storage error.
    public func bootstrap() async throws -> ServiceIdentity {
        var record: AccountRecord
        if let stored = try await store.account(id: Self.serviceAccountID) {
            record = stored
            if !stored.isComplete { try await finishCreation(stored) }
            if stored.pendingEntry != nil {
                // A service key rotation a crash interrupted: anchor it and make its keys current.
                try await finishRotation(stored)
                record = try await completeService(Self.serviceAccountID)
            }
        } else {
            let made = try makeHostedDID(
                id: Self.serviceAccountID, kind: .service, name: "MedCred service", slug: nil, path: "",
                credentialTypes: [], jurisdiction: "", now: clock(), accreditationID: nil)
            try await store.insert(made.record, keys: made.keys)
            record = made.record
            try await finishCreation(record)
        }
        let identity = try await makeServiceIdentity(record)
        service = identity
        try await resumeUnfinished()
        return identity
    }

    /// The service identity.
    /// - Throws: ``AccountError/notBootstrapped`` before ``bootstrap()`` ever completed it.
    public func serviceIdentity() async throws -> ServiceIdentity {
        try await requireService()
    }

    /// A complete issuer account, or `nil`.
    public func issuer(id: String) async throws -> IssuerAccount? {
        guard let record = try await store.account(id: id), record.kind == .issuer, record.isComplete else {
            return nil
        }
        return IssuerAccount(record)
    }

    /// Every complete issuer account, oldest first.
    public func issuers() async throws -> [IssuerAccount] {
        try await store.accounts(kind: .issuer).filter(\.isComplete).map(IssuerAccount.init)
    }

    /// The issuer's signing key, as a ``ProofSigner`` whose verification method is its assertion key in force now.
    ///
    /// Right after a rotation, until the rotation's `versionTime` (the next whole second) is reached, that is
    /// still the previous key: a proof's `created` has whole seconds, so a proof made then resolves the old
    /// document.
    /// - Throws: ``AccountError/issuerNotFound(_:)``, ``AccountError/keyUnavailable(keyID:)``.
    public func signer(forIssuer id: String) async throws(AccountError) -> any ProofSigner {
        let record = try await completeIssuer(id)
        let keys = try await wrap { try await store.keys(owner: id) }
        let instant = Date(timeIntervalSince1970: clock().timeIntervalSince1970.rounded(.down))
        // Assertion keys that were or are current, oldest first: their position is their key version.
        let history = keys.filter {
            $0.purpose == KeyPurpose.assertion && ($0.retiredAt != nil || $0.id == record.assertionKeyID)
        }.sorted { $0.createdAt < $1.createdAt }
        if let position = history.firstIndex(where: { key in
            key.createdAt <= instant && key.retiredAt.map { instant < $0 } == true
        }) {
            let method = HostedDIDDocument.verificationMethod(did: record.did, version: position + 1)
            return try vault.signer(history[position], verificationMethod: method)
        }
        let current = try await storedKey(record.assertionKeyID)
        return try vault.signer(current, verificationMethod: record.verificationMethod)
    }

    // MARK: Shared steps

    func requireService() async throws(AccountError) -> ServiceIdentity {
        if let service { return service }
        guard let record = try await wrap({ try await store.account(id: Self.serviceAccountID) }), record.isComplete
        else { throw .notBootstrapped }
        let identity = try await makeServiceIdentity(record)
        service = identity
        return identity
    }

    func makeServiceIdentity(_ record: AccountRecord) async throws(AccountError) -> ServiceIdentity {
        let key = try await storedKey(record.assertionKeyID)
        let signer = try vault.signer(key, verificationMethod: record.verificationMethod)
        return ServiceIdentity(did: record.did, verificationMethod: record.verificationMethod, signer: signer)
    }

    func completeIssuer(_ id: String) async throws(AccountError) -> AccountRecord {
        guard let record = try await wrap({ try await store.account(id: id) }), record.kind == .issuer,
            record.isComplete
        else { throw .issuerNotFound(id) }
        return record
    }

    func storedKey(_ id: String) async throws(AccountError) -> VaultKeyRecord {
        guard let key = try await wrap({ try await store.key(id: id) }) else { throw .keyUnavailable(keyID: id) }
        return key
    }

    /// Runs `body`, turning whatever it throws into an ``AccountError``.
    func wrap<T>(_ body: () async throws -> T) async throws(AccountError) -> T {
        do { return try await body() } catch { throw AccountError.wrapping(error) }
    }

    /// Finishes what a crash interrupted: incomplete issuers, unanchored rotations, unappended accreditations.
    private func resumeUnfinished() async throws {
        for record in try await store.accounts(kind: .issuer) {
            if !record.isComplete {
                try await finishCreation(record)
            } else if record.pendingEntry != nil {
                try await finishRotation(record)
            }
        }
        for entry in try await store.pendingAccreditationEntries() { _ = try await anchor(entry) }
    }
}

/// The `purpose` values of vault keys.
enum KeyPurpose {
    /// In the DID's `updateKeys`: signs log entries.
    static let update = "update"
    /// Committed by hash in `nextKeyHashes`: the update key after the next rotation.
    static let nextUpdate = "next-update"
    /// In the DID document's `assertionMethod` and `authentication`: signs credentials.
    static let assertion = "assertion"
}

extension IssuerAccount {
    init(_ record: AccountRecord) {
        self.init(
            id: record.id, name: record.name, slug: record.slug ?? "", did: record.did,
            credentialTypes: record.credentialTypes, jurisdiction: record.jurisdiction, createdAt: record.createdAt,
            verificationMethod: record.verificationMethod, keyVersion: record.keyVersion)
    }
}
