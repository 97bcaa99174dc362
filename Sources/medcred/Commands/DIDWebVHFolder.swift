import Foundation
import MedCredCore
import MedCredCrypto
import MedCredLedger

/// A did:webvh folder: `did.jsonl`, the encrypted current update key `update.key` and, under pre-rotation,
/// the encrypted committed next key `next.key`.
///
/// The log is only ever replaced whole: the new text is verified from the first entry, written to a temporary
/// file beside it, synced and renamed over the old one, so a reader sees the old log or the new one.
struct DIDWebVHFolder {
    let directory: URL

    var logPath: String { directory.appendingPathComponent("did.jsonl").path }
    var updateKeyPath: String { directory.appendingPathComponent("update.key").path }
    var nextKeyPath: String { directory.appendingPathComponent("next.key").path }
    var pendingKeyPath: String { directory.appendingPathComponent(".next.key.pending").path }

    init(_ path: String) {
        directory = URL(fileURLWithPath: path, isDirectory: true)
    }

    /// The log as it is on disk: its text and parsed entries, refusing a log that does not verify.
    func readLog() throws(CLIError) -> (text: String, log: WebVHLog, state: DIDWebVHState) {
        guard FileManager.default.fileExists(atPath: logPath) else {
            throw .failed("no did:webvh log at \(Terminal.quoted(logPath))")
        }
        let bytes = try InputFile.read(logPath, what: "DID log")
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .invalidInput("\(Terminal.quoted(logPath)) is not UTF-8 text")
        }
        let log = WebVHLog(parsing: text)
        if let failure = log.parseFailure {
            throw .invalidInput("corrupt DID log \(Terminal.quoted(logPath)): \(DIDWebVHText.describe(failure))")
        }
        return (text, log, try Self.verified(log, what: Terminal.quoted(logPath)))
    }

    /// Verifies every entry of `log`. An unmet witness threshold is accepted: approvals are collected after
    /// writing, and ``WebVHLogWriter`` accepts it too.
    /// - Returns: the parameters in force after the last entry.
    static func verified(_ log: WebVHLog, what: String) throws(CLIError) -> DIDWebVHState {
        guard let last = log.entries.last else { throw .invalidInput("the DID log \(what) is empty") }
        var verifier = WebVHLogVerifier(now: last.versionInstant)
        verifier.futureTolerance = 0
        let verification = verifier.verify(log)
        switch verification.failure {
        case nil, .witnessThresholdNotMet?: return DIDWebVHState(log)
        case let failure?:
            throw .invalidInput("the DID log \(what) does not verify: \(DIDWebVHText.describe(failure))")
        }
    }

    /// The time of a new entry: now, or one second after the last entry when the clock has not moved on.
    static func nextVersionTime(after log: WebVHLog?, now: Date = Date()) -> XSDDateTime {
        let clock = XSDDateTime(now).secondsSince1970 ?? 0
        let last = log?.entries.last?.versionInstant.secondsSince1970 ?? Int.min
        return XSDDateTime(secondsSince1970: max(clock, last + 1))
    }

    /// Replaces `did.jsonl` with `log` after verifying it whole, unless the file changed since `previous`.
    func replaceLog(with log: WebVHLog, previous: String?) throws(CLIError) {
        _ = try Self.verified(log, what: "being written")
        if let previous {
            let current = FileManager.default.contents(atPath: logPath).map { String(decoding: $0, as: UTF8.self) }
            guard current == previous else {
                throw .failed("\(Terminal.quoted(logPath)) changed while it was being updated; run the command again")
            }
        } else if FileManager.default.fileExists(atPath: logPath) {
            throw .failed("\(Terminal.quoted(logPath)) exists; refusing to overwrite a DID log")
        }
        try AtomicFile.write(Data(log.text.utf8), to: logPath, permissions: 0o644)
    }

    /// Moves a key file into place (the key it replaces is no longer authorized).
    static func move(_ source: String, to destination: String) throws(CLIError) {
        guard rename(source, destination) == 0 else {
            throw .failed("cannot move \(Terminal.quoted(source)) to \(Terminal.quoted(destination))")
        }
    }
}

/// The parameters a writer needs, folded over a verified log's entries.
struct DIDWebVHState {
    var did = ""
    var updateKeys: [String] = []
    var nextKeyHashes: [String] = []
    var isDeactivated = false

    var isPreRotationActive: Bool { !nextKeyHashes.isEmpty }

    init(_ log: WebVHLog) {
        for entry in log.entries {
            did = entry.stateID
            if let keys = entry.parameters.updateKeys { updateKeys = keys }
            if let hashes = entry.parameters.nextKeyHashes { nextKeyHashes = hashes }
            if let deactivated = entry.parameters.deactivated { isDeactivated = deactivated }
        }
    }
}

/// Keys of a did:webvh folder.
enum DIDWebVHKeys {
    /// A fresh key, sealed under `passphrase` as its own did:key verification method.
    static func generate(passphrase: SecretBytes) throws(CLIError) -> (Ed25519.PrivateKey, EncryptedKeyFile) {
        let key = Ed25519.PrivateKey()
        let didKey = DIDKey(privateKey: key)
        do {
            let file = try EncryptedKeyFile(
                sealing: key, verificationMethod: didKey.verificationMethodID.description, controller: didKey.did,
                passphrase: passphrase, salt: SecureRandom.bytes(count: Argon2id.saltLength),
                nonce: SecureRandom.bytes(count: SecretBox.nonceLength), limits: .interactive)
            return (key, file)
        } catch {
            throw .failed("cannot encrypt the key: \(error)")
        }
    }

    /// Decrypts a key file with a passphrase already read.
    static func open(_ path: String, passphrase: SecretBytes) throws(CLIError) -> Ed25519.PrivateKey {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .failed("no key file at \(Terminal.quoted(path))")
        }
        let file = try KeyFileStorage.read(path)
        do { return try file.open(passphrase: passphrase) } catch {
            throw .failed("cannot open \(Terminal.quoted(path)): \(error)")
        }
    }

    /// The Multikey of a key: the value in `updateKeys`.
    static func multikey(_ key: Ed25519.PrivateKey) -> String { DIDKey(privateKey: key).multikey }
}

/// One-line texts for did:webvh errors.
enum DIDWebVHText {
    static func describe(_ error: WebVHError) -> String {
        switch error {
        case .invalidIdentifier(let did, let reason): "\(Terminal.quoted(did)): \(reason.rawValue)"
        case .invalidParameter(let entry, let name, let reason): "entry \(entry): parameter \(name): \(reason.rawValue)"
        case .emptyLog: "the log is empty"
        case .invalidJSON(let entry, _): "entry \(entry) is not valid JSON"
        case .entryNotObject(let entry): "entry \(entry) is not a JSON object"
        case .versionNotFound: "no such version in the log"
        default: String(describing: error)
        }
    }
}
