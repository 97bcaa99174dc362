import ArgumentParser
import Foundation
import MedCredCore

/// `medcred present`: a presentation of wallet credentials, signed by the holder's wallet key.
struct Present: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present",
        abstract: "Print a presentation of wallet credentials for a verifier's challenge and domain.",
        discussion: """
            The holder defaults to the subject DID of the credentials, whose key must be in the wallet. With \
            --format di the proof is eddsa-jcs-2022 (proofPurpose authentication); with --format jwt it is an \
            application/vp+jwt whose nonce is the challenge and aud the domain.

            An SD-JWT VC is presented alone, as <issuer-jwt>~<disclosures>~<kb-jwt>: --disclose names the claims \
            to reveal (comma-separated or repeated; top-level names, or dotted paths such as address.locality or \
            nationalities.0; `wallet show` lists them), and the KB-JWT is signed by the wallet key the credential \
            is bound to (cnf), with aud the domain and nonce the challenge. Without --disclose no selectively \
            disclosable claim is revealed: only the always-visible ones (iss, vct, cnf, status, iat, exp). A \
            name the credential does not have is refused.

            Examples:
              medcred present --credential urn:uuid:0b6e… --challenge 3q2-… --domain telemedicine.example
              medcred present --credential urn:medcred:wallet:… --disclose given_name,birthdate \
                --challenge 3q2-… --domain clinic.example
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

    @Option(
        name: .long,
        help: ArgumentHelp(
            "For an SD-JWT VC: the claims to disclose, comma-separated (default: none).", valueName: "claims"))
    var disclose: [String] = []

    @Option(name: .long, help: ArgumentHelp("Write the presentation here instead of stdout.", valueName: "file"))
    var out: String?

    @OptionGroup var suite: PresentationSuiteOptions
    @OptionGroup var location: WalletOptions
    @OptionGroup var passphrase: PassphraseOptions

    func run() async throws {
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
        if credentials.contains(where: { $0.sdJWT != nil }) {
            guard credentials.count == 1, let sdJWT = credentials[0].sdJWT else {
                throw CLIError.invalidInput("an SD-JWT VC is presented alone; give only its --credential")
            }
            let text = try sdJWT.present(
                try SDJWTHolding.paths(disclose), challenge: challenge, domain: domain, holder: holder, wallet: wallet,
                now: Date())
            return try InputFile.write(text, to: out)
        }
        guard disclose.isEmpty else { throw CLIError.invalidInput("--disclose is for SD-JWT VCs only") }
        let key = try await WalletPresenter.holder(holder, credentials: credentials, wallet: wallet)
        let presentation = try WalletPresenter.sign(
            credentials, holder: key, challenge: challenge, domain: domain, securing: try suite.securing(format: format),
            now: Date())
        try InputFile.write(WalletPresenter.text(presentation), to: out)
    }
}
