import Foundation
import GRDB
import MedCredLedger

/// The single writer of the ledger: it sequences appends and group-commits whatever arrived while the
/// previous transaction was being made durable.
///
/// There is no background task. The first caller to find the writer idle becomes the leader: it commits its
/// own entries together with every waiting caller's (up to the batch limit) in one transaction, resumes the
/// waiters with their indices, and hands the lead to the next waiter if more arrived meanwhile. So a caller
/// never waits for batches that came after its own, and every result is given only after its commit.
actor LedgerSequencer {
    private enum Turn: Sendable {
        case committed(first: UInt64)
        case lead
    }

    private struct Waiter {
        let entries: [[UInt8]]
        let continuation: CheckedContinuation<Turn, any Error>
    }

    private let pool: DatabasePool
    private let maxBatchEntries: Int
    private let checkpointNote: LedgerStore.CheckpointHook?
    private let now: @Sendable () -> Date
    private var tree: MerkleAccumulator
    private var waiters: [Waiter] = []
    private var isLeading = false

    init(
        pool: DatabasePool, tree: MerkleAccumulator, maxBatchEntries: Int,
        checkpointNote: LedgerStore.CheckpointHook?, now: @escaping @Sendable () -> Date
    ) {
        self.pool = pool
        self.tree = tree
        self.maxBatchEntries = max(1, maxBatchEntries)
        self.checkpointNote = checkpointNote
        self.now = now
    }

    /// The size of the tree as of the last commit this writer made.
    var size: UInt64 { tree.size }

    /// Appends `entries` as consecutive leaves and returns the index of the first, once they are durable.
    func append(_ entries: [[UInt8]]) async throws -> UInt64 {
        if isLeading {
            let turn = try await withCheckedThrowingContinuation { continuation in
                waiters.append(Waiter(entries: entries, continuation: continuation))
            }
            if case .committed(let first) = turn { return first }
        } else {
            isLeading = true
        }
        return try await lead(with: entries)
    }

    /// Commits `entries` and as many waiters as fit in one batch, then passes the lead on.
    private func lead(with entries: [[UInt8]]) async throws -> UInt64 {
        var budget = maxBatchEntries - entries.count
        var taken: [Waiter] = []
        while let next = waiters.first, budget >= next.entries.count {
            budget -= next.entries.count
            taken.append(waiters.removeFirst())
        }
        let result = await commit([entries] + taken.map(\.entries))
        switch result {
        case .success(let firsts):
            for (waiter, first) in zip(taken, firsts.dropFirst()) {
                waiter.continuation.resume(returning: .committed(first: first))
            }
        case .failure(let error):
            for waiter in taken { waiter.continuation.resume(throwing: error) }
        }
        if waiters.isEmpty {
            isLeading = false
        } else {
            waiters.removeFirst().continuation.resume(returning: .lead)
        }
        return try result.get()[0]
    }

    /// One durable transaction: the leaves, the perfect subtrees they complete, and the new checkpoint.
    private func commit(_ groups: [[[UInt8]]]) async -> Result<[UInt64], any Error> {
        let start = tree
        let checkpointNote = checkpointNote
        let now = now
        do {
            let (committed, firsts) = try await pool.write { db in
                var tree = start
                var firsts: [UInt64] = []
                for group in groups {
                    firsts.append(tree.size)
                    for entry in group { try Self.append(entry, to: &tree, db) }
                }
                if tree.size > start.size {
                    let root = tree.root
                    let note = checkpointNote?(tree.size, root)
                    try LedgerSchema.insertCheckpoint(
                        db, LedgerCheckpoint(size: tree.size, root: root, signedNote: note, created: now()))
                }
                return (tree, firsts)
            }
            tree = committed
            return .success(firsts)
        } catch {
            // The transaction rolled back (or, if the commit itself failed, its outcome is unknown): take the
            // tree from what the database now holds so the next batch continues from the truth.
            if let reloaded = try? await pool.read({ db in try LedgerStore.loadTree(db) }) { tree = reloaded }
            return .failure(StoreError.mapped(error))
        }
    }

    private static func append(_ entry: [UInt8], to tree: inout MerkleAccumulator, _ db: Database) throws {
        let index = tree.size
        for (node, hash) in tree.append(leafHash: MerkleHash.leaf(entry)) {
            if node.level == 0 {
                try LedgerSchema.insertLeaf(db, index: index, data: entry, hash: hash)
            } else {
                try LedgerSchema.insertNode(db, level: node.level, index: node.index, hash: hash)
            }
        }
    }
}
