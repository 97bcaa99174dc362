public import Foundation
import GRDB
public import MedCredLedger

/// The ledger's append-only Merkle log in SQLite: entries, every completed perfect subtree, and a checkpoint
/// per committed batch (DESIGN.md, "The ledger").
///
/// An append costs O(log n) row writes and a proof or root O(log n) primary-key reads, at any size. Appends go
/// through one writer that group-commits concurrent callers in one transaction and answers each only after
/// its transaction is durable (WAL, `synchronous=FULL`). Reads run on their own WAL snapshot and never wait
/// for the writer. Opening checks the stored tree against the latest checkpoint and refuses a log that
/// disagrees with itself.
public final class LedgerStore: Sendable {
    /// Turns a new tree head `(size, root)` into the signed note text to keep with its checkpoint, or `nil`.
    ///
    /// It runs inside the batch's transaction, so it must be quick and must not touch the store.
    public typealias CheckpointHook = @Sendable (_ size: UInt64, _ root: [UInt8]) -> String?

    /// Limits and effects of a store.
    public struct Configuration: Sendable {
        /// The largest entry accepted, in bytes.
        public var maxEntrySize: Int
        /// The most entries committed in one transaction.
        public var maxBatchEntries: Int
        /// Signs each new checkpoint; `nil` keeps checkpoints unsigned.
        public var checkpointNote: CheckpointHook?
        /// The clock that stamps checkpoints.
        public var now: @Sendable () -> Date

        /// Makes a configuration; the defaults are 1 MiB entries and batches of 1024 entries.
        public init(
            maxEntrySize: Int = 1 << 20, maxBatchEntries: Int = 1024, checkpointNote: CheckpointHook? = nil,
            now: @escaping @Sendable () -> Date = { Date() }
        ) {
            self.maxEntrySize = maxEntrySize
            self.maxBatchEntries = maxBatchEntries
            self.checkpointNote = checkpointNote
            self.now = now
        }
    }

    /// The store's limits and effects.
    public let configuration: Configuration
    let pool: DatabasePool
    private let sequencer: LedgerSequencer

    /// Opens (creating if needed) the ledger database at `path` and checks its tree.
    /// - Parameters:
    ///   - path: the SQLite file.
    ///   - configuration: limits, the checkpoint hook and the clock.
    /// - Throws: ``StoreError/leavesNotContiguous(count:maxIndex:)``,
    ///   ``StoreError/nodeTableIncomplete(level:expected:found:)``, ``StoreError/missingNode(level:index:)``,
    ///   ``StoreError/checkpointBeyondLog(checkpointSize:storedSize:)``,
    ///   ``StoreError/checkpointRootMismatch(size:)``, or ``StoreError/sqlite(code:message:)``.
    public init(path: String, configuration: Configuration = Configuration()) throws {
        let (pool, tree) = try StoreError.mapping {
            let pool = try DurableDatabase.open(path: path, migrator: LedgerSchema.migrator)
            return (pool, try pool.read { db in try Self.checkIntegrity(db) })
        }
        self.configuration = configuration
        self.pool = pool
        self.sequencer = LedgerSequencer(
            pool: pool, tree: tree, maxBatchEntries: configuration.maxBatchEntries,
            checkpointNote: configuration.checkpointNote, now: configuration.now)
    }

    /// Closes the database; later calls fail with ``StoreError/sqlite(code:message:)``.
    public func close() throws {
        try StoreError.mapping { try pool.close() }
    }

    // MARK: Appending

    /// Appends one entry and returns its leaf index once it is durable.
    /// - Parameter data: the entry bytes (for MedCred, the JCS bytes of a signed entry).
    /// - Returns: the leaf index.
    /// - Throws: ``StoreError/entryTooLarge(size:limit:)`` or ``StoreError/sqlite(code:message:)``.
    public func append(_ data: [UInt8]) async throws -> UInt64 {
        try checkSize(data)
        return try await sequencer.append([data])
    }

    /// Appends entries as consecutive leaves, in one transaction, once they are all durable.
    /// - Parameter entries: the entry bytes, in order.
    /// - Returns: the leaf indices given to them.
    /// - Throws: ``StoreError/entryTooLarge(size:limit:)`` or ``StoreError/sqlite(code:message:)``.
    public func append(contentsOf entries: [[UInt8]]) async throws -> Range<UInt64> {
        for entry in entries { try checkSize(entry) }
        let first = try await sequencer.append(entries)
        return first..<first + UInt64(entries.count)
    }

    private func checkSize(_ entry: [UInt8]) throws {
        guard entry.count <= configuration.maxEntrySize else {
            throw StoreError.entryTooLarge(size: entry.count, limit: configuration.maxEntrySize)
        }
    }

    // MARK: Reading

    /// The number of committed leaves.
    public func size() async throws -> UInt64 {
        try await read { db in try LedgerSchema.leafCount(db) }
    }

    /// The entry at `index`, or `nil` when there is none.
    public func leaf(at index: UInt64) async throws -> [UInt8]? {
        try await read { db in try LedgerSchema.leafData(db, index: index) }
    }

    /// The RFC 9162 leaf hash of the entry at `index`, or `nil` when there is none.
    public func leafHash(at index: UInt64) async throws -> [UInt8]? {
        try await read { db in
            do { return try LedgerSchema.perfectHash(db, level: 0, index: index) } catch StoreError.missingNode {
                return nil
            }
        }
    }

    /// The first index whose leaf hash is `leafHash`, or `nil` when no entry has it.
    public func index(ofLeafHash leafHash: [UInt8]) async throws -> UInt64? {
        try await read { db in try LedgerSchema.leafIndex(db, hash: leafHash) }
    }

    /// The RFC 9162 root of the first `size` leaves, from O(log n) stored subtree hashes.
    /// - Throws: ``StoreError/sizeBeyondLog(size:storedSize:)`` or a storage error.
    public func root(size: UInt64) async throws -> [UInt8] {
        try await read { db in
            try Self.checkSize(size, db)
            return try MerkleTree.rangeHash(start: 0, end: size, perfect: Self.perfect(db))
        }
    }

    /// The RFC 9162 §2.1.3 inclusion proof of leaf `index` in the tree of `size` leaves.
    /// - Throws: ``StoreError/leafIndexOutOfRange(index:size:)``, ``StoreError/sizeBeyondLog(size:storedSize:)``
    ///   or a storage error.
    public func inclusionProof(index: UInt64, size: UInt64) async throws -> InclusionProof {
        guard index < size else { throw StoreError.leafIndexOutOfRange(index: index, size: size) }
        return try await read { db in
            try Self.checkSize(size, db)
            return try MerkleTree.inclusionProof(index: index, size: size, perfect: Self.perfect(db))
        }
    }

    /// The RFC 9162 §2.1.4 consistency proof from the tree of `oldSize` leaves to the tree of `newSize`.
    /// - Throws: ``StoreError/sizesReversed(old:new:)``, ``StoreError/sizeBeyondLog(size:storedSize:)`` or a
    ///   storage error.
    public func consistencyProof(from oldSize: UInt64, to newSize: UInt64) async throws -> ConsistencyProof {
        guard oldSize <= newSize else { throw StoreError.sizesReversed(old: oldSize, new: newSize) }
        return try await read { db in
            try Self.checkSize(newSize, db)
            return try MerkleTree.consistencyProof(from: oldSize, to: newSize, perfect: Self.perfect(db))
        }
    }

    /// The checkpoint of the largest committed size, or `nil` for an empty log.
    public func latestCheckpoint() async throws -> LedgerCheckpoint? {
        try await read { db in try LedgerSchema.latestCheckpoint(db) }
    }

    /// The checkpoint recorded at exactly `size`, or `nil` when no batch ended there.
    public func checkpoint(size: UInt64) async throws -> LedgerCheckpoint? {
        try await read { db in try LedgerSchema.checkpoint(db, size: size) }
    }

    /// Checkpoint history from size `from` upwards, smallest first, at most `limit` of them.
    public func checkpoints(from size: UInt64 = 0, limit: Int = 1000) async throws -> [LedgerCheckpoint] {
        try await read { db in try LedgerSchema.checkpoints(db, from: size, limit: limit) }
    }

    /// Recomputes every leaf hash from its data and every stored subtree and checkpoint root from the leaves.
    ///
    /// This reads the whole log (O(n)) on one snapshot; appends continue meanwhile.
    /// - Returns: the size and root the leaves give, and how many checkpoints matched them.
    /// - Throws: ``StoreError/leafHashMismatch(index:)``, ``StoreError/nodeHashMismatch(level:index:)``,
    ///   ``StoreError/checkpointRootMismatch(size:)``, any error opening checks, or a storage error.
    public func audit() async throws -> LedgerAudit {
        try await read { db in try Self.audit(db) }
    }

    private func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await StoreError.mapping { try await pool.read(body) }
    }

    static func perfect(_ db: Database) -> (Int, UInt64) throws -> [UInt8] {
        { level, index in try LedgerSchema.perfectHash(db, level: level, index: index) }
    }

    private static func checkSize(_ size: UInt64, _ db: Database) throws {
        let stored = try LedgerSchema.leafCount(db)
        guard size <= stored else { throw StoreError.sizeBeyondLog(size: size, storedSize: stored) }
    }
}
