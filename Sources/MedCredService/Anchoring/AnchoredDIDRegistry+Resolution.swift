public import MedCredCore
public import MedCredLedger
public import MedCredStore

extension AnchoredDIDRegistry: DIDResolver {
    /// Resolves a hosted did:webvh DID (did:webvh v1.0 "Read (Resolve)") and checks the ledger anchors of the
    /// resolved entry and every entry before it.
    /// - Parameters:
    ///   - did: the DID.
    ///   - query: the version asked for; the latest when empty.
    ///   - policy: overrides ``anchorPolicy``.
    /// - Returns: the document with the did:webvh metadata and `anchor` in `didDocumentMetadata`; or a failure:
    ///   `METHOD_NOT_SUPPORTED`, `NOT_FOUND` (not hosted, log invalid — `webvhError` in the resolution metadata —,
    ///   version absent, or anchor required and failed — `anchor` in the resolution metadata), or
    ///   `INVALID_DID_DOCUMENT`.
    /// - Throws: only a storage error, when it cannot answer.
    public func resolveWithMetadata(
        _ did: DID, query: WebVHVersionQuery = WebVHVersionQuery(), policy: AnchorPolicy? = nil
    ) async throws -> DIDResolutionResult {
        guard did.method == "webvh" else { return .failure(.methodNotSupported(did.method)) }
        guard let identifier = try? WebVHIdentifier(parsing: did.description) else { return .failure(.notFound(did)) }
        let records = try await logs.records(scid: identifier.scid)
        guard !records.isEmpty else { return .failure(.notFound(did)) }
        let text = records.map { $0.line + "\n" }.joined()
        let witness = try await logs.witnessText(scid: identifier.scid)
        let verification = WebVHLogVerifier(now: XSDDateTime(clock())).verify(logText: text, witnessText: witness)
        let resolved = WebVHResolver.resolve(identifier, query: query, verification: verification)
        if let error = resolved.error {
            var result = DIDResolutionResult.failure(.notFound(did))
            result.didResolutionMetadata["webvhError"] = .string(error.resolutionErrorCode)
            return result
        }
        guard let versionId = resolved.didDocumentMetadata["versionId"]?.stringValue,
            let position = records.firstIndex(where: { $0.versionId == versionId }), let json = resolved.didDocument
        else { return .failure(.notFound(did)) }
        let anchor = try await anchorJSON(records[...position])
        if (policy ?? anchorPolicy) == .require, anchor["verified"] != .bool(true) {
            var result = DIDResolutionResult.failure(.notFound(did))
            result.didResolutionMetadata["anchor"] = anchor
            return result
        }
        let document: DIDDocument
        do { document = try DIDDocument(json: json) } catch { return .failure(.invalidDIDDocument(error)) }
        var metadata = resolved.didDocumentMetadata
        metadata["anchor"] = anchor
        return .success(document, documentMetadata: metadata)
    }

    /// Resolves with `versionId`, `versionTime` and `versionNumber` given separately.
    /// - Returns: as ``resolveWithMetadata(_:query:policy:)``; `NOT_FOUND` for a malformed `versionTime`.
    /// - Throws: only a storage error.
    public func resolveWithMetadata(
        _ did: DID, versionId: String? = nil, versionTime: String? = nil, versionNumber: Int? = nil,
        policy: AnchorPolicy? = nil
    ) async throws -> DIDResolutionResult {
        var time: XSDDateTime?
        if let versionTime {
            guard let parsed = try? XSDDateTime(parsing: versionTime, requiringTimezone: true) else {
                return .failure(.notFound(did))
            }
            time = parsed
        }
        let query = WebVHVersionQuery(versionId: versionId, versionTime: time, versionNumber: versionNumber)
        return try await resolveWithMetadata(did, query: query, policy: policy)
    }

    /// Resolves a hosted did:webvh DID for verification, under ``anchorPolicy``.
    /// - Parameters:
    ///   - did: the DID.
    ///   - versionTime: the instant, or `nil` for the latest version.
    /// - Returns: the document.
    /// - Throws: the resolution error; ``DIDResolutionError/notFound(_:)`` also for a deactivated DID, a failed
    ///   required anchor, or a storage failure (the protocol has no case for "could not look").
    public func resolve(_ did: DID, versionTime: String?) async throws(DIDResolutionError) -> DIDDocument {
        try await resolve(did, versionTime: versionTime, policy: anchorPolicy)
    }

    func resolve(_ did: DID, versionTime: String?, policy: AnchorPolicy) async throws(DIDResolutionError)
        -> DIDDocument
    {
        if let document = try await cachedResolution(did, versionTime: versionTime, policy: policy) {
            return document
        }
        let result: DIDResolutionResult
        do { result = try await resolveWithMetadata(did, versionTime: versionTime, policy: policy) } catch {
            throw .notFound(did)
        }
        if let error = result.error { throw error }
        guard let document = result.didDocument, result.didDocumentMetadata["deactivated"] != .bool(true) else {
            throw .notFound(did)
        }
        return document
    }

    /// Checks the anchor of one stored entry: its leaf is in the ledger, holds the entry's JCS bytes, and a
    /// tlog-proof against the latest signed checkpoint verifies with the log key.
    /// - Returns: the anchor, or why it fails.
    /// - Throws: only a storage error.
    public func checkAnchor(_ record: DIDLogRecord) async throws -> Result<DIDLogAnchor, AnchoringError> {
        guard let index = record.ledgerIndex else { return .failure(.notAnchored(versionId: record.versionId)) }
        guard let value = try? JSONValue(parsing: record.line) else {
            return .failure(.storedLineUnreadable(versionId: record.versionId))
        }
        let bytes = value.jcsBytes
        guard let stored = try await ledger.store.leafHash(at: index) else {
            return .failure(.leafMissing(index: index, size: try await ledger.store.size()))
        }
        guard stored == MerkleHash.leaf(bytes) else { return .failure(.leafMismatch(index: index)) }
        let proof: TlogProof
        do { proof = try await ledger.proof(index: index) } catch let error as AnchoringError {
            return .failure(error)
        }
        let check = proof.verify(entry: bytes, logKey: ledger.verifierKey, witnesses: [], threshold: 0)
        guard check.isVerified else { return .failure(.proofInvalid(index: index, check.failures)) }
        return .success(DIDLogAnchor(ledgerIndex: index, proof: proof))
    }

    /// The `anchor` metadata of the last record, flagged when it or any record before it fails.
    private func anchorJSON(_ records: ArraySlice<DIDLogRecord>) async throws -> JSONValue {
        var last: DIDLogAnchor?
        for record in records {
            switch try await checkAnchor(record) {
            case .success(let anchor): last = anchor
            case .failure(let error):
                return DIDLogAnchor.failureJSON(
                    error, versionNumber: record.versionNumber, ledgerIndex: records.last?.ledgerIndex)
            }
        }
        return last?.json ?? .null
    }
}

/// A view of an ``AnchoredDIDRegistry`` as a ``DIDResolver`` with its own ``AnchorPolicy``, e.g. a verifier
/// that requires every did:webvh entry to be anchored.
public struct AnchoredDIDResolver: DIDResolver {
    /// The registry resolved against.
    public let registry: AnchoredDIDRegistry
    /// The anchor policy applied.
    public let policy: AnchorPolicy

    /// A resolver over `registry` with `policy`.
    public init(registry: AnchoredDIDRegistry, policy: AnchorPolicy) {
        self.registry = registry
        self.policy = policy
    }

    /// Resolves as ``AnchoredDIDRegistry/resolve(_:versionTime:)`` under ``policy``.
    public func resolve(_ did: DID, versionTime: String?) async throws(DIDResolutionError) -> DIDDocument {
        try await registry.resolve(did, versionTime: versionTime, policy: policy)
    }
}
