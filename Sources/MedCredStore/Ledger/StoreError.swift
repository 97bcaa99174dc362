/// Why the ledger store refused an operation or found its database inconsistent with itself.
///
/// Integrity cases name the row that is wrong; none of them carries entry content.
public enum StoreError: Error, Equatable, Sendable {
    /// An entry is larger than ``LedgerStore/Configuration/maxEntrySize``.
    case entryTooLarge(size: Int, limit: Int)
    /// A requested tree size is larger than the number of stored leaves.
    case sizeBeyondLog(size: UInt64, storedSize: UInt64)
    /// A proof was asked for a leaf at or beyond the tree size.
    case leafIndexOutOfRange(index: UInt64, size: UInt64)
    /// A consistency proof was asked from a larger tree to a smaller one.
    case sizesReversed(old: UInt64, new: UInt64)
    /// The leaf indices do not run `0..<count` without gaps.
    case leavesNotContiguous(count: UInt64, maxIndex: UInt64)
    /// A level of the node table does not hold exactly the perfect subtrees the leaf count completes.
    case nodeTableIncomplete(level: Int, expected: UInt64, found: UInt64)
    /// A perfect subtree hash that the tree needs is not stored.
    case missingNode(level: Int, index: UInt64)
    /// A stored leaf hash differs from the hash of the stored leaf data.
    case leafHashMismatch(index: UInt64)
    /// A stored node hash differs from the hash of its two children.
    case nodeHashMismatch(level: Int, index: UInt64)
    /// A stored hash is not 32 bytes long.
    case hashLengthInvalid(level: Int, index: UInt64, length: Int)
    /// The latest checkpoint is for more leaves than the log holds: acknowledged entries are missing.
    case checkpointBeyondLog(checkpointSize: UInt64, storedSize: UInt64)
    /// The root recomputed from the stored tree differs from the root a checkpoint recorded.
    case checkpointRootMismatch(size: UInt64)
    /// SQLite reported an error; the message is SQLite's own, without bound values.
    case sqlite(code: Int32, message: String)
}
