import ArgumentParser
import Foundation
import MedCredCore

/// `medcred presentation verify FILE --challenge C --domain D`: the verdict on a presentation and every
/// credential in it.
struct PresentationVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a presentation against your challenge and domain, and every credential it holds.",
        discussion: "Exit status: 0 verified, 1 not verified, 2 could not check."
    )

    @Argument(
        help: ArgumentHelp("The presentation (JSON or a compact JWS), or - for standard input.", valueName: "file"))
    var file: String

    @Option(name: .long, help: "The challenge you issued; the presentation must carry it.")
    var challenge: String?

    @Option(name: .long, help: "Your domain; the presentation must carry it.")
    var domain: String?

    @OptionGroup var contextOptions: ContextOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let (bytes, verifier) = try Verdict.inputs(file: file, what: "presentation", contexts: contextOptions.contexts)
        let result: VerificationResult
        do {
            result = try await verifier.verifyPresentation(
                bytes: bytes, challenge: challenge, domain: domain, now: Date())
        } catch {
            throw CLIError(description: "could not check the presentation: \(error)", exitCode: 2)
        }
        try Verdict.finish(result, json: output.json)
    }
}
