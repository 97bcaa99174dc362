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
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        let data = Data((file.json.serialized(pretty: true) + "\n").utf8)
        guard
            FileManager.default.createFile(
                atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600])
        else { throw .failed("cannot write \(Terminal.quoted(temporary.path))") }
        do {
            let handle = try FileHandle(forUpdating: temporary)
            try handle.synchronize()
            try handle.close()
            // rename(2) replaces atomically: a reader sees the old file or the new one, never a half.
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .failed("cannot write the key file \(Terminal.quoted(path)): \(error.localizedDescription)")
        }
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
