import ArgumentParser
import MedCredLedger

/// `medcred witness …`: run a C2SP tlog-witness that cosigns consistent checkpoints of followed logs.
struct WitnessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "witness",
        abstract: "Run a transparency log witness (C2SP tlog-witness).",
        subcommands: [WitnessServe.self, WitnessKey.self]
    )
}

/// The options that name the witness and its cosigning key.
struct WitnessKeyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The witness's encrypted Ed25519 key file.", valueName: "keyfile"))
    var key: String

    @Option(name: .long, help: ArgumentHelp("The witness's key name, e.g. witness.example/w1.", valueName: "name"))
    var name: String

    @OptionGroup var passphrase: PassphraseOptions

    /// Opens the key file and makes the tlog-cosignature (type 0x04) note signer key.
    func signerKey() throws(CLIError) -> NoteSignerKey {
        let (_, privateKey) = try KeyFileStorage.open(key, passphrase: passphrase)
        do { return try NoteSignerKey(name: name, privateKey: privateKey, type: .cosignatureV1) } catch {
            throw .invalidInput("invalid --name \(Terminal.quoted(name)): \(error)")
        }
    }
}

/// `medcred witness key`: print the witness's verifier key (vkey) for clients to configure.
struct WitnessKey: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Print the witness's name and verifier key (vkey) for its cosignatures."
    )

    @OptionGroup var witnessKey: WitnessKeyOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let signer = try witnessKey.signerKey()
        Terminal.printRecord(
            [("name", signer.verifierKey.name), ("vkey", signer.verifierKey.description)], json: output.json)
    }
}
