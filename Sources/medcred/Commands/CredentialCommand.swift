import ArgumentParser

/// `medcred credential …`: sign and verify verifiable credentials.
struct CredentialCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credential",
        abstract: "Sign, verify and receive verifiable credentials.",
        subcommands: [CredentialSign.self, CredentialVerify.self, CredentialReceive.self]
    )
}

/// `medcred presentation …`: sign and verify verifiable presentations.
struct PresentationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presentation",
        abstract: "Sign and verify verifiable presentations.",
        subcommands: [PresentationSign.self, PresentationVerify.self]
    )
}

/// Where the JSON-LD contexts come from, for every command that checks the data model.
struct ContextOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Folder of pinned JSON-LD context documents (default: MEDCRED_CONTEXTS, ./.medcred/contexts).",
            valueName: "dir"))
    var contexts: String?
}
