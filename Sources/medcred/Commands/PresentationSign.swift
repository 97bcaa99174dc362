import ArgumentParser
import Foundation
import MedCredCore

/// `medcred presentation sign`: wraps credentials in a presentation proved by the holder's key, bound to
/// the verifier's challenge and domain.
struct PresentationSign: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign a presentation of credentials for a verifier's challenge and domain.",
        discussion: """
            The holder is the key's DID. With --format di the proof (eddsa-jcs-2022 unless --cryptosuite says \
            eddsa-rdfc-2022 or Ed25519Signature2020) has proofPurpose authentication, challenge and domain; with \
            --format jwt it is an application/vp+jwt whose nonce is the challenge and aud the domain.
            """
    )

    @Option(name: .long, help: ArgumentHelp("A credential to include (JSON or JWS); repeatable.", valueName: "file"))
    var credential: [String] = []

    @Option(name: .long, help: ArgumentHelp("The holder's encrypted key file.", valueName: "keyfile"))
    var key: String

    @Option(name: .long, help: "The verifier's challenge (required: it prevents replay).")
    var challenge: String

    @Option(name: .long, help: "The verifier's domain.")
    var domain: String?

    @Option(name: .long, help: "di (Data Integrity, the default) or jwt (application/vp+jwt).")
    var format: FormatOption = .di

    @Option(name: .long, help: ArgumentHelp("Write the presentation here instead of stdout.", valueName: "file"))
    var out: String?

    @OptionGroup var suite: PresentationSuiteOptions
    @OptionGroup var passphrase: PassphraseOptions

    func run() async throws {
        guard !challenge.isEmpty else { throw CLIError.invalidInput("the challenge is empty") }
        var embedded: [JSONValue] = []
        for path in credential {
            let bytes = try InputFile.read(path, what: "credential")
            switch SecuredDocument.parse(bytes) {
            case .failed(let problem): throw CLIError.invalidInput("\(Terminal.quoted(path)): \(problem.detail)")
            case .parsed(.document(let document)): embedded.append(document)
            case .parsed(.jws(let jws)): embedded.append(EnvelopedVerifiableCredential(jws: jws).json)
            }
        }
        let (keyFile, privateKey) = try KeyFileStorage.open(key, passphrase: passphrase)
        let signer = Ed25519Signer(privateKey: privateKey, verificationMethod: keyFile.verificationMethod)
        let presentation = try PresentationSigning.sign(
            embedding: embedded, holder: keyFile.controller.description, signer: signer, challenge: challenge,
            domain: domain, securing: try suite.securing(format: format), now: Date())
        try InputFile.write(WalletPresenter.text(presentation), to: out)
    }
}
