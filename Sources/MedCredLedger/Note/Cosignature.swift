/// A timestamped Ed25519 checkpoint cosignature (C2SP tlog-cosignature, https://c2sp.org/tlog-cosignature):
/// the signature bytes of a type-0x04 note signature, `u64 timestamp ‖ ed25519_signature[64]`.
public struct Cosignature: Hashable, Sendable {
    /// When the cosigner signed, POSIX seconds.
    public let timestamp: UInt64
    /// The 64-byte Ed25519 signature over ``signedMessage(checkpointText:)``.
    public let signature: [UInt8]

    init(timestamp: UInt64, signature: [UInt8]) {
        self.timestamp = timestamp
        self.signature = signature
    }

    /// Parses the bytes after the key ID of a cosignature line.
    /// - Parameter signatureBytes: 8-byte big-endian timestamp ‖ 64-byte signature.
    /// - Throws: ``NoteError/signatureLengthInvalid(expected:actual:)``, ``NoteError/timestampOutOfRange(_:)``.
    public init(signatureBytes: [UInt8]) throws(NoteError) {
        let expected = NoteSignatureType.cosignatureV1.signatureLength
        guard signatureBytes.count == expected else {
            throw .signatureLengthInvalid(expected: expected, actual: signatureBytes.count)
        }
        let timestamp = signatureBytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard timestamp <= UInt64(Int64.max) else { throw .timestampOutOfRange(timestamp) }
        self.init(timestamp: timestamp, signature: Array(signatureBytes.dropFirst(8)))
    }

    /// The bytes after the key ID in the signature line.
    public var signatureBytes: [UInt8] {
        (0..<8).reversed().map { UInt8(truncatingIfNeeded: timestamp >> UInt64($0 * 8)) } + signature
    }

    /// The signed message: `cosignature/v1\ntime <timestamp>\n` followed by the checkpoint note text.
    /// - Parameter checkpointText: the checkpoint note body, final newline included, no signature lines.
    /// - Returns: the bytes the cosigner signs.
    public func signedMessage(checkpointText: String) -> [UInt8] {
        Array("cosignature/v1\ntime \(timestamp)\n\(checkpointText)".utf8)
    }
}
