import Foundation
import MedCredCore
import MedCredCrypto

/// The on-disk form of a wallet: Argon2id parameters and salt in the clear, the contents sealed with secretbox.
///
/// `{"type": "MedCredWallet", "version": 1, "kdf": {"algorithm": "argon2id", "salt", "operations",
/// "memoryBytes"}, "cipher": "xsalsa20-poly1305", "sealed": nonce ‖ tag ‖ ciphertext}`, binary members as
/// base64url multibase. One key derived from the passphrase seals everything: keys, DIDs and credentials.
struct WalletEnvelope {
    static let typeName = "MedCredWallet"
    static let formatVersion = 1

    let salt: [UInt8]
    let limits: Argon2id.Limits
    let sealed: [UInt8]

    var json: JSONValue {
        [
            "type": .string(Self.typeName),
            "version": .number(Double(Self.formatVersion)),
            "kdf": [
                "algorithm": "argon2id",
                "salt": .string(Multibase.encode(salt, as: .base64url)),
                "operations": .number(Double(limits.operations)),
                "memoryBytes": .number(Double(limits.memoryBytes)),
            ],
            "cipher": "xsalsa20-poly1305",
            "sealed": .string(Multibase.encode(sealed, as: .base64url)),
        ]
    }

    init(salt: [UInt8], limits: Argon2id.Limits, sealed: [UInt8]) {
        self.salt = salt
        self.limits = limits
        self.sealed = sealed
    }

    /// Reads the envelope; the message names the first member that is wrong.
    init(parsing bytes: [UInt8]) throws(WalletError) {
        let json: JSONValue
        do { json = try JSONValue(parsing: bytes) } catch { throw .damaged("not valid JSON (\(error))") }
        guard json["type"]?.stringValue == Self.typeName else { throw .damaged("type is not \(Self.typeName)") }
        guard json["version"]?.doubleValue == Double(Self.formatVersion) else {
            throw .damaged("unsupported version")
        }
        guard json["kdf"]?["algorithm"]?.stringValue == "argon2id",
            json["cipher"]?.stringValue == "xsalsa20-poly1305"
        else { throw .damaged("unsupported kdf or cipher") }
        guard let saltText = json["kdf"]?["salt"]?.stringValue,
            let salt = try? Multibase.decode(saltText, expecting: .base64url), salt.count == Argon2id.saltLength
        else { throw .damaged("invalid /kdf/salt") }
        guard let operations = json["kdf"]?["operations"]?.doubleValue, operations >= 1, operations <= 1e6,
            let memory = json["kdf"]?["memoryBytes"]?.doubleValue, memory >= 1, memory <= Double(1 << 32)
        else { throw .damaged("invalid /kdf cost") }
        guard let sealedText = json["sealed"]?.stringValue,
            let sealed = try? Multibase.decode(sealedText, expecting: .base64url),
            sealed.count >= SecretBox.nonceLength + SecretBox.tagLength
        else { throw .damaged("invalid /sealed") }
        self.salt = salt
        self.limits = Argon2id.Limits(operations: UInt64(operations), memoryBytes: Int(memory))
        self.sealed = sealed
    }

    /// The secretbox key for this envelope's salt and cost.
    func deriveKey(passphrase: SecretBytes) throws(WalletError) -> SecretBytes {
        do { return try Argon2id.deriveKey(passphrase: passphrase, salt: salt, limits: limits) } catch {
            throw .damaged("key derivation parameters rejected (\(error))")
        }
    }

    /// Decrypts the contents.
    func open(key: SecretBytes) throws(WalletError) -> SecretBytes {
        do { return try SecretBox.open(sealed, key: key) } catch .authenticationFailed { throw .wrongPassphrase } catch
        {
            throw .damaged("\(error)")
        }
    }

    /// A new envelope sealing `contents` under `key` with a fresh nonce.
    static func seal(_ contents: SecretBytes, key: SecretBytes, salt: [UInt8], limits: Argon2id.Limits)
        throws(WalletError) -> WalletEnvelope
    {
        do {
            let sealed = try SecretBox.seal(contents, key: key, nonce: SecureRandom.bytes(count: SecretBox.nonceLength))
            return WalletEnvelope(salt: salt, limits: limits, sealed: sealed)
        } catch {
            throw .damaged("cannot seal the wallet (\(error))")
        }
    }
}

/// Why a wallet cannot be opened.
enum WalletError: Error, Equatable {
    /// The envelope or its contents do not parse; the text says which part.
    case damaged(String)
    /// secretbox authentication failed: a wrong passphrase, or sealed bytes that were altered.
    case wrongPassphrase
}
