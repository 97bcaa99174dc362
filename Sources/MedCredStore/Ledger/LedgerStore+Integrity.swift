import Foundation
import GRDB
import MedCredLedger

extension LedgerStore {
    /// The tree of the stored leaves, read from its right edge (O(log n) reads).
    static func loadTree(_ db: Database) throws -> MerkleAccumulator {
        try MerkleAccumulator(size: LedgerSchema.leafCount(db), perfect: perfect(db))
    }

    /// The checks run at open: the leaves are contiguous, the node table holds exactly the perfect subtrees
    /// their count completes, and the latest checkpoint's root is what the stored tree gives at its size.
    ///
    /// The counts scan the leaf-hash index and the node table (small rows); the root is O(log n) reads.
    /// - Returns: the stored tree, ready for appends.
    static func checkIntegrity(_ db: Database) throws -> MerkleAccumulator {
        let count = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM leaf") ?? 0
        let size = try LedgerSchema.leafCount(db)
        guard UInt64(count) == size else {
            throw StoreError.leavesNotContiguous(count: UInt64(count), maxIndex: size == 0 ? 0 : size - 1)
        }
        let latest = try LedgerSchema.latestCheckpoint(db)
        if let latest, latest.size > size {
            throw StoreError.checkpointBeyondLog(checkpointSize: latest.size, storedSize: size)
        }
        try checkNodeLevels(db, size: size)
        let tree = try loadTree(db)
        if let checkpoint = latest {
            let root =
                checkpoint.size == size
                ? tree.root : try MerkleTree.rangeHash(start: 0, end: checkpoint.size, perfect: perfect(db))
            guard root == checkpoint.root else { throw StoreError.checkpointRootMismatch(size: checkpoint.size) }
        }
        return tree
    }

    /// Level `l ≥ 1` must hold nodes `0..<(size >> l)` and nothing else, and no level above the top may exist.
    private static func checkNodeLevels(_ db: Database, size: UInt64) throws {
        let top = size == 0 ? 0 : 63 - size.leadingZeroBitCount
        if top >= 1 {
            for level in 1...top {
                let expected = size >> UInt64(level)
                let row = try Row.fetchOne(
                    db, sql: "SELECT COUNT(*), MAX(idx) FROM node WHERE level = ?", arguments: [level])
                let found = UInt64(row?[0] as Int64? ?? 0)
                let maxIndex = row?[1] as Int64?
                // With (level, idx) unique and idx ≥ 0, count and maximum together pin the set to 0..<expected.
                guard found == expected, maxIndex.map({ UInt64($0) + 1 }) == expected else {
                    throw StoreError.nodeTableIncomplete(level: level, expected: expected, found: found)
                }
            }
        }
        let extra = try Row.fetchOne(
            db, sql: "SELECT level, COUNT(*) FROM node WHERE level > ? GROUP BY level ORDER BY level LIMIT 1",
            arguments: [top])
        if let extra {
            let level: Int = extra[0]
            let found: Int64 = extra[1]
            throw StoreError.nodeTableIncomplete(level: level, expected: 0, found: UInt64(found))
        }
    }

    /// The full audit on one snapshot: every leaf hash from its data, every node from its children, every
    /// checkpoint root from the leaves.
    static func audit(_ db: Database) throws -> LedgerAudit {
        _ = try checkIntegrity(db)
        var tree = MerkleAccumulator()
        var checked = 0
        let checkpoints = try Row.fetchCursor(
            db, sql: "SELECT size, root, signed_note, created FROM checkpoint ORDER BY size")
        var pending = try checkpoints.next().map(LedgerSchema.checkpoint(from:))
        func checkCheckpoints() throws {
            while let checkpoint = pending, checkpoint.size == tree.size {
                guard checkpoint.root == tree.root else { throw StoreError.checkpointRootMismatch(size: tree.size) }
                checked += 1
                pending = try checkpoints.next().map(LedgerSchema.checkpoint(from:))
            }
        }
        try checkCheckpoints()
        let leaves = try Row.fetchCursor(db, sql: #"SELECT "index", data, leaf_hash FROM leaf ORDER BY "index""#)
        while let row = try leaves.next() {
            try auditLeaf(row, into: &tree, db)
            try checkCheckpoints()
        }
        if let pending {
            throw StoreError.checkpointBeyondLog(checkpointSize: pending.size, storedSize: tree.size)
        }
        return LedgerAudit(size: tree.size, root: tree.root, checkpointsChecked: checked)
    }

    private static func auditLeaf(_ row: Row, into tree: inout MerkleAccumulator, _ db: Database) throws {
        let index: Int64 = row[0]
        guard UInt64(index) == tree.size else {
            throw StoreError.leavesNotContiguous(count: tree.size, maxIndex: UInt64(index))
        }
        let data: Data = row[1]
        let stored: Data = row[2]
        let leafHash = MerkleHash.leaf(data)
        guard [UInt8](stored) == leafHash else { throw StoreError.leafHashMismatch(index: tree.size) }
        for (node, hash) in tree.append(leafHash: leafHash) where node.level > 0 {
            guard try LedgerSchema.perfectHash(db, level: node.level, index: node.index) == hash else {
                throw StoreError.nodeHashMismatch(level: node.level, index: node.index)
            }
        }
    }
}
