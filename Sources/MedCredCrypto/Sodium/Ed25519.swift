internal import CSodium

/// Ed25519 signatures (RFC 8032 §5.1) through libsodium.
///
/// libsodium's verifier is strict: it rejects non-canonical `S` (≥ L), non-canonical and small-order
/// `R` and public keys, which is what the Wycheproof `invalid` cases require.
public enum Ed25519 {
    /// Length of a seed, an encoded public key (RFC 8032 §5.1.5).
    public static let keyLength = 32
    /// Length of a signature (RFC 8032 §5.1.6).
    public static let signatureLength = 64

    /// An Ed25519 public key: the 32-byte encoding of RFC 8032 §5.1.5.
    public struct PublicKey: Hashable, Sendable {
        /// The 32 encoded bytes.
        public let rawRepresentation: [UInt8]

        /// Wraps an encoded public key.
        /// - Parameter rawRepresentation: 32 bytes.
        /// - Throws: ``CryptoError/invalidLength(what:expected:actual:)`` for any other length.
        public init(rawRepresentation: some Collection<UInt8>) throws(CryptoError) {
            guard rawRepresentation.count == Ed25519.keyLength else {
                throw .invalidLength(
                    what: "Ed25519 public key", expected: Ed25519.keyLength,
                    actual: rawRepresentation.count)
            }
            self.rawRepresentation = Array(rawRepresentation)
        }

        /// Verifies a detached signature (RFC 8032 §5.1.7) with libsodium's strict checks.
        /// - Parameters:
        ///   - signature: 64 bytes; any other length is simply not valid.
        ///   - message: the signed bytes.
        /// - Returns: `true` only for a valid signature by this key.
        public func isValidSignature(_ signature: some Collection<UInt8>, for message: some Collection<UInt8>)
            -> Bool
        {
            _ = Sodium.ready
            guard signature.count == Ed25519.signatureLength else { return false }
            let sig = Array(signature)
            let msg = Array(message)
            return sig.withUnsafeBufferPointer { sigBuffer in
                msg.withUnsafeBufferPointer { msgBuffer in
                    rawRepresentation.withUnsafeBufferPointer { keyBuffer in
                        crypto_sign_verify_detached(
                            sigBuffer.baseAddress!, msgBuffer.baseAddress, UInt64(msgBuffer.count),
                            keyBuffer.baseAddress!) == 0
                    }
                }
            }
        }

        /// The X25519 (Curve25519 Montgomery) public key birationally equivalent to this key, as the
        /// did:key spec derives `keyAgreement` (RFC 7748, libsodium `crypto_sign_ed25519_pk_to_curve25519`).
        /// - Returns: 32 bytes.
        /// - Throws: ``CryptoError/invalidPublicKey`` when the point does not decode or has small order.
        public func x25519PublicKey() throws(CryptoError) -> [UInt8] {
            _ = Sodium.ready
            var out = [UInt8](repeating: 0, count: Int(crypto_scalarmult_curve25519_BYTES))
            let result = out.withUnsafeMutableBufferPointer { outBuffer in
                rawRepresentation.withUnsafeBufferPointer { keyBuffer in
                    crypto_sign_ed25519_pk_to_curve25519(outBuffer.baseAddress!, keyBuffer.baseAddress!)
                }
            }
            guard result == 0 else { throw .invalidPublicKey }
            return out
        }
    }

    /// An Ed25519 private key, held as its 32-byte seed in wiped memory.
    public struct PrivateKey: Sendable, CustomStringConvertible {
        private let seed: SecretBytes
        /// libsodium's 64-byte expanded secret key (seed ‖ public key), kept to avoid re-deriving per signature.
        private let expanded: SecretBytes
        /// The matching public key.
        public let publicKey: PublicKey

        /// Derives the key pair from a 32-byte seed (RFC 8032 §5.1.5).
        /// - Parameter seed: the secret seed.
        /// - Throws: ``CryptoError/invalidLength(what:expected:actual:)`` when the seed is not 32 bytes.
        public init(seed: SecretBytes) throws(CryptoError) {
            guard seed.count == Ed25519.keyLength else {
                throw .invalidLength(what: "Ed25519 seed", expected: Ed25519.keyLength, actual: seed.count)
            }
            _ = Sodium.ready
            var publicBytes = [UInt8](repeating: 0, count: Int(crypto_sign_PUBLICKEYBYTES))
            var secretBytes = [UInt8](repeating: 0, count: Int(crypto_sign_SECRETKEYBYTES))
            seed.withBytes { seedBuffer in
                _ = crypto_sign_seed_keypair(
                    &publicBytes, &secretBytes, seedBuffer.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
            self.seed = seed
            self.expanded = SecretBytes(secretBytes)
            secretBytes.withUnsafeMutableBytes { sodium_memzero($0.baseAddress!, $0.count) }
            // Cannot fail: the length was checked above.
            self.publicKey = try PublicKey(rawRepresentation: publicBytes)
        }

        /// Derives the key pair from seed bytes, copying them into wiped storage.
        /// - Parameter seed: 32 bytes.
        /// - Throws: ``CryptoError/invalidLength(what:expected:actual:)``.
        public init(seed: some Collection<UInt8>) throws(CryptoError) {
            try self.init(seed: SecretBytes(seed))
        }

        /// Generates a fresh key from libsodium's CSPRNG.
        public init() {
            // A 32-byte random seed always has the right length.
            do { try self.init(seed: SecretBytes(randomCount: Ed25519.keyLength)) } catch {
                preconditionFailure("random seed of fixed length rejected")  // invariant
            }
        }

        /// Signs `message` deterministically (RFC 8032 §5.1.6).
        /// - Parameter message: the bytes to sign.
        /// - Returns: the 64-byte signature.
        public func signature(for message: some Collection<UInt8>) -> [UInt8] {
            var signature = [UInt8](repeating: 0, count: Ed25519.signatureLength)
            let msg = Array(message)
            expanded.withBytes { keyBuffer in
                signature.withUnsafeMutableBufferPointer { sigBuffer in
                    msg.withUnsafeBufferPointer { msgBuffer in
                        _ = crypto_sign_detached(
                            sigBuffer.baseAddress!, nil, msgBuffer.baseAddress, UInt64(msgBuffer.count),
                            keyBuffer.baseAddress!.assumingMemoryBound(to: UInt8.self))
                    }
                }
            }
            return signature
        }

        /// The seed, for an explicit export (an encrypted key store, `--show-secret`).
        /// - Returns: the 32-byte seed in wiped-on-release storage.
        public func exportSeed() -> SecretBytes { seed }

        public var description: String {
            "Ed25519.PrivateKey(public: \(publicKey.rawRepresentation.count) bytes, secret redacted)"
        }
    }
}
