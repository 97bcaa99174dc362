import Foundation
import MedCredCore
import MedCredLedger
import MedCredStore

extension IssuerAccounts {
    /// Rotates an issuer's signing key with a did:webvh update honouring pre-rotation (did:webvh v1.0 "Update
    /// (Rotate)", "Pre-Rotation Key Hash Generation and Verification"): the key committed in `nextKeyHashes`
    /// becomes the update key and signs the entry, a new assertion key replaces the old one in the document, and a
    /// fresh next key is committed. The entry is anchored through the registry.
    ///
    /// The old keys stay in the DID's history, so a credential whose proof `created` predates the rotation still
    /// verifies when resolved by `versionTime`; the new entry's `versionTime` is the next whole second, so every
    /// proof already made (whole seconds) predates it.
    /// - Parameter issuerID: the issuer.
    /// - Returns: the account with its new verification method and key version.
    /// - Throws: ``AccountError/issuerNotFound(_:)``, ``AccountError/rotationFailed(reason:)``,
    ///   ``AccountError/keyUnavailable(keyID:)``, ``AccountError/storage(reason:)``.
    public func rotateSigningKey(issuerID: String) async throws(AccountError) -> IssuerAccount {
        IssuerAccount(try await rotate(accountID: issuerID) { id throws(AccountError) in try await completeIssuer(id) })
    }

    /// Rotates the service DID's key the same way: the trust root's accreditations and the session JWTs are
    /// signed with the new assertion key from then on, while what the old key signed still verifies as of its
    /// time (accreditations by their `created`, sessions by their `iat`).
    /// - Returns: the service identity with its new verification method.
    /// - Throws: ``AccountError/notBootstrapped``, ``AccountError/rotationFailed(reason:)``,
    ///   ``AccountError/keyUnavailable(keyID:)``, ``AccountError/storage(reason:)``.
    public func rotateServiceKey() async throws(AccountError) -> ServiceIdentity {
        let record = try await rotate(accountID: Self.serviceAccountID) { id throws(AccountError) in
            try await completeService(id)
        }
        let identity = try await makeServiceIdentity(record)
        service = identity
        return identity
    }

    /// One rotation of the account `accountID`, which `load` reads (and checks the kind of).
    private func rotate(
        accountID: String, load: (String) async throws(AccountError) -> AccountRecord
    ) async throws(AccountError) -> AccountRecord {
        var record = try await load(accountID)
        guard !rotating.contains(accountID) else { throw .rotationFailed(reason: "a rotation is already under way") }
        rotating.insert(accountID)
        signingCache[accountID] = nil
        defer {
            rotating.remove(accountID)
            signingCache[accountID] = nil
        }
        if record.pendingEntry != nil {
            try await finishRotation(record)
            record = try await load(accountID)
        }
        let (entry, keys) = try await makeRotation(record)
        try await wrap { try await store.beginRotation(accountID: accountID, keys: keys, pendingEntry: entry.line) }
        record.pendingEntry = entry.line
        try await finishRotation(record)
        return try await load(accountID)
    }

    /// The complete service account.
    func completeService(_ id: String) async throws(AccountError) -> AccountRecord {
        guard let record = try await wrap({ try await store.account(id: id) }), record.kind == .service,
            record.isComplete
        else { throw .notBootstrapped }
        return record
    }

    /// The signed update entry and its two new keys (assertion, next update), not yet stored.
    private func makeRotation(_ record: AccountRecord) async throws(AccountError) -> (WebVHLogEntry, [VaultKeyRecord]) {
        let did: DID
        do { did = try DID(parsing: record.did) } catch { throw .rotationFailed(reason: "the DID does not parse") }
        guard let text = try await wrap({ try await registry.logText(for: did) }) else {
            throw .rotationFailed(reason: "the DID log is not hosted")
        }
        let log = WebVHLog(parsing: text)
        guard let last = log.entries.last else { throw .rotationFailed(reason: "the DID log is empty") }
        let nextUpdate = try await storedKey(record.nextKeyID)
        let nowSeconds = Int(clock().timeIntervalSince1970.rounded(.down))
        let seconds = max(nowSeconds + 1, (last.versionInstant.secondsSince1970 ?? nowSeconds) + 1)
        let start = Date(timeIntervalSince1970: Double(seconds))
        let assertion = try vault.generate(owner: record.id, purpose: KeyPurpose.assertion, createdAt: start)
        let next = try vault.generate(owner: record.id, purpose: KeyPurpose.nextUpdate, createdAt: start)
        let document = HostedDIDDocument.make(
            did: record.did, assertionKey: assertion.publicKeyMultibase, version: record.keyVersion + 1)
        let parameters = WebVHParameters(
            updateKeys: [nextUpdate.publicKeyMultibase], nextKeyHashes: [WebVHHash.keyHash(next.publicKeyMultibase)])
        let signer = try vault.didKeySigner(nextUpdate)
        let updated: WebVHLog
        do {
            updated = try WebVHLogWriter.update(
                log, document: document, parameters: parameters, versionTime: XSDDateTime(secondsSince1970: seconds),
                signer: signer)
        } catch { throw .rotationFailed(reason: String(describing: error)) }
        guard let entry = updated.entries.last else { throw .rotationFailed(reason: "no entry written") }
        return (entry, [assertion, next])
    }

    /// Anchors a stored rotation entry (unless a crash came after that) and makes its keys current.
    func finishRotation(_ record: AccountRecord) async throws(AccountError) {
        guard let line = record.pendingEntry else { return }
        let entry: WebVHLogEntry
        let did: DID
        do {
            entry = try WebVHLogEntry(json: try JSONValue(parsing: line), entry: record.keyVersion + 1)
            did = try DID(parsing: record.did)
        } catch { throw .rotationFailed(reason: "the stored rotation entry does not parse: \(error)") }
        let hosted = try await wrap { try await registry.logText(for: did) } ?? ""
        if !WebVHLog(parsing: hosted).entries.contains(where: { $0.versionId == entry.versionId }) {
            do { _ = try await registry.append(entry, to: did) } catch {
                throw .rotationFailed(reason: String(describing: error))
            }
        }
        let keys = try await wrap { try await store.keys(owner: record.id) }
        let assertionKey = HostedDIDDocument.assertionKey(in: entry.state)
        guard let update = keys.first(where: { $0.publicKeyMultibase == entry.parameters.updateKeys?.first }),
            let assertion = keys.first(where: { $0.publicKeyMultibase == assertionKey }),
            let next = keys.first(where: {
                WebVHHash.keyHash($0.publicKeyMultibase) == entry.parameters.nextKeyHashes?.first
            })
        else { throw .rotationFailed(reason: "the rotation's keys are not in the vault") }
        var updated = record
        updated.keyVersion = record.keyVersion + 1
        updated.verificationMethod = HostedDIDDocument.verificationMethod(did: record.did, version: updated.keyVersion)
        updated.updateKeyID = update.id
        updated.assertionKeyID = assertion.id
        updated.nextKeyID = next.id
        let retiredAt = Date(timeIntervalSince1970: Double(entry.versionInstant.secondsSince1970 ?? 0))
        try await wrap {
            try await store.finishRotation(
                updated, retiring: [record.assertionKeyID, record.updateKeyID], retiredAt: retiredAt)
        }
    }
}
