/// The address of a perfect (complete, aligned) subtree: `level` 0 is a leaf, and the node at `level`, `index`
/// covers leaves `[index · 2^level, (index + 1) · 2^level)`.
///
/// This is the tile-friendly numbering of C2SP tlog-tiles (https://c2sp.org/tlog-tiles).
public struct MerkleNodeID: Hashable, Sendable, CustomStringConvertible {
    /// Height above the leaves (0 for a leaf).
    public let level: Int
    /// Position among the nodes of the same level, from the left.
    public let index: UInt64

    /// Makes a node address.
    /// - Parameters:
    ///   - level: height above the leaves, 0 to 63.
    ///   - index: position at that level.
    public init(level: Int, index: UInt64) {
        precondition((0..<64).contains(level), "Merkle level out of range")  // invariant: callers compute it
        self.level = level
        self.index = index
    }

    /// The first leaf the node covers.
    public var start: UInt64 { index << UInt64(level) }
    /// One past the last leaf the node covers.
    public var end: UInt64 { (index + 1) << UInt64(level) }

    public var description: String { "(\(level), \(index))" }
}
