import ArgumentParser
import Foundation
import MedCredCore

/// `medcred credential sign FILE --key KEYFILE`: completes and signs a credential locally.
struct CredentialSign: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign a credential with a key file (Data Integrity, or VC-JOSE with --format jwt).",
        discussion: """
            The issuer is the key's DID; validFrom defaults to now; MedicalLicenseCredential and \
            PatientIdentityCredential get their credentialSchema, and a subject that does not validate is \
            refused, naming the field. Data Integrity proofs use eddsa-jcs-2022 unless --cryptosuite says \
            eddsa-rdfc-2022 (RDF canonicalization, for JSON-LD verifiers) or Ed25519Signature2020 (for legacy \
            verifiers; its context is added to @context). Every member must be defined by a pinned context.

            Examples:
              medcred credential sign licence.json --key board.key --out signed.json
              medcred credential sign licence.json --key board.key --cryptosuite eddsa-rdfc-2022
            """
    )

    @Argument(help: ArgumentHelp("The unsigned credential (JSON), or - for standard input.", valueName: "file"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("The encrypted key file to sign with.", valueName: "keyfile"))
    var key: String

    @Option(name: .long, help: "di (Data Integrity eddsa-jcs-2022, the default) or jwt (application/vc+jwt).")
    var format: FormatOption = .di

    @Option(name: .long, help: "The Data Integrity suite: eddsa-jcs-2022 (default), eddsa-rdfc-2022 or Ed25519Signature2020.")
    var cryptosuite: CryptosuiteOption = .eddsaJCS2022

    @Option(name: .long, help: ArgumentHelp("Write the signed credential here instead of stdout.", valueName: "file"))
    var out: String?

    @OptionGroup var passphrase: PassphraseOptions
    @OptionGroup var contextOptions: ContextOptions

    func validate() throws {
        if format == .jwt && cryptosuite != .eddsaJCS2022 {
            throw ValidationError("--cryptosuite applies to Data Integrity proofs; drop it or use --format di")
        }
    }

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
        do {
            secured = try issuer.issue(
                draft, format: format.issuerFormat, cryptosuite: cryptosuite.suite, now: Date())
        } catch {
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

/// `--cryptosuite`: the Data Integrity suite a proof is made with.
enum CryptosuiteOption: String, ExpressibleByArgument, CaseIterable {
    case eddsaJCS2022 = "eddsa-jcs-2022"
    case eddsaRDFC2022 = "eddsa-rdfc-2022"
    case ed25519Signature2020 = "Ed25519Signature2020"

    var suite: DataIntegrityCryptosuite {
        switch self {
        case .eddsaJCS2022: .eddsaJCS2022
        case .eddsaRDFC2022: .eddsaRDFC2022
        case .ed25519Signature2020: .ed25519Signature2020
        }
    }
}
