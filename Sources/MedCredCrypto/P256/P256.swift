internal import Crypto
internal import Foundation

/// ECDSA over NIST P-256 with SHA-256 (FIPS 186-5 §6.4.2), verification only, through swift-crypto.
///
/// This is JOSE's `ES256` (RFC 7518 §3.4, https://www.rfc-editor.org/rfc/rfc7518#section-3.4): MedCred signs
/// with Ed25519 only, but verifies P-256 signatures from other SD-JWT implementations when the caller supplies
/// the key. libsodium has no NIST curves, hence swift-crypto; no pointer code is involved.
public enum P256 {
    /// Length of one coordinate, and of each of `r` and `s` (RFC 7518 §3.4, §6.2.1.2).
    public static let coordinateLength = 32
    /// Length of a signature as JWS carries it: `r || s`, each big-endian and left-padded (RFC 7518 §3.4).
    public static let signatureLength = 64

    /// A P-256 public key: an affine point on the curve, checked when it is created.
    public struct PublicKey: Hashable, Sendable {
        private let key: Crypto.P256.Signing.PublicKey

        /// The 64 bytes `x || y` (each 32 bytes, big-endian).
        public var rawRepresentation: [UInt8] { Array(key.rawRepresentation) }

        /// Creates a key from its affine coordinates, as a JWK's `x` and `y` carry them (RFC 7518 §6.2.1.2).
        /// - Parameters:
        ///   - x: the 32-byte big-endian x coordinate.
        ///   - y: the 32-byte big-endian y coordinate.
        /// - Throws: ``CryptoError/invalidLength(what:expected:actual:)`` when a coordinate is not 32 bytes,
        ///   ``CryptoError/invalidPublicKey`` when the point is not on the curve.
        public init(x: [UInt8], y: [UInt8]) throws(CryptoError) {
            for (name, coordinate) in [("P-256 x coordinate", x), ("P-256 y coordinate", y)]
            where coordinate.count != P256.coordinateLength {
                throw .invalidLength(what: name, expected: P256.coordinateLength, actual: coordinate.count)
            }
            // The uncompressed SEC 1 §2.3.3 encoding; swift-crypto rejects a point that is not on the curve.
            do { key = try Crypto.P256.Signing.PublicKey(x963Representation: [0x04] + x + y) } catch {
                throw .invalidPublicKey
            }
        }

        /// Verifies an ES256 signature: ECDSA P-256 over the SHA-256 of `message` (RFC 7518 §3.4).
        /// - Parameters:
        ///   - signature: the 64 bytes `r || s` of JWS; any other length, or `r`/`s` out of range, is not valid.
        ///   - message: the signed bytes (for JWS, the signing input).
        /// - Returns: `true` only for a valid signature by this key.
        public func isValidSignature(_ signature: some Collection<UInt8>, for message: some Collection<UInt8>)
            -> Bool
        {
            guard signature.count == P256.signatureLength else { return false }
            guard let ecdsa = try? Crypto.P256.Signing.ECDSASignature(rawRepresentation: Array(signature)) else {
                return false
            }
            return key.isValidSignature(ecdsa, for: Data(message))
        }

        /// Whether two keys are the same point.
        public static func == (lhs: PublicKey, rhs: PublicKey) -> Bool {
            lhs.rawRepresentation == rhs.rawRepresentation
        }

        /// Hashes the point.
        public func hash(into hasher: inout Hasher) { hasher.combine(rawRepresentation) }
    }
}
