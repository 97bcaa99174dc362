public import MedCredCrypto

/// An Ed25519 public key in the Multikey format: `z` + base58btc(0xed 0x01 ‖ 32-byte key).
///
/// W3C Controlled Identifiers v1.0 §2.2.2 "Multikey" (https://www.w3.org/TR/cid-1.0/#Multikey) and
/// vc-di-eddsa §2.1.1 (https://www.w3.org/TR/vc-di-eddsa/#multikey). The matching secret key format,
/// `secretKeyMultibase` (`z` + base58btc(0x80 0x26 ‖ 32-byte seed)), is read and written by
/// ``privateKey(secretKeyMultibase:)`` and ``secretKeyMultibase(for:)`` for key files only.
public struct Multikey: Hashable, Sendable, CustomStringConvertible {
    /// The Ed25519 public key.
    public let publicKey: Ed25519.PublicKey

    /// Wraps a public key.
    /// - Parameter publicKey: the Ed25519 key.
    public init(publicKey: Ed25519.PublicKey) {
        self.publicKey = publicKey
    }

    /// Decodes a `publicKeyMultibase` value (CID 1.0 §2.2.2: header `0xed01`, then 32 bytes).
    /// - Parameter multibase: the value, e.g. `z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2`.
    /// - Throws: ``MultikeyError/notBase58btc(_:)`` for a prefix other than `z`,
    ///   ``MultikeyError/invalidMultibase(_:)`` for empty text or a character outside base58btc,
    ///   ``MultikeyError/invalidMulticodec(_:)`` when no valid codec header follows,
    ///   ``MultikeyError/wrongCodec(expected:actual:)`` for any codec but `ed25519-pub`, and
    ///   ``MultikeyError/invalidKeyLength(expected:actual:)`` when the key is not 32 bytes.
    public init(multibase: some StringProtocol) throws(MultikeyError) {
        let payload = try Self.decode(multibase, codec: .ed25519Pub)
        do { publicKey = try Ed25519.PublicKey(rawRepresentation: payload) } catch {
            throw .invalidKeyLength(expected: Ed25519.keyLength, actual: payload.count)
        }
    }

    /// The `publicKeyMultibase` text, `z6Mk…` (CID 1.0 §2.2.2).
    public var multibase: String {
        Multibase.encode(Multicodec.prefix(publicKey.rawRepresentation, with: .ed25519Pub), as: .base58btc)
    }

    /// The ``multibase`` text.
    public var description: String { multibase }

    /// Decodes a `secretKeyMultibase` value into a private key (CID 1.0 §2.2.2: header `0x8026`, the varint of
    /// `ed25519-priv` 0x1300, then the 32-byte seed).
    ///
    /// The decoded seed passes through an ordinary array on its way into wiped storage; read key files with
    /// this, never request bodies.
    /// - Parameter secretKeyMultibase: the value, e.g. `z3u2en7t…`.
    /// - Returns: the private key.
    /// - Throws: the cases of ``init(multibase:)``, with `ed25519-priv` as the expected codec.
    public static func privateKey(secretKeyMultibase: some StringProtocol) throws(MultikeyError)
        -> Ed25519.PrivateKey
    {
        let seed = try decode(secretKeyMultibase, codec: .ed25519Priv)
        do { return try Ed25519.PrivateKey(seed: seed) } catch {
            throw .invalidKeyLength(expected: Ed25519.keyLength, actual: seed.count)
        }
    }

    /// Encodes a private key's seed as `secretKeyMultibase` for an explicit export such as a key file
    /// (CID 1.0 §2.2.2). vc-di-eddsa §2.1.1 advises never to publish this value.
    /// - Parameter privateKey: the key to export.
    /// - Returns: `z` + base58btc(0x80 0x26 ‖ seed).
    public static func secretKeyMultibase(for privateKey: Ed25519.PrivateKey) -> String {
        let seed = privateKey.exportSeed().exportBytes()
        return Multibase.encode(Multicodec.prefix(seed, with: .ed25519Priv), as: .base58btc)
    }

    private static func decode(_ text: some StringProtocol, codec expected: Multicodec) throws(MultikeyError)
        -> [UInt8]
    {
        if let prefix = text.first, prefix != "z" { throw .notBase58btc(prefix) }
        let bytes: [UInt8]
        do { bytes = try Multibase.decode(text, expecting: .base58btc) } catch { throw .invalidMultibase(error) }
        let split: (codec: Multicodec, payload: [UInt8])
        do { split = try Multicodec.split(bytes) } catch { throw .invalidMulticodec(error) }
        guard split.codec == expected else { throw .wrongCodec(expected: expected, actual: split.codec) }
        guard split.payload.count == Ed25519.keyLength else {
            throw .invalidKeyLength(expected: Ed25519.keyLength, actual: split.payload.count)
        }
        return split.payload
    }
}

/// Why a `publicKeyMultibase` or `secretKeyMultibase` value is not an Ed25519 Multikey
/// (CID 1.0 §2.2.2, https://www.w3.org/TR/cid-1.0/#Multikey). No case carries key bytes.
public enum MultikeyError: Error, Equatable, Sendable {
    /// The value starts with this multibase prefix instead of `z` (base58btc), which CID 1.0 requires.
    case notBase58btc(Character)
    /// The value is empty or not valid base58btc.
    case invalidMultibase(MultibaseError)
    /// The decoded bytes do not start with a multicodec header followed by a key.
    case invalidMulticodec(MulticodecError)
    /// The header names another key type, e.g. `x25519-pub` where `ed25519-pub` was expected.
    case wrongCodec(expected: Multicodec, actual: Multicodec)
    /// The key after the header has the wrong length.
    case invalidKeyLength(expected: Int, actual: Int)
}
