import Foundation
import MedCredCore
import MedCredCrypto
import MedCredStore

/// Makes Ed25519 keys and seals their seeds under the master key; opens them again only to hand out a
/// ``ProofSigner``. No other code sees a seed.
struct KeyVault: Sendable {
    /// What the vault check box holds: a fixed text, so opening it proves the master key is the vault's.
    private static let checkText = Array("medcred-vault-v1".utf8)

    let masterKey: MasterKey

    /// Checks `masterKey` against the vault's check box, creating the box for a new vault.
    /// - Throws: ``AccountError/masterKeyMismatch`` for another key; a storage error.
    init(masterKey: MasterKey, store: AccountStore) throws {
        self.masterKey = masterKey
        let fresh = try SecretBox.seal(SecretBytes(Self.checkText), key: masterKey.bytes)
        let stored = try store.vaultCheck(insertingIfAbsent: fresh)
        guard let opened = try? SecretBox.open(stored, key: masterKey.bytes),
            opened.constantTimeEquals(SecretBytes(Self.checkText))
        else { throw AccountError.masterKeyMismatch }
    }

    /// A fresh key, sealed, and its record (not yet stored).
    /// - Parameters:
    ///   - owner: the account id.
    ///   - purpose: `update`, `next-update` or `assertion`.
    ///   - createdAt: for an assertion key, the instant from which it is in force.
    func generate(owner: String, purpose: String, createdAt: Date) throws(AccountError) -> VaultKeyRecord {
        let key = Ed25519.PrivateKey()
        let sealed: [UInt8]
        do { sealed = try SecretBox.seal(key.exportSeed(), key: masterKey.bytes) } catch {
            throw .storage(reason: "sealing a key failed: \(error)")
        }
        return VaultKeyRecord(
            id: "key_" + Self.randomHex(8), owner: owner, purpose: purpose,
            publicKeyMultibase: Multikey(publicKey: key.publicKey).multibase, sealedSecret: sealed,
            createdAt: createdAt)
    }

    /// Opens a sealed key as a signer for `verificationMethod`.
    /// - Throws: ``AccountError/keyUnavailable(keyID:)`` when the box does not open or holds another key.
    func signer(_ record: VaultKeyRecord, verificationMethod: String) throws(AccountError) -> Ed25519Signer {
        guard let seed = try? SecretBox.open(record.sealedSecret, key: masterKey.bytes),
            let key = try? Ed25519.PrivateKey(seed: seed),
            Multikey(publicKey: key.publicKey).multibase == record.publicKeyMultibase
        else { throw .keyUnavailable(keyID: record.id) }
        return Ed25519Signer(privateKey: key, verificationMethod: verificationMethod)
    }

    /// Opens a did:webvh update key as a signer for its own did:key (did:webvh v1.0 "Data Integrity Proofs").
    func didKeySigner(_ record: VaultKeyRecord) throws(AccountError) -> Ed25519Signer {
        let multikey = record.publicKeyMultibase
        return try signer(record, verificationMethod: "did:key:\(multikey)#\(multikey)")
    }

    /// `count` random bytes as lower-case hex, for identifiers.
    static func randomHex(_ count: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String(SecureRandom.bytes(count: count).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] })
    }
}
