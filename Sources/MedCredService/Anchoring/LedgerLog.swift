public import Foundation
public import MedCredLedger
public import MedCredStore

/// MedCred's transparency ledger: a ``LedgerStore`` whose every committed batch leaves a C2SP checkpoint
/// signed by the log key, kept as history (DESIGN.md, "The ledger").
///
/// The checkpoint origin is the signer key's name, so a tlog-proof verifies with ``verifierKey``.
public final class LedgerLog: Sendable {
    /// The underlying store.
    public let store: LedgerStore
    /// The log's key, whose name is the checkpoint origin.
    public let verifierKey: NoteVerifierKey

    /// The checkpoint origin line.
    public var origin: String { verifierKey.name }

    /// Opens (creating if needed) the ledger at `path`, signing a checkpoint after every batch.
    /// - Parameters:
    ///   - path: the SQLite file.
    ///   - signer: the log's note key (type ``NoteSignatureType/ed25519``); its name is the origin.
    ///   - now: the clock that stamps checkpoints.
    /// - Throws: any error of ``LedgerStore/init(path:configuration:)``.
    public init(path: String, signer: NoteSignerKey, now: @escaping @Sendable () -> Date) throws {
        let configuration = LedgerStore.Configuration(
            checkpointNote: { size, root in Self.signedCheckpoint(size: size, root: root, signer: signer) }, now: now)
        self.store = try LedgerStore(path: path, configuration: configuration)
        self.verifierKey = signer.verifierKey
    }

    /// The signed note text of the checkpoint `(origin, size, root)` (C2SP tlog-checkpoint, signed-note).
    /// - Returns: the note, or `nil` when the root is not a 32-byte hash.
    static func signedCheckpoint(size: UInt64, root: [UInt8], signer: NoteSignerKey) -> String? {
        guard
            let checkpoint = try? Checkpoint(origin: signer.verifierKey.name, treeSize: size, rootHash: root)
        else { return nil }
        let text = checkpoint.text
        return SignedNote(text: text, signatures: [signer.signature(forText: text)]).formatted
    }

    /// Appends an entry; see ``LedgerStore/append(_:)``.
    public func append(_ entry: [UInt8]) async throws -> UInt64 {
        try await store.append(entry)
    }

    /// The latest checkpoint that carries a signed note, parsed.
    /// - Throws: ``AnchoringError/noSignedCheckpoint`` for an empty log or one whose latest checkpoint is
    ///   unsigned, ``AnchoringError/checkpointUnreadable(size:_:)``, or a storage error.
    public func latestSignedCheckpoint() async throws -> (record: LedgerCheckpoint, note: SignedNote) {
        guard let record = try await store.latestCheckpoint(), let text = record.signedNote else {
            throw AnchoringError.noSignedCheckpoint
        }
        do { return (record, try SignedNote(parsing: text)) } catch {
            throw AnchoringError.checkpointUnreadable(size: record.size, error)
        }
    }

    /// A C2SP tlog-proof (https://c2sp.org/tlog-proof) of leaf `index` against the latest signed checkpoint.
    /// - Parameter index: the leaf index.
    /// - Returns: the proof, verifiable offline with ``verifierKey``.
    /// - Throws: ``AnchoringError/noSignedCheckpoint``, ``AnchoringError/leafMissing(index:size:)`` when the
    ///   checkpoint does not cover the leaf, ``AnchoringError/checkpointUnreadable(size:_:)``, or a storage error.
    public func proof(index: UInt64) async throws -> TlogProof {
        let (record, note) = try await latestSignedCheckpoint()
        guard index < record.size else { throw AnchoringError.leafMissing(index: index, size: record.size) }
        let inclusion = try await store.inclusionProof(index: index, size: record.size)
        do { return try TlogProof(index: index, hashes: inclusion.hashes, note: note) } catch {
            throw AnchoringError.checkpointUnreadable(size: record.size, error)
        }
    }

    /// The signed checkpoint history, smallest first; see ``LedgerStore/checkpoints(from:limit:)``.
    public func checkpoints(from size: UInt64 = 0, limit: Int = 1000) async throws -> [LedgerCheckpoint] {
        try await store.checkpoints(from: size, limit: limit)
    }

    /// The RFC 9162 consistency proof between two tree sizes; see ``LedgerStore/consistencyProof(from:to:)``.
    public func consistencyProof(from oldSize: UInt64, to newSize: UInt64) async throws -> ConsistencyProof {
        try await store.consistencyProof(from: oldSize, to: newSize)
    }

    /// Closes the database.
    public func close() throws { try store.close() }
}
