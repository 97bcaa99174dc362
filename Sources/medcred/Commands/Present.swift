import ArgumentParser
import Foundation
import MedCredCore

/// `medcred present`: a presentation of wallet credentials, signed by the holder's wallet key.
struct Present: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present",
        abstract: "Print a presentation of wallet credentials for a verifier's challenge and domain.",
        discussion: """
            The holder defaults to the subject DID of the credentials, whose key must be in the wallet. With \
            --format di the proof is eddsa-jcs-2022 (proofPurpose authentication); with --format jwt it is an \
            application/vp+jwt whose nonce is the challenge and aud the domain.

            Example:
              medcred present --credential urn:uuid:0b6e… --challenge 3q2-… --domain telemedicine.example
            """
    )

    @Option(name: .long, help: ArgumentHelp("A wallet credential id to include; repeatable.", valueName: "id"))
    var credential: [String] = []

    @Option(name: .long, help: "The verifier's challenge (required: it prevents replay).")
    var challenge: String

    @Option(name: .long, help: "The verifier's domain.")
    var domain: String

    @Option(name: .long, help: ArgumentHelp("The holder DID (a wallet DID).", valueName: "did"))
    var holder: String?

    @Option(name: .long, help: "di (Data Integrity, the default) or jwt (application/vp+jwt).")
    var format: FormatOption = .di

    @Option(name: .long, help: ArgumentHelp("Write the presentation here instead of stdout.", valueName: "file"))
    var out: String?

    @OptionGroup var location: WalletOptions
    @OptionGroup var passphrase: PassphraseOptions

    func run() throws {
        guard !challenge.isEmpty else { throw CLIError.invalidInput("the challenge is empty") }
        guard !credential.isEmpty || holder != nil else {
            throw CLIError.invalidInput("give at least one --credential, or a --holder to present no credential")
        }
        let wallet = try Wallet.open(location, passphrase: passphrase)
        let credentials = try credential.map { id throws(CLIError) in
            guard let found = wallet.contents.credential(id) else {
                throw CLIError.failed("no credential \(Terminal.quoted(id)) in the wallet")
            }
            return found
        }
        let key = try WalletPresenter.holder(holder, credentials: credentials, wallet: wallet)
        let presentation = try WalletPresenter.sign(
            credentials, holder: key, challenge: challenge, domain: domain, format: format, now: Date())
        try InputFile.write(WalletPresenter.text(presentation), to: out)
    }
}
