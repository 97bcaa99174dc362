internal import CSodium

/// Authenticated symmetric encryption: libsodium `crypto_secretbox_easy` (XSalsa20-Poly1305).
///
/// Used for private keys at rest; a random 24-byte nonce is stored before the ciphertext so that a
/// sealed box is self-contained.
public enum SecretBox {
    /// Key length in bytes.
    public static let keyLength = Int(crypto_secretbox_KEYBYTES)
    /// Nonce length in bytes.
    public static let nonceLength = Int(crypto_secretbox_NONCEBYTES)
    /// Authentication tag length in bytes.
    public static let tagLength = Int(crypto_secretbox_MACBYTES)

    /// Encrypts and authenticates `plaintext` under `key` with a fresh random nonce.
    /// - Parameters:
    ///   - plaintext: the secret to protect.
    ///   - key: a 32-byte key (for example from ``Argon2id``).
    /// - Returns: nonce ‖ tag ‖ ciphertext.
    /// - Throws: ``CryptoError/invalidLength(what:expected:actual:)`` for a key of the wrong length.
    public static func seal(_ plaintext: SecretBytes, key: SecretBytes) throws(CryptoError) -> [UInt8] {
        try seal(plaintext, key: key, nonce: SecureRandom.bytes(count: nonceLength))
    }

    /// Encrypts with a caller-chosen nonce; only for reproducible tests, as a reused nonce leaks plaintext.
    /// - Parameters:
    ///   - plaintext: the secret.
    ///   - key: 32 bytes.
    ///   - nonce: 24 bytes, never reused with the same key.
    /// - Returns: nonce ‖ tag ‖ ciphertext.
    /// - Throws: ``CryptoError/invalidLength(what:expected:actual:)``.
    public static func seal(_ plaintext: SecretBytes, key: SecretBytes, nonce: [UInt8]) throws(CryptoError)
        -> [UInt8]
    {
        _ = Sodium.ready
        guard key.count == keyLength else {
            throw .invalidLength(what: "secretbox key", expected: keyLength, actual: key.count)
        }
        guard nonce.count == nonceLength else {
            throw .invalidLength(what: "secretbox nonce", expected: nonceLength, actual: nonce.count)
        }
        var box = [UInt8](repeating: 0, count: tagLength + plaintext.count)
        plaintext.withBytes { message in
            key.withBytes { keyBuffer in
                nonce.withUnsafeBufferPointer { nonceBuffer in
                    box.withUnsafeMutableBufferPointer { out in
                        _ = crypto_secretbox_easy(
                            out.baseAddress!, message.baseAddress!.assumingMemoryBound(to: UInt8.self),
                            UInt64(message.count), nonceBuffer.baseAddress!,
                            keyBuffer.baseAddress!.assumingMemoryBound(to: UInt8.self))
                    }
                }
            }
        }
        return nonce + box
    }

    /// Authenticates and decrypts a box made by ``seal(_:key:)``.
    /// - Parameters:
    ///   - sealed: nonce ‖ tag ‖ ciphertext.
    ///   - key: the 32-byte key it was sealed with.
    /// - Returns: the plaintext in wiped-on-release storage.
    /// - Throws: ``CryptoError/invalidLength(what:expected:actual:)`` when too short or the key is the
    ///   wrong size; ``CryptoError/authenticationFailed`` for a wrong key or altered bytes.
    public static func open(_ sealed: [UInt8], key: SecretBytes) throws(CryptoError) -> SecretBytes {
        _ = Sodium.ready
        guard key.count == keyLength else {
            throw .invalidLength(what: "secretbox key", expected: keyLength, actual: key.count)
        }
        guard sealed.count >= nonceLength + tagLength else {
            throw .invalidLength(what: "secretbox", expected: nonceLength + tagLength, actual: sealed.count)
        }
        let nonce = Array(sealed[0..<nonceLength])
        let box = Array(sealed[nonceLength...])
        var plain = [UInt8](repeating: 0, count: box.count - tagLength)
        defer { plain.withUnsafeMutableBytes { if let b = $0.baseAddress { sodium_memzero(b, $0.count) } } }
        let result = key.withBytes { keyBuffer in
            nonce.withUnsafeBufferPointer { nonceBuffer in
                box.withUnsafeBufferPointer { boxBuffer in
                    plain.withUnsafeMutableBufferPointer { out in
                        // An empty plaintext still needs a valid (non-null) output address.
                        var scratch: UInt8 = 0
                        let target = out.baseAddress ?? withUnsafeMutablePointer(to: &scratch) { $0 }
                        return crypto_secretbox_open_easy(
                            target, boxBuffer.baseAddress!, UInt64(boxBuffer.count), nonceBuffer.baseAddress!,
                            keyBuffer.baseAddress!.assumingMemoryBound(to: UInt8.self))
                    }
                }
            }
        }
        guard result == 0 else { throw .authenticationFailed }
        return SecretBytes(plain)
    }
}

/// Argon2id password hashing for key derivation (RFC 9106), libsodium `crypto_pwhash`.
public enum Argon2id {
    /// Salt length in bytes.
    public static let saltLength = Int(crypto_pwhash_SALTBYTES)

    /// Cost parameters, stored next to the salt so a key store can be re-derived later.
    public struct Limits: Equatable, Sendable, Codable {
        /// Number of passes.
        public var operations: UInt64
        /// Memory in bytes.
        public var memoryBytes: Int

        /// Creates limits.
        /// - Parameters:
        ///   - operations: passes (≥ 1).
        ///   - memoryBytes: memory in bytes (≥ 8 KiB).
        public init(operations: UInt64, memoryBytes: Int) {
            self.operations = operations
            self.memoryBytes = memoryBytes
        }

        /// libsodium's interactive limits (2 passes, 64 MiB): a wallet unlock in well under a second.
        public static let interactive = Limits(
            operations: UInt64(crypto_pwhash_OPSLIMIT_INTERACTIVE), memoryBytes: Int(crypto_pwhash_MEMLIMIT_INTERACTIVE)
        )
        /// libsodium's moderate limits (3 passes, 256 MiB): for server key stores.
        public static let moderate = Limits(
            operations: UInt64(crypto_pwhash_OPSLIMIT_MODERATE), memoryBytes: Int(crypto_pwhash_MEMLIMIT_MODERATE))
        /// The smallest limits libsodium allows; for tests only.
        public static let minimum = Limits(
            operations: UInt64(crypto_pwhash_OPSLIMIT_MIN), memoryBytes: Int(crypto_pwhash_MEMLIMIT_MIN))
    }

    /// Derives a key from a passphrase.
    /// - Parameters:
    ///   - passphrase: the secret passphrase bytes.
    ///   - salt: 16 random bytes, stored with the derived data.
    ///   - limits: cost parameters.
    ///   - length: key length in bytes (16 or more).
    /// - Returns: the derived key in wiped-on-release storage.
    /// - Throws: ``CryptoError/invalidLength(what:expected:actual:)`` for a bad salt,
    ///   ``CryptoError/parameterOutOfRange(what:)`` for limits or length outside libsodium's range,
    ///   ``CryptoError/keyDerivationFailed`` when libsodium cannot run (out of memory).
    public static func deriveKey(
        passphrase: SecretBytes, salt: [UInt8], limits: Limits, length: Int = SecretBox.keyLength
    ) throws(CryptoError) -> SecretBytes {
        _ = Sodium.ready
        guard salt.count == saltLength else {
            throw .invalidLength(what: "Argon2id salt", expected: saltLength, actual: salt.count)
        }
        guard length >= Int(crypto_pwhash_BYTES_MIN), length <= 1024 else {
            throw .parameterOutOfRange(what: "Argon2id output length")
        }
        guard limits.operations >= UInt64(crypto_pwhash_OPSLIMIT_MIN),
            limits.operations <= UInt64(crypto_pwhash_OPSLIMIT_MAX)
        else { throw .parameterOutOfRange(what: "Argon2id operations") }
        guard limits.memoryBytes >= Int(crypto_pwhash_MEMLIMIT_MIN), limits.memoryBytes <= 1 << 32 else {
            throw .parameterOutOfRange(what: "Argon2id memory")
        }
        var out = [UInt8](repeating: 0, count: length)
        defer { out.withUnsafeMutableBytes { sodium_memzero($0.baseAddress!, $0.count) } }
        let result = passphrase.withBytes { pass in
            salt.withUnsafeBufferPointer { saltBuffer in
                out.withUnsafeMutableBufferPointer { outBuffer in
                    crypto_pwhash(
                        outBuffer.baseAddress!, UInt64(length),
                        pass.baseAddress!.assumingMemoryBound(to: CChar.self), UInt64(pass.count),
                        saltBuffer.baseAddress!, limits.operations, limits.memoryBytes,
                        crypto_pwhash_ALG_ARGON2ID13)
                }
            }
        }
        guard result == 0 else { throw .keyDerivationFailed }
        return SecretBytes(out)
    }
}
