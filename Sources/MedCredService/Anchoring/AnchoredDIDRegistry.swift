public import Foundation
public import MedCredCore
public import MedCredLedger
public import MedCredStore

/// Whether resolution accepts a did:webvh entry whose ledger anchor is missing or does not verify.
public enum AnchorPolicy: Equatable, Sendable {
    /// Resolve, and flag the entry with `anchor: {verified: false, error}` in `didDocumentMetadata`.
    case report
    /// Fail resolution (DESIGN.md, "Identifiers": a verifier policy can require the anchor).
    case require
}

/// The did:webvh DIDs MedCred hosts, each log entry anchored on MedCred's ledger (DESIGN.md, "Identifiers" →
/// Anchoring; issue #4).
///
/// Writes are serialized by the actor. An entry is accepted only when the whole log with it verifies as
/// did:webvh v1.0; then its JCS bytes are appended to the ledger and, once that is durable, its line is stored
/// with the leaf index. The line is stored last, so an entry is served only once it is anchored. A crash
/// between the two leaves a ledger leaf that no line points to yet: it is harmless (the ledger only records
/// that a signed entry existed), and when the entry is submitted again its leaf is found by hash and reused
/// instead of being appended twice.
public actor AnchoredDIDRegistry {
    /// The ledger the entries are anchored on.
    public let ledger: LedgerLog
    /// Where the hosted logs are kept.
    public let logs: DIDLogStore
    /// What resolution does with an entry whose anchor fails, unless told otherwise.
    public let anchorPolicy: AnchorPolicy
    let clock: @Sendable () -> Date
    /// Verified logs for resolution during verification, by DID; dropped when the log grows.
    var verifiedLogs: [String: VerifiedLog] = [:]

    /// A registry over a ledger and a log store.
    /// - Parameters:
    ///   - ledger: the signed ledger.
    ///   - logs: the DID log store.
    ///   - anchorPolicy: ``AnchorPolicy/report`` unless given.
    ///   - clock: the current time, for the did:webvh `versionTime` checks.
    public init(
        ledger: LedgerLog, logs: DIDLogStore, anchorPolicy: AnchorPolicy = .report,
        clock: @escaping @Sendable () -> Date
    ) {
        self.ledger = ledger
        self.logs = logs
        self.anchorPolicy = anchorPolicy
        self.clock = clock
    }

    /// Hosts a new DID from the first entry of its log.
    /// - Parameters:
    ///   - entry: the signed first entry.
    ///   - witnessText: the DID's `did-witness.json`, when it uses witnesses.
    /// - Returns: the stored record, with its ledger index.
    /// - Throws: ``AnchoringError/logRejected(_:)``, ``AnchoringError/entryNotNext(expectedVersionNumber:actual:)``,
    ///   ``AnchoringError/didAlreadyHosted(scid:)``, or a ledger or storage error.
    public func create(_ entry: WebVHLogEntry, witnessText: String? = nil) async throws -> DIDLogRecord {
        let verification = try verified(existing: [], adding: entry, witnessText: witnessText)
        guard let scid = verification.entries.first?.parameters.scid else {
            throw AnchoringError.logRejected(.emptyLog)
        }
        guard try await logs.records(scid: scid).isEmpty else { throw AnchoringError.didAlreadyHosted(scid: scid) }
        return try await anchorAndStore(entry, scid: scid, witnessText: witnessText)
    }

    /// Appends an entry (update, key rotation or deactivation) to a hosted DID's log.
    /// - Parameters:
    ///   - entry: the signed next entry.
    ///   - did: the hosted DID.
    ///   - witnessText: the new `did-witness.json`; `nil` keeps the stored one.
    /// - Returns: the stored record, with its ledger index.
    /// - Throws: ``AnchoringError/invalidIdentifier(_:)``, ``AnchoringError/didNotHosted(scid:)``,
    ///   ``AnchoringError/entryNotNext(expectedVersionNumber:actual:)``, ``AnchoringError/logRejected(_:)``, or a
    ///   ledger or storage error.
    public func append(_ entry: WebVHLogEntry, to did: DID, witnessText: String? = nil) async throws -> DIDLogRecord {
        let scid = try Self.scid(of: did)
        let existing = try await logs.records(scid: scid)
        guard !existing.isEmpty else { throw AnchoringError.didNotHosted(scid: scid) }
        var witness = witnessText
        if witness == nil { witness = try await logs.witnessText(scid: scid) }
        _ = try verified(existing: existing, adding: entry, witnessText: witness)
        return try await anchorAndStore(entry, scid: scid, witnessText: witness)
    }

    /// The `did.jsonl` MedCred serves for a DID, or `nil` when it does not host it.
    public func logText(for did: DID) async throws -> String? {
        guard let scid = try? Self.scid(of: did) else { return nil }
        let records = try await logs.records(scid: scid)
        return records.isEmpty ? nil : records.map { $0.line + "\n" }.joined()
    }

    /// The `did-witness.json` MedCred serves for a DID, or `nil`.
    public func witnessText(for did: DID) async throws -> String? {
        guard let scid = try? Self.scid(of: did) else { return nil }
        return try await logs.witnessText(scid: scid)
    }

    /// The offline proof that a version of a DID's log is in the ledger: a C2SP tlog-proof
    /// (https://c2sp.org/tlog-proof) with the leaf index, inclusion proof and latest signed checkpoint.
    /// - Parameters:
    ///   - did: the hosted DID.
    ///   - versionId: the entry's `versionId`.
    /// - Returns: the proof text, or `nil` when the DID or version is not hosted.
    /// - Throws: the ``AnchoringError`` that says why the stored entry's anchor does not verify, or a storage error.
    public func proofBundle(for did: DID, versionId: String) async throws -> String? {
        guard let scid = try? Self.scid(of: did) else { return nil }
        guard let record = try await logs.records(scid: scid).first(where: { $0.versionId == versionId }) else {
            return nil
        }
        switch try await checkAnchor(record) {
        case .success(let anchor): return anchor.proof.formatted
        case .failure(let error): throw error
        }
    }

    // MARK: Writing

    private func verified(existing: [DIDLogRecord], adding entry: WebVHLogEntry, witnessText: String?) throws
        -> WebVHLogVerification
    {
        guard entry.versionNumber == existing.count + 1 else {
            throw AnchoringError.entryNotNext(expectedVersionNumber: existing.count + 1, actual: entry.versionNumber)
        }
        let text = existing.map { $0.line + "\n" }.joined() + entry.line + "\n"
        let verification = WebVHLogVerifier(now: XSDDateTime(clock())).verify(logText: text, witnessText: witnessText)
        if let failure = verification.failure { throw AnchoringError.logRejected(failure) }
        guard verification.entries.count == existing.count + 1 else { throw AnchoringError.logRejected(.emptyLog) }
        return verification
    }

    private func anchorAndStore(_ entry: WebVHLogEntry, scid: String, witnessText: String?) async throws
        -> DIDLogRecord
    {
        let bytes = JSONValue.object(entry.json).jcsBytes
        // A leaf with these bytes is this very entry, anchored before a crash kept its line from being stored.
        let index: UInt64
        if let orphan = try await ledger.store.index(ofLeafHash: MerkleHash.leaf(bytes)) {
            index = orphan
        } else {
            index = try await ledger.append(bytes)
        }
        let record = DIDLogRecord(
            scid: scid, versionNumber: entry.versionNumber, versionId: entry.versionId, line: entry.line,
            ledgerIndex: index)
        try await logs.append(record, witnessText: witnessText)
        forgetVerifiedLogs(scid: scid)
        return record
    }

    static func scid(of did: DID) throws(AnchoringError) -> String {
        do { return try WebVHIdentifier(parsing: did.description).scid } catch { throw .invalidIdentifier(error) }
    }
}
