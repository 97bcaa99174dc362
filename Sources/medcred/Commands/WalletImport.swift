import ArgumentParser
import Foundation
import MedCredCore
import MedCredCrypto

/// `medcred wallet import FILE`: a credential (JSON or JWT) or an encrypted key file, stored as is.
struct WalletImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a credential (JSON or JWT) or an encrypted key file into the wallet.",
        discussion: """
            A credential is stored without verification; use `medcred credential receive` to verify it first. \
            A key file (from `did key generate --out`) is opened with --key-passphrase-file, else the wallet's \
            passphrase, and its DID is added to the wallet.

            Example:
              medcred wallet import licence.jwt
            """
    )

    @Argument(help: ArgumentHelp("The credential or key file, or - for standard input.", valueName: "file"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("A label for an imported key.", valueName: "label"))
    var label: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The key file's passphrase, when it differs from the wallet's (first line).", valueName: "file"))
    var keyPassphraseFile: String?

    @OptionGroup var location: WalletOptions
    @OptionGroup var passphrase: PassphraseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let bytes = try InputFile.read(file, what: "file to import")
        if let json = try? JSONValue(parsing: bytes), json["type"]?.stringValue == EncryptedKeyFile.typeName {
            return try importKey(json)
        }
        let document = try WalletDocument(parsing: bytes, name: file)
        var wallet = try Wallet.open(location, passphrase: passphrase)
        let credential = try WalletStoring.add(document, to: &wallet)
        try wallet.save()
        Terminal.printRecord(
            [("id", credential.id), ("type", WalletText.primaryType(credential))], json: output.json)
    }

    private func importKey(_ json: JSONValue) throws {
        let keyFile: EncryptedKeyFile
        do { keyFile = try EncryptedKeyFile(json: json) } catch {
            throw CLIError.invalidInput("\(Terminal.quoted(file)): \(error)")
        }
        guard keyFile.controller.method == "key" else {
            throw CLIError.invalidInput("only did:key key files can be imported; this one is \(keyFile.controller)")
        }
        var wallet = try Wallet.open(location, passphrase: passphrase)
        let secret =
            try keyPassphraseFile.map { path throws(CLIError) in
                try PassphraseOptions(passphraseFile: path).read(confirm: false, purpose: "the key file")
            } ?? passphrase.read(confirm: false, purpose: "the key file")
        let privateKey: Ed25519.PrivateKey
        do { privateKey = try keyFile.open(passphrase: secret) } catch {
            throw CLIError.failed("cannot open the key file \(Terminal.quoted(file)): \(error)")
        }
        let key = WalletKey(privateKey: privateKey, label: label, created: Date())
        guard wallet.contents.key(key.did) == nil else { throw CLIError.failed("\(key.did) is already in the wallet") }
        wallet.contents.keys.append(key)
        try wallet.save()
        Terminal.printRecord([("did", key.did)], json: output.json)
    }
}

extension PassphraseOptions {
    init(passphraseFile: String) {
        self.init()
        self.passphraseFile = passphraseFile
    }
}

/// Adding credentials to a wallet.
enum WalletStoring {
    /// Appends a credential; one with the same id is refused.
    static func add(_ document: WalletDocument, to wallet: inout Wallet) throws(CLIError) -> WalletCredential {
        let id = WalletCredential.id(for: document)
        guard wallet.contents.credential(id) == nil else {
            throw .failed("the credential \(Terminal.quoted(id)) is already in the wallet")
        }
        let credential = WalletCredential(id: id, document: document, received: XSDDateTime.timestamp(from: Date()))
        wallet.contents.credentials.append(credential)
        return credential
    }
}
