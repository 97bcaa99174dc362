import ArgumentParser

/// `medcred did …`: create and resolve decentralized identifiers.
struct DIDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "did",
        abstract: "Create, update, deactivate and resolve DIDs (did:key, did:webvh).",
        subcommands: [
            DIDKeyCommand.self, DIDResolve.self, DIDWebVHCreate.self, DIDWebVHUpdate.self, DIDWebVHDeactivate.self,
        ]
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
