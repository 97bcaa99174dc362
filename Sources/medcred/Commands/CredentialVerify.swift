import ArgumentParser
import Foundation
import MedCredCore

/// `medcred credential verify FILE`: the verdict on a credential, naming every check.
struct CredentialVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a credential (Data Integrity, VC-JOSE or enveloped) and print the verdict.",
        discussion: "Exit status: 0 verified, 1 not verified, 2 could not check (e.g. an unsupported DID method)."
    )

    @Argument(help: ArgumentHelp("The credential (JSON or a compact JWS), or - for standard input.", valueName: "file"))
    var file: String

    @OptionGroup var contextOptions: ContextOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let (bytes, verifier) = try Verdict.inputs(file: file, what: "credential", contexts: contextOptions.contexts)
        let result: VerificationResult
        do { result = try await verifier.verifyCredential(bytes: bytes, now: Date()) } catch {
            throw CLIError(description: "could not check the credential: \(error)", exitCode: 2)
        }
        try Verdict.finish(result, json: output.json)
    }
}

extension CLIError {
    /// The same message with exit status 2: the verdict could not be reached.
    func withCouldNotCheck() -> CLIError { CLIError(description: description, exitCode: 2) }
}
