public import MedCredCrypto

/// An Ed25519 key encrypted at rest under a passphrase: the key file of `medcred did key generate --out`.
///
/// The secret is the Multikey `secretKeyMultibase` payload (0x8026 ‖ seed, Controlled Identifiers v1.0
/// §2.2.2, https://www.w3.org/TR/cid-1.0/#Multikey) sealed with libsodium `secretbox` under a key derived
/// with Argon2id (RFC 9106). The file names its public key and DID in the clear so a tool can tell which key
/// it holds without the passphrase; opening checks that the decrypted seed derives that same public key, so a
/// file whose public half was swapped is refused. Randomness (salt, nonce) is a parameter: Core has none.
public struct EncryptedKeyFile: Equatable, Sendable {
    /// The value of `type`, which marks the format.
    public static let typeName = "MedCredEncryptedKey"
    /// The format version this code writes and reads.
    public static let formatVersion = 1

    /// The controller DID (a did:key for keys made by `did key generate`).
    public let controller: DID
    /// The verification method id the key signs as, e.g. `did:key:z6Mk…#z6Mk…`.
    public let verificationMethod: String
    /// The public Multikey, `z6Mk…`.
    public let publicKeyMultibase: String
    /// Argon2id salt (16 bytes).
    public let salt: [UInt8]
    /// Argon2id cost.
    public let limits: Argon2id.Limits
    /// secretbox output: nonce ‖ tag ‖ ciphertext.
    public let sealedSecret: [UInt8]

    /// Seals `privateKey` under `passphrase`.
    /// - Parameters:
    ///   - privateKey: the key to protect.
    ///   - verificationMethod: the DID URL it signs as.
    ///   - controller: the DID that controls it.
    ///   - passphrase: the passphrase bytes.
    ///   - salt: 16 fresh random bytes.
    ///   - nonce: 24 fresh random bytes.
    ///   - limits: Argon2id cost (``Argon2id/Limits/interactive`` for people).
    /// - Throws: ``KeyFileError/crypto(_:)`` when a parameter has the wrong length.
    public init(
        sealing privateKey: Ed25519.PrivateKey, verificationMethod: String, controller: DID, passphrase: SecretBytes,
        salt: [UInt8], nonce: [UInt8], limits: Argon2id.Limits
    ) throws(KeyFileError) {
        let secret = SecretBytes(Multicodec.prefix(privateKey.exportSeed().exportBytes(), with: .ed25519Priv))
        do {
            let key = try Argon2id.deriveKey(passphrase: passphrase, salt: salt, limits: limits)
            sealedSecret = try SecretBox.seal(secret, key: key, nonce: nonce)
        } catch {
            throw .crypto(error)
        }
        self.controller = controller
        self.verificationMethod = verificationMethod
        self.publicKeyMultibase = Multibase.encode(
            Multicodec.prefix(privateKey.publicKey.rawRepresentation, with: .ed25519Pub), as: .base58btc)
        self.salt = salt
        self.limits = limits
    }

    /// Decrypts the key.
    /// - Parameter passphrase: the passphrase it was sealed with.
    /// - Returns: the private key.
    /// - Throws: ``KeyFileError/wrongPassphrase`` when authentication fails (wrong passphrase or altered
    ///   file), ``KeyFileError/publicKeyMismatch`` when the secret does not belong to the named public key,
    ///   ``KeyFileError/malformedSecret`` when the plaintext is not an Ed25519 secret Multikey.
    public func open(passphrase: SecretBytes) throws(KeyFileError) -> Ed25519.PrivateKey {
        let secret: SecretBytes
        do {
            let key = try Argon2id.deriveKey(passphrase: passphrase, salt: salt, limits: limits)
            secret = try SecretBox.open(sealedSecret, key: key)
        } catch .authenticationFailed {
            throw .wrongPassphrase
        } catch {
            throw .crypto(error)
        }
        let bytes = secret.exportBytes()
        guard let split = try? Multicodec.split(bytes), split.codec == .ed25519Priv,
            split.payload.count == Ed25519.keyLength
        else { throw .malformedSecret }
        let privateKey: Ed25519.PrivateKey
        do { privateKey = try Ed25519.PrivateKey(seed: SecretBytes(split.payload)) } catch { throw .malformedSecret }
        let derived = Multibase.encode(
            Multicodec.prefix(privateKey.publicKey.rawRepresentation, with: .ed25519Pub), as: .base58btc)
        guard derived == publicKeyMultibase else { throw .publicKeyMismatch }
        return privateKey
    }
}

/// Why a key file cannot be read or opened.
public enum KeyFileError: Error, Equatable, Sendable {
    /// The file is not JSON.
    case malformedJSON(JSONParseError)
    /// A member is missing or has the wrong type; the JSON pointer names it.
    case invalidMember(pointer: String)
    /// `type` is not ``EncryptedKeyFile/typeName`` or `version` is one this code does not read.
    case unsupportedFormat(String)
    /// The passphrase is wrong, or the sealed secret was altered.
    case wrongPassphrase
    /// The decrypted secret is not an Ed25519 secret Multikey.
    case malformedSecret
    /// The decrypted secret does not derive the public key the file names.
    case publicKeyMismatch
    /// A cryptographic parameter was rejected (bad salt or nonce length, limits out of range).
    case crypto(CryptoError)
}

extension KeyFileError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .malformedJSON(let error): "the key file is not valid JSON: \(error)"
        case .invalidMember(let pointer): "the key file has a missing or invalid member at \(pointer)"
        case .unsupportedFormat(let what): "unsupported key file format: \(what)"
        case .wrongPassphrase: "wrong passphrase, or the key file was altered"
        case .malformedSecret: "the key file's secret is not an Ed25519 key"
        case .publicKeyMismatch: "the key file's secret does not match its public key"
        case .crypto(let error): "key file encryption parameters rejected: \(error)"
        }
    }
}
