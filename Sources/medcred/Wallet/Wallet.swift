import ArgumentParser
import Foundation
import MedCredCore
import MedCredCrypto

/// Where the wallet lives: `--wallet`, else `MEDCRED_WALLET`, else `~/.medcred-wallet`.
struct WalletOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("The wallet folder (default: MEDCRED_WALLET, else ~/.medcred-wallet).", valueName: "dir"))
    var wallet: String?

    static let environmentVariable = "MEDCRED_WALLET"

    var folder: String {
        if let wallet { return wallet }
        if let value = ProcessInfo.processInfo.environment[Self.environmentVariable], !value.isEmpty { return value }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".medcred-wallet").path
    }
}

/// An open wallet: its decrypted contents and the key that seals them again on save.
///
/// Every save first copies the current `wallet.json` to `wallet.json.bak`, then replaces `wallet.json`
/// atomically (temporary file, fsync, rename), so a crash or a full disk leaves a wallet that opens.
/// A damaged `wallet.json` is never written over: opening fails and says whether the backup opens.
struct Wallet {
    let folder: String
    var contents: WalletContents
    private let key: SecretBytes
    private let salt: [UInt8]
    private let limits: Argon2id.Limits
    private let lock: WalletLock

    static func filePath(_ folder: String) -> String { (folder as NSString).appendingPathComponent("wallet.json") }
    static func backupPath(_ folder: String) -> String { filePath(folder) + ".bak" }

    /// Creates an empty wallet in `folder` (made with mode 0700 when missing); refuses an existing wallet.
    static func create(in folder: String, passphrase: SecretBytes) throws(CLIError) -> Wallet {
        let path = filePath(folder)
        if FileManager.default.fileExists(atPath: path) {
            throw .failed("a wallet already exists in \(Terminal.quoted(folder))")
        }
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw .failed("cannot create \(Terminal.quoted(folder)): \(error.localizedDescription)")
            }
        } else if !isDirectory.boolValue {
            throw .failed("\(Terminal.quoted(folder)) is not a folder")
        }
        let salt = SecureRandom.bytes(count: Argon2id.saltLength)
        let limits = Argon2id.Limits.interactive
        let key: SecretBytes
        do { key = try Argon2id.deriveKey(passphrase: passphrase, salt: salt, limits: limits) } catch {
            throw .failed("cannot derive the wallet key: \(error)")
        }
        let wallet = Wallet(
            folder: folder, contents: WalletContents(), key: key, salt: salt, limits: limits,
            lock: try WalletLock(folder: folder))
        try wallet.save()
        return wallet
    }

    /// Opens the wallet in `folder`, reading the passphrase only once the file has been checked.
    static func open(_ options: WalletOptions, passphrase: PassphraseOptions) throws(CLIError) -> Wallet {
        let folder = options.folder
        let path = filePath(folder)
        guard FileManager.default.fileExists(atPath: path) else {
            throw .failed("no wallet in \(Terminal.quoted(folder)); create one with `medcred wallet init`")
        }
        let lock = try WalletLock(folder: folder)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .failed("cannot read \(Terminal.quoted(path))")
        }
        let envelope: WalletEnvelope
        do { envelope = try WalletEnvelope(parsing: Array(data)) } catch {
            throw damaged(folder, error, passphrase: passphrase)
        }
        let secret = try passphrase.read(confirm: false, purpose: "the wallet")
        do throws(WalletError) {
            let key = try envelope.deriveKey(passphrase: secret)
            let contents = try WalletContents(parsing: try envelope.open(key: key))
            return Wallet(
                folder: folder, contents: contents, key: key, salt: envelope.salt, limits: envelope.limits, lock: lock)
        } catch .wrongPassphrase {
            throw .failed("wrong passphrase (or the wallet is damaged)")
        } catch {
            throw damaged(folder, error, passphrase: nil)
        }
    }

    /// The error for a damaged wallet file, saying whether the backup opens and how to restore it.
    private static func damaged(_ folder: String, _ error: WalletError, passphrase: PassphraseOptions?) -> CLIError {
        let path = filePath(folder)
        let reason: String =
            switch error {
            case .damaged(let what): what
            case .wrongPassphrase: "authentication failed"
            }
        var message = "the wallet file \(Terminal.quoted(path)) is damaged (\(reason)); it was not changed"
        let backup = backupPath(folder)
        if let data = FileManager.default.contents(atPath: backup),
            let envelope = try? WalletEnvelope(parsing: Array(data))
        {
            var opens = false
            if let passphrase, let secret = try? passphrase.read(confirm: false, purpose: "the wallet backup"),
                let key = try? envelope.deriveKey(passphrase: secret), let plain = try? envelope.open(key: key),
                (try? WalletContents(parsing: plain)) != nil
            {
                opens = true
            }
            message +=
                opens
                ? "; the previous version \(Terminal.quoted(backup)) opens: restore it with `cp \(backup) \(path)`"
                : "; a previous version is kept in \(Terminal.quoted(backup)): try `cp \(backup) \(path)`"
        }
        return CLIError(description: message, exitCode: 65)
    }

    /// Seals the contents and writes them, keeping the previous file as `wallet.json.bak`.
    func save() throws(CLIError) {
        let envelope: WalletEnvelope
        do { envelope = try WalletEnvelope.seal(contents.sealedBytes, key: key, salt: salt, limits: limits) } catch {
            throw .failed("cannot seal the wallet: \(error)")
        }
        let path = Self.filePath(folder)
        if let previous = FileManager.default.contents(atPath: path) {
            try AtomicFile.write(previous, to: Self.backupPath(folder), permissions: 0o600)
        }
        try AtomicFile.write(Data((envelope.json.serialized(pretty: true) + "\n").utf8), to: path, permissions: 0o600)
    }

    /// A credential or a key by id (a credential id, a wallet id or a DID).
    func entry(_ id: String) throws(CLIError) -> Entry {
        if let credential = contents.credential(id) { return .credential(credential) }
        if let key = contents.key(id) { return .key(key) }
        throw .failed("no credential or DID \(Terminal.quoted(id)) in the wallet")
    }

    enum Entry {
        case credential(WalletCredential)
        case key(WalletKey)
    }
}
