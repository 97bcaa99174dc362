import Foundation
import MedCredCore
import MedCredCrypto

/// Reads and writes encrypted key files: written atomically with mode 0600, never over an existing file
/// unless asked, so a typo cannot destroy a key.
enum KeyFileStorage {
    static func write(_ file: EncryptedKeyFile, to path: String, overwrite: Bool) throws(CLIError) {
        let url = URL(fileURLWithPath: path)
        if !overwrite && FileManager.default.fileExists(atPath: url.path) {
            throw .failed("\(Terminal.quoted(path)) exists; refusing to overwrite a key file (use --force)")
        }
        try AtomicFile.write(Data((file.json.serialized(pretty: true) + "\n").utf8), to: path, permissions: 0o600)
    }

    static func read(_ path: String) throws(CLIError) -> EncryptedKeyFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .failed("cannot read the key file \(Terminal.quoted(path))")
        }
        do { return try EncryptedKeyFile(parsing: Array(data)) } catch {
            throw .invalidInput("\(Terminal.quoted(path)): \(error)")
        }
    }

    /// Reads and decrypts a key file.
    static func open(_ path: String, passphrase: PassphraseOptions) throws(CLIError) -> (
        EncryptedKeyFile, Ed25519.PrivateKey
    ) {
        let file = try read(path)
        let secret = try passphrase.read(confirm: false, purpose: file.controller.description)
        do { return (file, try file.open(passphrase: secret)) } catch {
            throw .failed("cannot open \(Terminal.quoted(path)): \(error)")
        }
    }
}
