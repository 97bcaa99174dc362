import ArgumentParser
import Foundation
import MedCredCore
import MedCredCrypto
import MedCredLedger

/// `medcred did create --method webvh`: a new did:webvh DID in a folder of its own, or hosted by a MedCred
/// server with its keys in the wallet (``DIDWebVHHosted``); `--method key` creates a did:key in the wallet
/// (``DIDKeyCreate``).
struct DIDWebVHCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a did:key in the wallet, or a did:webvh DID (its log and an encrypted update key).",
        discussion: """
            With --method key, a new Ed25519 did:key is added to the wallet (--wallet, --label) and printed. \
            With --method webvh --server URL, the DID is hosted by that MedCred server as \
            did:webvh:{SCID}:<its domain>:people:NAME (--name, else a random one): the update key (and, with \
            --pre-rotation, the next key) and the assertion key are generated in the wallet, the first log entry is \
            signed here and posted; the keys never leave the wallet. Prints the DID.
            With --method webvh (--domain and --out required), writes DIR/did.jsonl and DIR/update.key (encrypted, mode 0600). With --pre-rotation, also generates \
            the next update key, stores it encrypted as DIR/next.key and commits its hash in nextKeyHashes. \
            Publish did.jsonl at https://HOST[:PORT]/PATH/did.jsonl (or /.well-known/did.jsonl without a PATH).

            Example:
              medcred did create --method key --label work
              medcred did create --method webvh --server https://medcred.example --name dr-okafor --pre-rotation
              medcred did create --method webvh --domain example.com/issuers/clinic --out clinic-did
            """
    )

    @Option(name: .long, help: ArgumentHelp("The DID method: key (in the wallet) or webvh.", valueName: "method"))
    var method: String

    @Option(
        name: .long,
        help: ArgumentHelp("webvh: where the log is published: HOST[:PORT][/PATH], e.g. example.com/issuers/clinic."))
    var domain: String?

    @Option(name: .long, help: ArgumentHelp("webvh: the folder to write; created if missing.", valueName: "dir"))
    var out: String?

    @Option(
        name: .long,
        help: ArgumentHelp("webvh: host the DID on this MedCred server, keys in the wallet.", valueName: "url"))
    var server: String?

    @Option(name: .long, help: ArgumentHelp("webvh --server: the DID's name, [a-z0-9-]{1,63}.", valueName: "name"))
    var name: String?

    @OptionGroup var location: WalletOptions

    @Option(name: .long, help: ArgumentHelp("key: a label for the DID in the wallet.", valueName: "label"))
    var label: String?

    @Flag(name: .long, help: "Generate and commit the next update key (did:webvh pre-rotation).")
    var preRotation = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The initial DID document (JSON); its id is did:webvh:{SCID}:… or absent.", valueName: "file"))
    var document: String?

    @OptionGroup var passphrase: PassphraseOptions

    @OptionGroup var output: OutputOptions

    func run() async throws {
        if method == "key" {
            return try DIDKeyCreate.run(location, label: label, passphrase: passphrase, json: output.json)
        }
        guard method == "webvh" else {
            throw CLIError.invalidInput("unsupported --method \(Terminal.quoted(method)); use key or webvh")
        }
        if let server {
            guard domain == nil, out == nil, document == nil else {
                throw CLIError.invalidInput("--server cannot be combined with --domain, --out or --document")
            }
            return try await DIDWebVHHosted.create(
                server: server, name: name, preRotation: preRotation, location: location, passphrase: passphrase,
                json: output.json)
        }
        guard let domain, let out else {
            throw CLIError.invalidInput("--method webvh needs --server, or --domain and --out")
        }
        let did = try DIDWebVHDocument.placeholderDID(domain: domain)
        let state = try document.map { path throws(CLIError) in try DIDWebVHDocument.load(path, id: did) }
        let folder = DIDWebVHFolder(out)
        try prepare(folder, out: out)
        let secret = try passphrase.read(confirm: true, purpose: "the new did:webvh keys")
        let (updateKey, updateFile) = try DIDWebVHKeys.generate(passphrase: secret)
        let next = preRotation ? try DIDWebVHKeys.generate(passphrase: secret) : nil
        let parameters = WebVHParameters(
            updateKeys: [DIDWebVHKeys.multikey(updateKey)],
            nextKeyHashes: next.map { [WebVHHash.keyHash(DIDWebVHKeys.multikey($0.0))] })
        let log: WebVHLog
        do {
            log = try WebVHLogWriter.create(
                document: state ?? DIDWebVHDocument.minimal(id: did), parameters: parameters,
                versionTime: DIDWebVHFolder.nextVersionTime(after: nil), signer: Ed25519Signer(didKey: updateKey))
        } catch {
            throw CLIError.failed("cannot create the DID: \(DIDWebVHText.describe(error))")
        }
        var written: [String] = []
        do throws(CLIError) {
            try KeyFileStorage.write(updateFile, to: folder.updateKeyPath, overwrite: false)
            written.append(folder.updateKeyPath)
            if let next {
                try KeyFileStorage.write(next.1, to: folder.nextKeyPath, overwrite: false)
                written.append(folder.nextKeyPath)
            }
            try folder.replaceLog(with: log, previous: nil)
        } catch {
            for path in written { try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
        var fields = [
            ("did", log.entries.first?.stateID ?? ""), ("versionId", log.entries.last?.versionId ?? ""),
            ("log", folder.logPath), ("updateKey", folder.updateKeyPath),
        ]
        if next != nil { fields.append(("nextKey", folder.nextKeyPath)) }
        Terminal.printRecord(fields, json: output.json)
    }

    private func prepare(_ folder: DIDWebVHFolder, out: String) throws(CLIError) {
        for path in [folder.logPath, folder.updateKeyPath, folder.nextKeyPath]
        where FileManager.default.fileExists(atPath: path) {
            throw .failed("\(Terminal.quoted(path)) exists; refusing to overwrite a DID folder")
        }
        do {
            try FileManager.default.createDirectory(at: folder.directory, withIntermediateDirectories: true)
        } catch {
            throw .failed("cannot create \(Terminal.quoted(out)): \(error.localizedDescription)")
        }
    }
}
