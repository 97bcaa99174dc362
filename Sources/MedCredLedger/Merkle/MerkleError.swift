/// Why a Merkle proof could not be built or did not verify (RFC 9162 §2.1.3, §2.1.4).
public enum MerkleError: Error, Equatable, Sendable {
    /// The leaf index is not below the tree size.
    case leafIndexOutOfRange(index: UInt64, size: UInt64)
    /// The old tree size is larger than the new one.
    case sizeOutOfRange(old: UInt64, new: UInt64)
    /// A consistency proof from the empty tree was checked in strict RFC 9162 mode, which has no such proof.
    ///
    /// transparency-dev/merkle rejects it; C2SP tlog-witness accepts old size 0 with an empty proof, which
    /// ``ConsistencyProof/verify(oldRoot:newRoot:allowingEmptyOldTree:)`` allows when asked.
    case emptyOldTree(new: UInt64)
    /// The proof does not have the number of hashes its sizes require.
    case proofLengthMismatch(expected: Int, actual: Int)
    /// The recomputed root differs from the expected one.
    case rootMismatch
    /// A hash (leaf, root or proof element) is not 32 bytes; the value is its length.
    case hashLengthInvalid(Int)
}
