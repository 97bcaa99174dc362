import ArgumentParser
import MedCredCore

/// `medcred status revoke|suspend|reinstate CREDENTIAL-ID`: changes a credential's status on the issuer's
/// status lists.
struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Revoke, suspend or reinstate a credential you issued.",
        discussion: """
            Flips the credential's bit on the issuer's Bitstring Status Lists; verifiers see the change the \
            next time they fetch the list. Revoking is final; a suspended credential can be reinstated. Needs \
            the issuer token that issued the credential.

            Example:
              medcred status suspend urn:uuid:0b6e… --token-file board.token
            """
    )

    enum Action: String, CaseIterable, ExpressibleByArgument {
        case revoke, suspend, reinstate
    }

    @Argument(help: "revoke, suspend or reinstate.")
    var action: Action

    @Argument(help: ArgumentHelp("The credential's id (its `id`, e.g. urn:uuid:…).", valueName: "credential-id"))
    var credentialID: String

    @OptionGroup var service: ServiceOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let client = try service.client(admin: false)
        let record = try await client.post(
            "/credentials/status", ["credentialId": .string(credentialID), "action": .string(action.rawValue)])
        if output.json {
            Terminal.printLine(record.serialized())
            return
        }
        Terminal.printRecord(
            [
                ("id", record["id"]?.stringValue ?? credentialID),
                ("status", record["status"]?.stringValue ?? "unknown"),
            ], json: false)
    }
}
