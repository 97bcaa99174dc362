import Foundation
import MedCredCore
import MedCredLedger
import MedCredStore

/// An account row with its fresh keys and its signed first did:webvh entry, none of it stored yet.
struct HostedDIDDraft {
    var record: AccountRecord
    var keys: [VaultKeyRecord]
    var entry: WebVHLogEntry
}

extension IssuerAccounts {
    /// Creates an issuer: keys in the vault, a did:webvh DID anchored on the ledger, and an accreditation by the
    /// service trust root for its credential types and jurisdiction, appended to the ledger.
    /// - Parameter request: the name, slug, types, jurisdiction and accreditation end.
    /// - Returns: the account.
    /// - Throws: ``AccountError/invalidRequest(field:reason:)``, ``AccountError/unknownCredentialType(_:)``,
    ///   ``AccountError/slugTaken(_:)``, ``AccountError/notBootstrapped``, ``AccountError/didCreationFailed(reason:)``,
    ///   ``AccountError/accreditationFailed(reason:)``, ``AccountError/storage(reason:)``.
    public func createIssuer(_ request: IssuerRequest) async throws(AccountError) -> IssuerAccount {
        let name = try AccountValidation.name(request.name)
        let slug = try AccountValidation.slug(request.slug, name: name)
        let types = try AccountValidation.credentialTypes(request.credentialTypes)
        let jurisdiction = try AccountValidation.jurisdiction(request.jurisdiction)
        let now = clock()
        if let until = request.validUntil, until.timeIntervalSince1970.rounded(.down) <= now.timeIntervalSince1970 {
            throw .invalidRequest(field: "validUntil", reason: "must be in the future")
        }
        let service = try await requireService()
        // Checked early so no keys are made for a taken slug; the store checks again inside its transaction.
        if try await wrap({ try await store.accounts(kind: .issuer) }).contains(where: { $0.slug == slug }) {
            throw .slugTaken(slug)
        }
        let accreditationID = "urn:uuid:" + UUID().uuidString.lowercased()
        let draft = try makeHostedDID(
            id: "iss_" + KeyVault.randomHex(8), kind: .issuer, name: name, slug: slug, path: ":issuers:" + slug,
            credentialTypes: types, jurisdiction: jurisdiction, now: now, accreditationID: accreditationID)
        let accreditation = try signAccreditation(
            id: accreditationID, issuer: draft.record.did, credentialTypes: types, jurisdiction: jurisdiction,
            validFrom: now, validUntil: request.validUntil, service: service, now: now)
        let entry = AccreditationEntryRecord(
            id: accreditationID, kind: .accreditation, accreditationID: accreditationID, issuer: draft.record.did,
            json: accreditation.json.serialized(), ledgerIndex: nil)
        try await wrap { try await store.insert(draft.record, keys: draft.keys, accreditation: entry) }
        try await wrap { try await finishCreation(draft.record) }
        var record = draft.record
        record.isComplete = true
        return IssuerAccount(record)
    }

    /// Makes three vault keys — update key, next update key (committed by hash: pre-rotation), assertion key —
    /// and the signed first log entry of `did:webvh:{SCID}:<domain><path>` (did:webvh v1.0 "Create (Register)").
    func makeHostedDID(
        id: String, kind: AccountRecord.Kind, name: String, slug: String?, path: String, credentialTypes: [String],
        jurisdiction: String, now: Date, accreditationID: String?
    ) throws(AccountError) -> HostedDIDDraft {
        // Whole seconds: a did:webvh versionTime and a proof's `created` compare at this precision.
        let start = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let update = try vault.generate(owner: id, purpose: KeyPurpose.update, createdAt: start)
        let next = try vault.generate(owner: id, purpose: KeyPurpose.nextUpdate, createdAt: start)
        let assertion = try vault.generate(owner: id, purpose: KeyPurpose.assertion, createdAt: start)
        let template = "did:webvh:\(WebVHHash.placeholder):\(domain)\(path)"
        let document = HostedDIDDocument.make(did: template, assertionKey: assertion.publicKeyMultibase, version: 1)
        let parameters = WebVHParameters(
            updateKeys: [update.publicKeyMultibase], nextKeyHashes: [WebVHHash.keyHash(next.publicKeyMultibase)])
        let signer = try vault.didKeySigner(update)
        let log: WebVHLog
        do {
            log = try WebVHLogWriter.create(
                document: document, parameters: parameters, versionTime: XSDDateTime(start), signer: signer)
        } catch { throw .didCreationFailed(reason: String(describing: error)) }
        guard let entry = log.entries.first else { throw .didCreationFailed(reason: "empty log") }
        let record = AccountRecord(
            id: id, kind: kind, name: name, slug: slug, did: entry.stateID, credentialTypes: credentialTypes,
            jurisdiction: jurisdiction, createdAt: now,
            verificationMethod: HostedDIDDocument.verificationMethod(did: entry.stateID, version: 1), keyVersion: 1,
            updateKeyID: update.id, nextKeyID: next.id, assertionKeyID: assertion.id, pendingEntry: entry.line,
            accreditationID: accreditationID, isComplete: false)
        return HostedDIDDraft(record: record, keys: [update, next, assertion], entry: entry)
    }

    /// Anchors a stored account's first entry (unless a crash came after that), appends its accreditation, and
    /// marks it complete.
    func finishCreation(_ record: AccountRecord) async throws(AccountError) {
        if let line = record.pendingEntry {
            let entry: WebVHLogEntry
            do { entry = try WebVHLogEntry(json: try JSONValue(parsing: line), entry: 1) } catch {
                throw .didCreationFailed(reason: "the stored entry does not parse: \(error)")
            }
            do { _ = try await registry.create(entry) } catch AnchoringError.didAlreadyHosted {
                // Anchored before a crash: the hosted log must start with this very entry.
                let hosted = try await wrap { try await registry.logText(for: try DID(parsing: record.did)) }
                guard hosted?.hasPrefix(line + "\n") == true else {
                    throw .didCreationFailed(reason: "another log is hosted for \(record.did)")
                }
            } catch { throw .didCreationFailed(reason: String(describing: error)) }
        }
        if let id = record.accreditationID, let entry = try await wrap({ try await store.accreditationEntry(id: id) }),
            entry.ledgerIndex == nil
        {
            _ = try await wrap { try await anchor(entry) }
        }
        try await wrap { try await store.completeAccount(id: record.id) }
    }
}
