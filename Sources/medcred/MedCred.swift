import ArgumentParser

/// The `medcred` command: wallet, DIDs, credentials, ledger and server for MedCred.
@main
struct MedCred: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "medcred",
        abstract: "Decentralized identity and verifiable credentials for healthcare.",
        discussion: """
            MedCred issues, holds and verifies W3C verifiable credentials for medical licences and patient \
            identity. Every command accepts --json for machine-readable output.

            Exit status: 0 success; 1 the operation failed or, for verify, the document is not verified (the \
            message says why); 2 verification could not be carried out (e.g. the server is unreachable); 64 the \
            command line was wrong; 65 the input data was malformed.

            Example:
              medcred verify licence.json
            """,
        version: MedCredVersion.current,
        subcommands: [
            Serve.self, DIDCommand.self, CredentialCommand.self, PresentationCommand.self, WitnessCommand.self,
            LedgerCommand.self, Issue.self, Status.self, Verify.self, AdminCommand.self,
            WalletCommand.self, Present.self, Login.self,
        ]
    )

    /// Parses and runs the command, turning a ``CLIError`` into one line on stderr and its exit code.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as CLIError {
            Terminal.printError("medcred: \(error.description)")
            Terminal.exit(code: error.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}

/// The version `medcred --version` prints.
enum MedCredVersion {
    static let current = "0.1.0"
}
