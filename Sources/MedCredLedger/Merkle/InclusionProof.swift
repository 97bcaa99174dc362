/// An RFC 9162 §2.1.3 inclusion proof (https://www.rfc-editor.org/rfc/rfc9162#section-2.1.3): the sibling
/// hashes on the path from one leaf to the root of a tree of a given size.
public struct InclusionProof: Hashable, Sendable {
    /// The leaf's index, from 0.
    public let leafIndex: UInt64
    /// The size of the tree the proof is for.
    public let treeSize: UInt64
    /// The sibling hashes, from the leaf up.
    public let hashes: [[UInt8]]

    /// Wraps proof data as received; nothing is checked until ``verify(leafHash:root:)``.
    /// - Parameters:
    ///   - leafIndex: the leaf's index.
    ///   - treeSize: the tree size.
    ///   - hashes: the sibling hashes, from the leaf up.
    public init(leafIndex: UInt64, treeSize: UInt64, hashes: [[UInt8]]) {
        self.leafIndex = leafIndex
        self.treeSize = treeSize
        self.hashes = hashes
    }

    /// Checks the proof with the RFC 9162 §2.1.3.2 algorithm.
    /// - Parameters:
    ///   - leafHash: the leaf hash (``MerkleHash/leaf(_:)``), not the leaf data.
    ///   - root: the root hash of the tree of ``treeSize`` leaves.
    /// - Throws: ``MerkleError/leafIndexOutOfRange(index:size:)``, ``MerkleError/hashLengthInvalid(_:)``,
    ///   ``MerkleError/proofLengthMismatch(expected:actual:)`` or ``MerkleError/rootMismatch``.
    public func verify(leafHash: [UInt8], root: [UInt8]) throws(MerkleError) {
        guard leafIndex < treeSize else { throw .leafIndexOutOfRange(index: leafIndex, size: treeSize) }
        try checkLength(leafHash)
        try checkLength(root)
        for hash in hashes { try checkLength(hash) }
        let expected = MerkleTree.inclusionSiblings(index: leafIndex, size: treeSize).count
        guard hashes.count == expected else { throw .proofLengthMismatch(expected: expected, actual: hashes.count) }
        guard rootFromPath(leafHash: leafHash) == root else { throw .rootMismatch }
    }

    /// RFC 9162 §2.1.3.2 steps 2–5, once the length is known to be right.
    private func rootFromPath(leafHash: [UInt8]) -> [UInt8] {
        var node = leafIndex
        var last = treeSize - 1
        var hash = leafHash
        for sibling in hashes {
            if node & 1 == 1 || node == last {
                hash = MerkleHash.node(sibling, hash)
                while node & 1 == 0 && node != 0 {
                    node >>= 1
                    last >>= 1
                }
            } else {
                hash = MerkleHash.node(hash, sibling)
            }
            node >>= 1
            last >>= 1
        }
        return hash
    }
}

/// Throws unless `hash` is a SHA-256 digest.
func checkLength(_ hash: [UInt8]) throws(MerkleError) {
    guard hash.count == MerkleHash.byteCount else { throw .hashLengthInvalid(hash.count) }
}
