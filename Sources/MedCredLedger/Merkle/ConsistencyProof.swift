/// An RFC 9162 §2.1.4 consistency proof (https://www.rfc-editor.org/rfc/rfc9162#section-2.1.4): the hashes
/// that show the tree of ``oldSize`` leaves is a prefix of the tree of ``newSize`` leaves.
public struct ConsistencyProof: Hashable, Sendable {
    /// The earlier tree size.
    public let oldSize: UInt64
    /// The later tree size.
    public let newSize: UInt64
    /// The proof hashes, from the leaves up.
    public let hashes: [[UInt8]]

    /// Wraps proof data as received; nothing is checked until ``verify(oldRoot:newRoot:allowingEmptyOldTree:)``.
    /// - Parameters:
    ///   - oldSize: the earlier tree size.
    ///   - newSize: the later tree size.
    ///   - hashes: the proof hashes.
    public init(oldSize: UInt64, newSize: UInt64, hashes: [[UInt8]]) {
        self.oldSize = oldSize
        self.newSize = newSize
        self.hashes = hashes
    }

    /// Checks the proof with the RFC 9162 §2.1.4.2 algorithm.
    ///
    /// Equal sizes need an empty proof and byte-equal roots (of any length, as transparency-dev/merkle has it). RFC 9162 defines no proof from the empty tree and
    /// transparency-dev/merkle (whose test vectors we run) rejects `oldSize == 0`; C2SP tlog-witness instead
    /// requires old size 0 to come with an empty proof and accepts it, since the empty tree is a prefix of
    /// every tree. Pass `allowingEmptyOldTree: true` for the witness rule; `oldRoot` is then ignored, as
    /// tlog-witness sends no old root.
    /// - Parameters:
    ///   - oldRoot: the root of the tree of ``oldSize`` leaves.
    ///   - newRoot: the root of the tree of ``newSize`` leaves.
    ///   - allowingEmptyOldTree: whether `oldSize == 0` with an empty proof passes (tlog-witness).
    /// - Throws: ``MerkleError/sizeOutOfRange(old:new:)``, ``MerkleError/emptyOldTree(new:)``,
    ///   ``MerkleError/hashLengthInvalid(_:)``, ``MerkleError/proofLengthMismatch(expected:actual:)`` or
    ///   ``MerkleError/rootMismatch``.
    public func verify(oldRoot: [UInt8], newRoot: [UInt8], allowingEmptyOldTree: Bool = false) throws(MerkleError) {
        guard oldSize <= newSize else { throw .sizeOutOfRange(old: oldSize, new: newSize) }
        if oldSize == 0 {
            guard allowingEmptyOldTree else { throw .emptyOldTree(new: newSize) }
            guard hashes.isEmpty else { throw .proofLengthMismatch(expected: 0, actual: hashes.count) }
            try checkLength(newRoot)
            return
        }
        let expected = MerkleTree.consistencyRanges(oldSize: oldSize, newSize: newSize).count
        guard hashes.count == expected else { throw .proofLengthMismatch(expected: expected, actual: hashes.count) }
        if oldSize == newSize {
            // Like transparency-dev/merkle (and its "sizes are equal" vector), equal sizes only need equal roots:
            // the claim is trivially true whatever the roots' length.
            guard oldRoot == newRoot else { throw .rootMismatch }
            return
        }
        try checkLength(oldRoot)
        try checkLength(newRoot)
        for hash in hashes { try checkLength(hash) }
        let (computedOld, computedNew) = rootsFromPath(oldRoot: oldRoot)
        guard computedOld == oldRoot, computedNew == newRoot else { throw .rootMismatch }
    }

    /// RFC 9162 §2.1.4.2 steps 2–7 for `0 < oldSize < newSize`, once the length is known to be right.
    private func rootsFromPath(oldRoot: [UInt8]) -> (old: [UInt8], new: [UInt8]) {
        var path = hashes
        // Step 2: a power-of-two old tree is itself a node of the new tree, so its root is the path's start.
        if oldSize & (oldSize - 1) == 0 { path.insert(oldRoot, at: 0) }
        var node = oldSize - 1
        var last = newSize - 1
        while node & 1 == 1 {
            node >>= 1
            last >>= 1
        }
        var oldHash = path[0]
        var newHash = path[0]
        for hash in path.dropFirst() {
            if node & 1 == 1 || node == last {
                oldHash = MerkleHash.node(hash, oldHash)
                newHash = MerkleHash.node(hash, newHash)
                while node & 1 == 0 && node != 0 {
                    node >>= 1
                    last >>= 1
                }
            } else {
                newHash = MerkleHash.node(newHash, hash)
            }
            node >>= 1
            last >>= 1
        }
        return (oldHash, newHash)
    }
}
