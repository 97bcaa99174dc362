public import MedCredCrypto
import MedCredCore
public import MedCredLedger

/// The ledger's checkpoint-signing key, kept sealed under the vault's ``MasterKey`` in its own file, so it is
/// encrypted at rest like every other private key of the service.
public enum LedgerKey {
    /// Why the ledger key could not be loaded.
    public enum LoadError: Error, CustomStringConvertible {
        /// The file does not open under this master key: another service's file, or tampering.
        case unsealFailed(path: String)
        /// The sealed key is not an Ed25519 seed, or the origin name is invalid.
        case invalid(String)

        public var description: String {
            switch self {
            case .unsealFailed(let path): "the ledger key \(path) does not open with this master key"
            case .invalid(let reason): "invalid ledger key: \(reason)"
            }
        }
    }

    /// Opens the sealed key at `path`, creating a fresh one on first start.
    ///
    /// The file holds the origin on its first line and the sealed seed in base64url on the second: the origin is
    /// fixed at the first start, since every checkpoint of the log names it, whatever the base URL later becomes.
    /// - Parameters:
    ///   - path: the sealed key file.
    ///   - masterKey: the vault's master key.
    ///   - origin: the checkpoint origin (the key's note name) for a new key, e.g. `medcred.example/ledger`.
    /// - Returns: the note signer.
    /// - Throws: ``LoadError`` or ``SecretFile/WriteError``.
    public static func loadOrCreate(path: String, masterKey: MasterKey, origin newOrigin: String) throws
        -> NoteSignerKey
    {
        let seed: SecretBytes
        let origin: String
        if let file = SecretFile.read(path) {
            let lines = String(decoding: file, as: UTF8.self).split(separator: "\n").map(String.init)
            guard lines.count == 2, let sealed = try? Base64URL.decode(lines[1]) else {
                throw LoadError.invalid("\(path) is not a MedCred ledger key file")
            }
            origin = lines[0]
            do { seed = try SecretBox.open(sealed, key: masterKey.bytes) } catch { throw LoadError.unsealFailed(path: path) }
        } else {
            origin = newOrigin
            seed = SecretBytes(randomCount: Ed25519.keyLength)
            let sealed: [UInt8]
            do { sealed = try SecretBox.seal(seed, key: masterKey.bytes) } catch { throw LoadError.invalid("\(error)") }
            try SecretFile.write(Array((origin + "\n" + Base64URL.encode(sealed) + "\n").utf8), to: path)
        }
        do {
            return try NoteSignerKey(name: origin, privateKey: try Ed25519.PrivateKey(seed: seed), type: .ed25519)
        } catch {
            throw LoadError.invalid("\(error)")
        }
    }
}
