/// Errors raised by ``MedCredCrypto`` when input does not have the shape a primitive requires.
public enum CryptoError: Error, Equatable, Sendable {
    /// A key, seed, nonce or salt of the wrong length.
    case invalidLength(what: String, expected: Int, actual: Int)
    /// An Ed25519 public key that is not a point libsodium can convert (small order or non-canonical).
    case invalidPublicKey
    /// `secretbox` authentication failed: wrong key, or the ciphertext was altered.
    case authenticationFailed
    /// Argon2id could not run with the requested limits (out of memory or limits outside libsodium's range).
    case keyDerivationFailed
    /// A parameter outside the range the primitive accepts.
    case parameterOutOfRange(what: String)
}
