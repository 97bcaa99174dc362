import ArgumentParser
import Foundation
import MedCredCore

/// `medcred credential sign FILE --key KEYFILE`: completes and signs a credential locally.
struct CredentialSign: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign a credential with a key file (Data Integrity eddsa-jcs-2022, or VC-JOSE with --format jwt).",
        discussion: """
            The issuer is the key's DID; validFrom defaults to now; MedicalLicenseCredential and \
            PatientIdentityCredential get their credentialSchema, and a subject that does not validate is \
            refused, naming the field.
            """
    )

    @Argument(help: ArgumentHelp("The unsigned credential (JSON), or - for standard input.", valueName: "file"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("The encrypted key file to sign with.", valueName: "keyfile"))
    var key: String

    @Option(name: .long, help: "di (Data Integrity eddsa-jcs-2022, the default) or jwt (application/vc+jwt).")
    var format: FormatOption = .di

    @Option(name: .long, help: ArgumentHelp("Write the signed credential here instead of stdout.", valueName: "file"))
    var out: String?

    @OptionGroup var passphrase: PassphraseOptions
    @OptionGroup var contextOptions: ContextOptions

    func run() async throws {
        let bytes = try InputFile.read(file, what: "credential")
        let draft: JSONValue
        do { draft = try JSONValue(parsing: bytes) } catch {
            throw CLIError.invalidInput("the credential is not valid JSON: \(error)")
        }
        let contexts = try ContextCache.load(folder: contextOptions.contexts)
        let (keyFile, privateKey) = try KeyFileStorage.open(key, passphrase: passphrase)
        let issuer = CredentialIssuer(
            signer: Ed25519Signer(privateKey: privateKey, verificationMethod: keyFile.verificationMethod),
            contexts: contexts)
        let secured: SecuredDocument
        do { secured = try issuer.issue(draft, format: format.issuerFormat, now: Date()) } catch {
            throw CLIError.invalidInput("not signed: \(error)")
        }
        switch secured {
        case .document(let document): try InputFile.write(document.serialized(pretty: true), to: out)
        case .jws(let jws): try InputFile.write(jws, to: out)
        }
    }
}

/// `--format`: how a credential or presentation is secured.
enum FormatOption: String, ExpressibleByArgument, CaseIterable {
    case di
    case jwt

    var issuerFormat: CredentialIssuer.Format {
        switch self {
        case .di: .dataIntegrity
        case .jwt: .jwt
        }
    }
}
