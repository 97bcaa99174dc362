import ArgumentParser

/// `medcred did …`: create and resolve decentralized identifiers.
struct DIDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "did",
        abstract: "Create and resolve DIDs.",
        subcommands: [DIDKeyCommand.self, DIDResolve.self]
    )
}

/// `medcred did key …`: did:key identifiers, the holder DIDs of patients and professionals.
struct DIDKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Work with did:key identifiers (Ed25519).",
        subcommands: [DIDKeyGenerate.self]
    )
}
