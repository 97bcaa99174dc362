public import MedCredLedger
import MedCredStore

/// The ledger as readers see it: entries, proofs, and checkpoints carrying the witnesses' cosignatures
/// (DESIGN.md, "The ledger", `GET /ledger/...`).
///
/// Lookups outside the log return `nil`; the HTTP layer decides that this means 404. Errors are storage
/// failures only.
public struct WitnessedLedger: Sendable {
    /// The ledger.
    public let ledger: LedgerLog
    /// The publisher whose cosignatures are merged into served checkpoints, if witnesses are configured.
    public let publisher: CheckpointPublisher?

    /// Serves `ledger`, merging cosignatures from `publisher`.
    public init(ledger: LedgerLog, publisher: CheckpointPublisher? = nil) {
        self.ledger = ledger
        self.publisher = publisher
    }

    /// The log's verifier key.
    public var verifierKey: NoteVerifierKey { ledger.verifierKey }

    /// The number of committed entries.
    public func size() async throws -> UInt64 { try await ledger.store.size() }

    /// The latest signed checkpoint with its cosignatures, or `nil` for an empty log.
    /// - Throws: ``AnchoringError/checkpointUnreadable(size:_:)`` or a storage error.
    public func checkpoint() async throws -> SignedNote? {
        do {
            if let publisher { return try await publisher.cosignedCheckpoint() }
            return try await ledger.latestSignedCheckpoint().note
        } catch AnchoringError.noSignedCheckpoint {
            return nil
        }
    }

    /// Up to `count` consecutive entries from `start`; fewer (or none) past the end of the log.
    public func entries(start: UInt64, count: Int) async throws -> [(index: UInt64, data: [UInt8])] {
        let size = try await size()
        guard start < size, count > 0 else { return [] }
        let end = min(size, start + UInt64(count))
        var entries: [(index: UInt64, data: [UInt8])] = []
        for index in start..<end {
            guard let data = try await ledger.store.leaf(at: index) else { break }
            entries.append((index, data))
        }
        return entries
    }

    /// The inclusion proof of leaf `index` in the tree of `size` leaves, or `nil` when `index >= size` or the
    /// log is smaller than `size`.
    public func inclusionProof(index: UInt64, size: UInt64) async throws -> InclusionProof? {
        guard index < size, size <= (try await self.size()) else { return nil }
        return try await ledger.store.inclusionProof(index: index, size: size)
    }

    /// The consistency proof from `oldSize` to `newSize`, or `nil` when the log is smaller than `newSize`.
    /// - Precondition: `oldSize <= newSize` (callers reject reversed sizes as bad input).
    public func consistencyProof(from oldSize: UInt64, to newSize: UInt64) async throws -> ConsistencyProof? {
        guard oldSize <= newSize, newSize <= (try await size()) else { return nil }
        return try await ledger.consistencyProof(from: oldSize, to: newSize)
    }

    /// A C2SP tlog-proof (https://c2sp.org/tlog-proof) of leaf `index`, against the checkpoint of `size`
    /// leaves or, when `size` is `nil`, the latest one; the checkpoint carries the cosignatures held for it.
    /// - Returns: the proof, or `nil` when there is no signed checkpoint at that size or it does not cover
    ///   `index`.
    /// - Throws: ``AnchoringError/checkpointUnreadable(size:_:)`` or a storage error.
    public func bundle(index: UInt64, size: UInt64? = nil) async throws -> TlogProof? {
        let record: LedgerCheckpoint?
        if let size {
            record = try await ledger.store.checkpoint(size: size)
        } else {
            record = try await ledger.store.latestCheckpoint()
        }
        guard let record, let text = record.signedNote, index < record.size else { return nil }
        let signed: SignedNote
        do { signed = try SignedNote(parsing: text) } catch {
            throw AnchoringError.checkpointUnreadable(size: record.size, error)
        }
        let cosignatures = try await publisher?.cosignatures(size: record.size) ?? []
        let note = SignedNote(
            text: signed.text, signatures: signed.signatures + cosignatures.filter { !signed.signatures.contains($0) })
        let inclusion = try await ledger.store.inclusionProof(index: index, size: record.size)
        do { return try TlogProof(index: index, hashes: inclusion.hashes, note: note) } catch {
            throw AnchoringError.checkpointUnreadable(size: record.size, error)
        }
    }
}
