public import Foundation

/// A tree head the store recorded after a committed batch: the size, its RFC 9162 root and, when the
/// checkpoint hook signed one, the C2SP signed note text.
public struct LedgerCheckpoint: Hashable, Sendable {
    /// The number of leaves the checkpoint covers.
    public let size: UInt64
    /// The RFC 9162 root hash of leaves `[0, size)`.
    public let root: [UInt8]
    /// The signed note text the checkpoint hook returned, if any.
    public let signedNote: String?
    /// When the batch committed, as the store's clock said.
    public let created: Date

    /// Makes a checkpoint record.
    public init(size: UInt64, root: [UInt8], signedNote: String?, created: Date) {
        self.size = size
        self.root = root
        self.signedNote = signedNote
        self.created = created
    }
}

/// What ``LedgerStore/audit()`` recomputed from the leaf data alone.
public struct LedgerAudit: Hashable, Sendable {
    /// The number of leaves audited.
    public let size: UInt64
    /// The root recomputed from the leaf data.
    public let root: [UInt8]
    /// How many stored checkpoints were checked against the recomputed roots.
    public let checkpointsChecked: Int

    /// Makes an audit summary.
    public init(size: UInt64, root: [UInt8], checkpointsChecked: Int) {
        self.size = size
        self.root = root
        self.checkpointsChecked = checkpointsChecked
    }
}
