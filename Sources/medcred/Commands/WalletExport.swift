import ArgumentParser
import Foundation
import MedCredCore
import MedCredCrypto

/// `medcred wallet export ID`: a credential as it was received, or a DID's public key; a private key only
/// when asked twice, and then sealed as an encrypted key file.
struct WalletExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a credential, or a DID's public key, from the wallet.",
        discussion: """
            For a DID, the private key is exported only with --include-secret and --yes, as an encrypted key \
            file (sealed under the wallet's passphrase, mode 0600) written to --out.

            Example:
              medcred wallet export urn:uuid:0b6e… --out licence.json
            """
    )

    @Argument(help: ArgumentHelp("A credential id or a DID.", valueName: "id"))
    var id: String

    @Option(name: .long, help: ArgumentHelp("Write here instead of stdout.", valueName: "file"))
    var out: String?

    @Flag(name: .long, help: "For a DID, export its private key as an encrypted key file (needs --yes and --out).")
    var includeSecret = false

    @Flag(name: .long, help: "Confirm --include-secret.")
    var yes = false

    @OptionGroup var location: WalletOptions
    @OptionGroup var passphrase: PassphraseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        if includeSecret && (!yes || out == nil) {
            throw CLIError.invalidInput("--include-secret exports a private key: confirm with --yes and give --out")
        }
        let wallet = try Wallet.open(location, passphrase: passphrase)
        switch try wallet.entry(id) {
        case .credential(let credential):
            try InputFile.write(credential.exported, to: out)
        case .key(let key):
            guard includeSecret, let out else {
                let fields = WalletText.fields(key).filter { $0.0 != "created" }
                if let out {
                    try InputFile.write(WalletText.json(key).serialized(pretty: true), to: out)
                } else {
                    Terminal.printRecord(fields, json: output.json)
                }
                return
            }
            let secret = try passphrase.read(confirm: false, purpose: "the exported key file")
            let file: EncryptedKeyFile
            do {
                file = try EncryptedKeyFile(
                    sealing: try key.privateKey(), verificationMethod: key.verificationMethod,
                    controller: try DID(parsing: key.did), passphrase: secret,
                    salt: SecureRandom.bytes(count: Argon2id.saltLength),
                    nonce: SecureRandom.bytes(count: SecretBox.nonceLength), limits: .interactive)
            } catch let error as CLIError {
                throw error
            } catch {
                throw CLIError.failed("cannot seal the key: \(error)")
            }
            try KeyFileStorage.write(file, to: out, overwrite: false)
            Terminal.printError(
                "medcred: warning: \(Terminal.quoted(out)) holds a private key (encrypted); keep it safe")
            Terminal.printRecord([("did", key.did), ("keyFile", out)], json: output.json)
        }
    }
}

/// `medcred wallet delete ID`: removes a credential or a DID (the previous wallet stays in wallet.json.bak).
struct WalletDelete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a credential or a DID and its key from the wallet.",
        discussion: """
            Deleting a DID destroys its private key; wallet.json.bak keeps the version before the delete.

            Example:
              medcred wallet delete urn:uuid:0b6e…
            """
    )

    @Argument(help: ArgumentHelp("A credential id or a DID.", valueName: "id"))
    var id: String

    @OptionGroup var location: WalletOptions
    @OptionGroup var passphrase: PassphraseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        var wallet = try Wallet.open(location, passphrase: passphrase)
        switch try wallet.entry(id) {
        case .credential: wallet.contents.credentials.removeAll { $0.id == id }
        case .key: wallet.contents.keys.removeAll { $0.did == id }
        }
        try wallet.save()
        Terminal.printRecord([("deleted", id)], json: output.json)
    }
}
