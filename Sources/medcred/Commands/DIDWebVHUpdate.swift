import ArgumentParser
import Foundation
import MedCredCore
import MedCredCrypto
import MedCredLedger

/// `medcred did update --dir DIR`: appends a signed entry to a did:webvh log; with `--server URL --did DID`, to
/// the log of a DID that server hosts, with keys from the wallet (``DIDWebVHHosted``).
struct DIDWebVHUpdate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Append a signed entry to a did:webvh log: a new DID document and/or a key rotation.",
        discussion: """
            --document replaces the DID document. --rotate moves to the pre-committed next key (DIR/next.key \
            becomes DIR/update.key) and commits a fresh next key, or none with --no-next-key (which ends \
            pre-rotation). Under pre-rotation every update must rotate. The whole new log is verified before it \
            atomically replaces DIR/did.jsonl.
            With --server URL --did DID, updates a DID that MedCred server hosts (from `did create --server`): \
            the log is fetched, the entry signed with the wallet's keys and posted; --rotate moves to the \
            pre-committed next key (or, without pre-rotation, to a fresh update key).

            Example:
              medcred did update --dir clinic-did --rotate
              medcred did update --server https://medcred.example --did did:webvh:…:people:dr-okafor --rotate
            """
    )

    @Option(name: .long, help: ArgumentHelp("The DID folder (did.jsonl, update.key, next.key).", valueName: "dir"))
    var dir: String?

    @Option(name: .long, help: ArgumentHelp("The MedCred server hosting --did.", valueName: "url"))
    var server: String?

    @Option(name: .long, help: ArgumentHelp("With --server: the hosted DID, keys in the wallet.", valueName: "did"))
    var did: String?

    @OptionGroup var location: WalletOptions

    @Flag(name: .long, help: "Rotate to the pre-committed next update key and commit a fresh one.")
    var rotate = false

    @Flag(name: .long, help: "With --rotate: commit no next key, ending pre-rotation.")
    var noNextKey = false

    @Option(name: .long, help: ArgumentHelp("The new DID document (JSON); its id is the DID.", valueName: "file"))
    var document: String?

    @OptionGroup var passphrase: PassphraseOptions

    @OptionGroup var output: OutputOptions

    func run() async throws {
        if noNextKey && !rotate { throw CLIError.invalidInput("--no-next-key needs --rotate") }
        if let server {
            guard let did, dir == nil else { throw CLIError.invalidInput("--server needs --did (and no --dir)") }
            guard rotate else { throw CLIError.invalidInput("a hosted DID is updated with --rotate") }
            return try await DIDWebVHHosted.rotate(
                server: server, did: did, noNextKey: noNextKey, document: document, location: location,
                passphrase: passphrase, json: output.json)
        }
        guard let dir else { throw CLIError.invalidInput("give --dir, or --server and --did") }
        if !rotate && document == nil { throw CLIError.invalidInput("nothing to update: give --document or --rotate") }
        let folder = DIDWebVHFolder(dir)
        let (text, log, state) = try folder.readLog()
        guard !state.isDeactivated else { throw CLIError.failed("\(state.did) is deactivated") }
        if state.isPreRotationActive && !rotate {
            throw CLIError.failed("pre-rotation is active: every update must reveal the committed next key (--rotate)")
        }
        if rotate && !state.isPreRotationActive {
            throw CLIError.failed("cannot rotate: no next key is committed (nextKeyHashes is empty)")
        }
        let newState = try document.map { path throws(CLIError) in try DIDWebVHDocument.load(path, id: state.did) }
        let secret = try passphrase.read(confirm: false, purpose: state.did)
        let signer: Ed25519.PrivateKey
        var parameters = WebVHParameters()
        var fresh: (Ed25519.PrivateKey, EncryptedKeyFile)?
        if rotate {
            signer = try DIDWebVHAuthority.committedNextKey(folder, state: state, passphrase: secret)
            fresh = noNextKey ? nil : try DIDWebVHKeys.generate(passphrase: secret)
            parameters.updateKeys = [DIDWebVHKeys.multikey(signer)]
            parameters.nextKeyHashes = fresh.map { [WebVHHash.keyHash(DIDWebVHKeys.multikey($0.0))] } ?? []
        } else {
            signer = try DIDWebVHAuthority.updateKey(folder, state: state, passphrase: secret)
        }
        let updated: WebVHLog
        do {
            updated = try WebVHLogWriter.update(
                log, document: newState ?? (log.entries.last?.state ?? [:]), parameters: parameters,
                versionTime: DIDWebVHFolder.nextVersionTime(after: log), signer: Ed25519Signer(didKey: signer))
        } catch {
            throw CLIError.failed("cannot update \(state.did): \(DIDWebVHText.describe(error))")
        }
        if let fresh { try KeyFileStorage.write(fresh.1, to: folder.pendingKeyPath, overwrite: true) }
        do throws(CLIError) {
            try folder.replaceLog(with: updated, previous: text)
        } catch {
            try? FileManager.default.removeItem(atPath: folder.pendingKeyPath)
            throw error
        }
        if rotate {
            try DIDWebVHFolder.move(folder.nextKeyPath, to: folder.updateKeyPath)
            if fresh != nil { try DIDWebVHFolder.move(folder.pendingKeyPath, to: folder.nextKeyPath) }
        }
        DIDWebVHAuthority.printEntry(updated, json: output.json)
    }
}

/// The keys that may sign the next entry of a did:webvh log.
enum DIDWebVHAuthority {
    /// `update.key`, checked to be one of the active `updateKeys`.
    static func updateKey(_ folder: DIDWebVHFolder, state: DIDWebVHState, passphrase: SecretBytes)
        throws(CLIError) -> Ed25519.PrivateKey
    {
        let key = try DIDWebVHKeys.open(folder.updateKeyPath, passphrase: passphrase)
        guard state.updateKeys.contains(DIDWebVHKeys.multikey(key)) else {
            throw .failed("\(Terminal.quoted(folder.updateKeyPath)) is not an active update key of \(state.did)")
        }
        return key
    }

    /// `next.key`, checked to be committed in the active `nextKeyHashes`.
    static func committedNextKey(_ folder: DIDWebVHFolder, state: DIDWebVHState, passphrase: SecretBytes)
        throws(CLIError) -> Ed25519.PrivateKey
    {
        let key = try DIDWebVHKeys.open(folder.nextKeyPath, passphrase: passphrase)
        guard state.nextKeyHashes.contains(WebVHHash.keyHash(DIDWebVHKeys.multikey(key))) else {
            throw .failed("\(Terminal.quoted(folder.nextKeyPath)) is not the key committed in nextKeyHashes")
        }
        return key
    }

    /// Prints the DID and the new last entry's version.
    static func printEntry(_ log: WebVHLog, json: Bool) {
        let last = log.entries.last
        Terminal.printRecord(
            [
                ("did", last?.stateID ?? ""), ("versionId", last?.versionId ?? ""),
                ("versionTime", last?.versionTime ?? ""),
            ], json: json)
    }
}
