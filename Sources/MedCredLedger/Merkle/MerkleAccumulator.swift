/// The right edge of a Merkle tree: the perfect subtrees covering leaves `[0, size)`, enough to append a leaf
/// in O(log n) and to give the RFC 9162 root at any size (a compact range, as in transparency-dev/merkle).
public struct MerkleAccumulator: Hashable, Sendable {
    /// The number of leaves appended so far.
    public private(set) var size: UInt64
    /// The perfect subtree hashes covering `[0, size)`, largest (leftmost) first: one per set bit of ``size``.
    public private(set) var edge: [[UInt8]]

    /// An empty tree.
    public init() {
        size = 0
        edge = []
    }

    /// Restores a tree from its stored right edge.
    /// - Parameters:
    ///   - size: the number of leaves.
    ///   - edge: the hashes of ``MerkleTree/perfectSubtrees(start:end:)`` for `[0, size)`, left to right.
    /// - Throws: ``MerkleError/proofLengthMismatch(expected:actual:)`` when the count does not match `size`,
    ///   ``MerkleError/hashLengthInvalid(_:)`` for a hash that is not 32 bytes.
    public init(size: UInt64, edge: [[UInt8]]) throws(MerkleError) {
        guard edge.count == size.nonzeroBitCount else {
            throw .proofLengthMismatch(expected: size.nonzeroBitCount, actual: edge.count)
        }
        for hash in edge { try checkLength(hash) }
        self.size = size
        self.edge = edge
    }

    /// Restores a tree of `size` leaves by reading its right edge from perfect subtree hashes.
    /// - Parameters:
    ///   - size: the number of leaves.
    ///   - perfect: returns the hash of the perfect subtree at `level`, `index`.
    /// - Throws: whatever `perfect` throws.
    public init(size: UInt64, perfect: (_ level: Int, _ index: UInt64) throws -> [UInt8]) rethrows {
        self.size = size
        edge = try MerkleTree.perfectSubtrees(start: 0, end: size).map { try perfect($0.level, $0.index) }
    }

    /// The addresses of the subtrees in ``edge``, left to right.
    public var edgeNodes: [MerkleNodeID] { MerkleTree.perfectSubtrees(start: 0, end: size) }

    /// The RFC 9162 root of the leaves so far; ``MerkleHash/emptyRoot`` when there are none.
    public var root: [UInt8] {
        guard var hash = edge.last else { return MerkleHash.emptyRoot }
        for left in edge.dropLast().reversed() { hash = MerkleHash.node(left, hash) }
        return hash
    }

    /// Appends a leaf.
    /// - Parameter leafHash: the leaf hash (``MerkleHash/leaf(_:)``).
    /// - Returns: every perfect subtree the append completed, from the leaf (level 0) up, with its hash, so a
    ///   store can persist them for ``MerkleTree`` proofs.
    @discardableResult
    public mutating func append(leafHash: [UInt8]) -> [(node: MerkleNodeID, hash: [UInt8])] {
        let index = size
        var completed: [(node: MerkleNodeID, hash: [UInt8])] = [(MerkleNodeID(level: 0, index: index), leafHash)]
        var hash = leafHash
        var level = 0
        while (size >> UInt64(level)) & 1 == 1 {
            hash = MerkleHash.node(edge.removeLast(), hash)
            level += 1
            completed.append((MerkleNodeID(level: level, index: index >> UInt64(level)), hash))
        }
        edge.append(hash)
        size += 1
        return completed
    }
}

/// The name transparency-dev/merkle uses for the same structure.
public typealias CompactRange = MerkleAccumulator
