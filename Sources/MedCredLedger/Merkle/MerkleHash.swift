internal import MedCredCrypto

/// RFC 9162 §2.1.1 Merkle tree hashing (https://www.rfc-editor.org/rfc/rfc9162#section-2.1.1), with SHA-256.
///
/// Leaves and interior nodes carry distinct one-byte prefixes so a leaf can never be passed off as a node
/// (second-preimage resistance).
public enum MerkleHash {
    /// Length of every hash in the tree, in bytes.
    public static let byteCount = 32

    /// The leaf hash `SHA-256(0x00 ‖ data)`.
    /// - Parameter data: the leaf input (for MedCred, the JCS bytes of a signed entry).
    /// - Returns: the 32-byte leaf hash.
    public static func leaf(_ data: some Collection<UInt8>) -> [UInt8] {
        var input: [UInt8] = [0x00]
        input.reserveCapacity(data.count + 1)
        input.append(contentsOf: data)
        return SHA256.hash(input)
    }

    /// The interior node hash `SHA-256(0x01 ‖ left ‖ right)`.
    /// - Parameters:
    ///   - left: the left child's hash.
    ///   - right: the right child's hash.
    /// - Returns: the 32-byte node hash.
    public static func node(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] {
        var input: [UInt8] = [0x01]
        input.reserveCapacity(1 + left.count + right.count)
        input.append(contentsOf: left)
        input.append(contentsOf: right)
        return SHA256.hash(input)
    }

    /// The root of the empty tree, `SHA-256("")` (RFC 9162 §2.1.1).
    public static let emptyRoot: [UInt8] = SHA256.hash([UInt8]())
}
