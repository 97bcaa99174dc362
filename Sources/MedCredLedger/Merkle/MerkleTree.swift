/// RFC 9162 §2.1 Merkle tree computations (https://www.rfc-editor.org/rfc/rfc9162#section-2.1) over perfect
/// subtree hashes, so a store can answer them from the nodes it keeps.
public enum MerkleTree {
    /// The Merkle Tree Hash (RFC 9162 §2.1.1 MTH) of a list of leaf hashes.
    /// - Parameter leafHashes: the leaf hashes (``MerkleHash/leaf(_:)``), in order.
    /// - Returns: the root hash; ``MerkleHash/emptyRoot`` for no leaves.
    public static func root(leafHashes: [[UInt8]]) -> [UInt8] {
        var accumulator = MerkleAccumulator()
        for leaf in leafHashes { accumulator.append(leafHash: leaf) }
        return accumulator.root
    }

    /// The smallest list of perfect subtrees that exactly covers the leaves `[start, end)`, left to right.
    /// - Parameters:
    ///   - start: the first leaf.
    ///   - end: one past the last leaf; at least `start`.
    /// - Returns: the node addresses, at most 2·64 of them.
    public static func perfectSubtrees(start: UInt64, end: UInt64) -> [MerkleNodeID] {
        precondition(start <= end, "Merkle range is reversed")  // invariant: callers order their sizes
        var nodes: [MerkleNodeID] = []
        var position = start
        while position < end {
            let remaining = end - position
            let alignment = position == 0 ? 63 : position.trailingZeroBitCount
            let fits = 63 - remaining.leadingZeroBitCount
            let level = min(alignment, fits)
            nodes.append(MerkleNodeID(level: level, index: position >> UInt64(level)))
            position += 1 << UInt64(level)
        }
        return nodes
    }

    /// The hash of the leaf range `[start, end)`, built from perfect subtree hashes only.
    ///
    /// The range is split into ``perfectSubtrees(start:end:)`` and folded from the right, as the compact
    /// ranges of transparency-dev/merkle do. When `start` is a multiple of a power of two at least
    /// `end - start` (every subtree RFC 9162 proofs use, and every `[0, size)`), this is exactly
    /// RFC 9162 MTH of those leaves.
    /// - Parameters:
    ///   - start: the first leaf.
    ///   - end: one past the last leaf; at least `start`.
    ///   - perfect: returns the hash of the perfect subtree at `level`, `index`.
    /// - Returns: the hash; ``MerkleHash/emptyRoot`` for an empty range.
    /// - Throws: whatever `perfect` throws.
    public static func rangeHash(
        start: UInt64, end: UInt64, perfect: (_ level: Int, _ index: UInt64) throws -> [UInt8]
    ) rethrows -> [UInt8] {
        let nodes = perfectSubtrees(start: start, end: end)
        guard var hash = try nodes.last.map({ try perfect($0.level, $0.index) }) else { return MerkleHash.emptyRoot }
        for node in nodes.dropLast().reversed() {
            hash = MerkleHash.node(try perfect(node.level, node.index), hash)
        }
        return hash
    }

    /// The RFC 9162 §2.1.3.1 inclusion proof for leaf `index` in the tree of `size` leaves.
    ///
    /// Every proof element is a sibling on the path to the root; at most one of them (the right edge) is not
    /// a perfect subtree, so `perfect` is called O(log n) times.
    /// - Parameters:
    ///   - index: the leaf, below `size`.
    ///   - size: the tree size.
    ///   - perfect: returns the hash of the perfect subtree at `level`, `index`.
    /// - Returns: the proof, ordered from the leaf up.
    /// - Throws: ``MerkleError/leafIndexOutOfRange(index:size:)``, or whatever `perfect` throws.
    public static func inclusionProof(
        index: UInt64, size: UInt64, perfect: (Int, UInt64) throws -> [UInt8]
    ) throws -> InclusionProof {
        guard index < size else { throw MerkleError.leafIndexOutOfRange(index: index, size: size) }
        var hashes: [[UInt8]] = []
        for sibling in inclusionSiblings(index: index, size: size) {
            hashes.append(try rangeHash(start: sibling.start, end: sibling.end, perfect: perfect))
        }
        return InclusionProof(leafIndex: index, treeSize: size, hashes: hashes)
    }

    /// The RFC 9162 §2.1.4.1 consistency proof from the tree of `oldSize` leaves to the tree of `newSize`.
    ///
    /// `0 < oldSize < newSize` gives the RFC's PROOF; `oldSize == newSize` and `oldSize == 0` give the empty
    /// proof. At most one element is not a perfect subtree, so `perfect` is called O(log n) times.
    /// - Parameters:
    ///   - oldSize: the earlier size.
    ///   - newSize: the later size, at least `oldSize`.
    ///   - perfect: returns the hash of the perfect subtree at `level`, `index`.
    /// - Returns: the proof, ordered from the leaves up.
    /// - Throws: ``MerkleError/sizeOutOfRange(old:new:)``, or whatever `perfect` throws.
    public static func consistencyProof(
        from oldSize: UInt64, to newSize: UInt64, perfect: (Int, UInt64) throws -> [UInt8]
    ) throws -> ConsistencyProof {
        guard oldSize <= newSize else { throw MerkleError.sizeOutOfRange(old: oldSize, new: newSize) }
        var hashes: [[UInt8]] = []
        for range in consistencyRanges(oldSize: oldSize, newSize: newSize) {
            hashes.append(try rangeHash(start: range.start, end: range.end, perfect: perfect))
        }
        return ConsistencyProof(oldSize: oldSize, newSize: newSize, hashes: hashes)
    }

    /// The leaf ranges an inclusion proof holds, from the leaf up (RFC 9162 §2.1.3.1 PATH, unrolled).
    static func inclusionSiblings(index: UInt64, size: UInt64) -> [(start: UInt64, end: UInt64)] {
        var ranges: [(start: UInt64, end: UInt64)] = []
        var node = index
        var last = size - 1
        var level: UInt64 = 0
        while last > 0 {
            if node & 1 == 1 {
                ranges.append(((node - 1) << level, node << level))
            } else if node < last {
                let start = (node + 1) << level
                ranges.append((start, start + min(1 << level, size - start)))
            }
            node >>= 1
            last >>= 1
            level += 1
        }
        return ranges
    }

    /// The leaf ranges a consistency proof holds, from the leaves up (RFC 9162 §2.1.4.1 SUBPROOF, unrolled).
    static func consistencyRanges(oldSize: UInt64, newSize: UInt64) -> [(start: UInt64, end: UInt64)] {
        guard oldSize > 0, oldSize < newSize else { return [] }
        var topDown: [(start: UInt64, end: UInt64)] = []
        var offset: UInt64 = 0
        var m = oldSize
        var n = newSize
        var isWholeOldTree = true
        while m != n {
            let k = largestPowerOfTwo(below: n)
            if m <= k {
                topDown.append((offset + k, offset + n))
                n = k
            } else {
                topDown.append((offset, offset + k))
                offset += k
                m -= k
                n -= k
                isWholeOldTree = false
            }
        }
        if !isWholeOldTree { topDown.append((offset, offset + n)) }
        return topDown.reversed()
    }

    /// The largest power of two strictly below `n` (RFC 9162 §2.1.1's k), for `n > 1`.
    static func largestPowerOfTwo(below n: UInt64) -> UInt64 {
        1 << UInt64(63 - (n - 1).leadingZeroBitCount)
    }
}
