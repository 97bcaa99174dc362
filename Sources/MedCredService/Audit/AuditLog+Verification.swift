import MedCredLedger
import MedCredStore

extension AuditLog {
    /// Recomputes the whole chain and checks every anchor against the ledger.
    ///
    /// Each entry must follow the previous one (sequence, `previousHash`), hash to its stored hash, and, when it
    /// carries a ledger index, that leaf must be its anchor and be included (inclusion proof) in the ledger's
    /// latest signed checkpoint. Reasons: `sequence-gap`, `previous-hash-mismatch`, `entry-unreadable`,
    /// `hash-mismatch`, `anchor-missing`, `anchor-leaf-mismatch`, `anchor-proof-invalid`.
    /// - Returns: the counts and the first bad entry, if any. A damaged log is a result, not an error.
    /// - Throws: only when it cannot answer: a storage error, or no signed checkpoint to check anchors against.
    public func verify() async throws -> AuditVerification {
        var result = AuditVerification(entries: 0, anchored: 0, firstBadSequence: nil, reason: nil)
        var previous = AuditChain.genesisHash
        var expected: UInt64 = 1
        while true {
            let page = try await store.records(after: expected - 1, limit: 1000)
            guard !page.isEmpty else { return result }
            for record in page {
                result.entries += 1
                if let reason = try await problem(with: record, expected: expected, previous: previous) {
                    result.firstBadSequence = min(record.sequence, expected)
                    result.reason = reason
                    return result
                }
                if record.ledgerIndex != nil { result.anchored += 1 }
                previous = record.hash
                expected += 1
            }
        }
    }

    /// Why `record` breaks the chain or its anchor, or `nil` when it checks out.
    private func problem(with record: AuditRecord, expected: UInt64, previous: String) async throws -> String? {
        guard record.sequence == expected else { return "sequence-gap" }
        guard record.previousHash == previous else { return "previous-hash-mismatch" }
        guard let entry = AuditChain.entry(record) else { return "entry-unreadable" }
        let hash = AuditChain.hash(
            sequence: entry.sequence, time: entry.time, event: entry.event, previousHash: entry.previousHash)
        guard hash == record.hash else { return "hash-mismatch" }
        guard let index = record.ledgerIndex else { return nil }
        return try await anchorProblem(sequence: record.sequence, hash: hash, index: index)
    }

    private func anchorProblem(sequence: UInt64, hash: String, index: UInt64) async throws -> String? {
        let leaf = AuditChain.anchorLeaf(sequence: sequence, hash: hash)
        guard let stored = try await ledger.store.leaf(at: index) else { return "anchor-missing" }
        guard stored == leaf else { return "anchor-leaf-mismatch" }
        let proof: TlogProof
        do { proof = try await ledger.proof(index: index) } catch AnchoringError.leafMissing {
            return "anchor-missing"
        }
        let check = proof.verify(entry: leaf, logKey: ledger.verifierKey, witnesses: [], threshold: 0)
        return check.isVerified ? nil : "anchor-proof-invalid"
    }
}
