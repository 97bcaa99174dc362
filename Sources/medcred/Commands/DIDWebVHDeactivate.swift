import ArgumentParser
import Foundation
import MedCredCore
import MedCredCrypto
import MedCredLedger

/// `medcred did deactivate --dir DIR`: the final entry of a did:webvh log.
struct DIDWebVHDeactivate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deactivate",
        abstract: "Deactivate a did:webvh DID; no entry can follow.",
        discussion: """
            Under pre-rotation, first appends an entry that rotates to DIR/next.key and commits no next key, \
            then the deactivating entry (did:webvh v1.0 "Deactivate (Revoke)").
            """
    )

    @Option(name: .long, help: ArgumentHelp("The DID folder (did.jsonl, update.key, next.key).", valueName: "dir"))
    var dir: String

    @OptionGroup var passphrase: PassphraseOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let folder = DIDWebVHFolder(dir)
        let (text, log, state) = try folder.readLog()
        guard !state.isDeactivated else { throw CLIError.failed("\(state.did) is already deactivated") }
        let secret = try passphrase.read(confirm: false, purpose: state.did)
        let key: Ed25519.PrivateKey
        var current = log
        do {
            if state.isPreRotationActive {
                key = try DIDWebVHAuthority.committedNextKey(folder, state: state, passphrase: secret)
                current = try WebVHLogWriter.update(
                    log, document: log.entries.last?.state ?? [:],
                    parameters: WebVHParameters(updateKeys: [DIDWebVHKeys.multikey(key)], nextKeyHashes: []),
                    versionTime: DIDWebVHFolder.nextVersionTime(after: log), signer: Ed25519Signer(didKey: key))
            } else {
                key = try DIDWebVHAuthority.updateKey(folder, state: state, passphrase: secret)
            }
            current = try WebVHLogWriter.deactivate(
                current, versionTime: DIDWebVHFolder.nextVersionTime(after: current),
                signer: Ed25519Signer(didKey: key))
        } catch let error as WebVHError {
            throw CLIError.failed("cannot deactivate \(state.did): \(DIDWebVHText.describe(error))")
        }
        try folder.replaceLog(with: current, previous: text)
        if state.isPreRotationActive { try DIDWebVHFolder.move(folder.nextKeyPath, to: folder.updateKeyPath) }
        DIDWebVHAuthority.printEntry(current, json: output.json)
    }
}
