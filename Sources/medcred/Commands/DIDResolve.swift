import ArgumentParser
import MedCredCore

/// `medcred did resolve DID`: a DID Resolution result (didDocument, didResolutionMetadata,
/// didDocumentMetadata).
struct DIDResolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve a DID and print its DID Resolution result.",
        discussion: """
            Supported methods: did:key (Ed25519), and did:webvh from a local log given with --log (plus \
            --witness, and one of --version-id, --version-time, --version-number). The result follows W3C DID Resolution: a didDocument, \
            didResolutionMetadata and didDocumentMetadata. On failure the result's error is printed with \
            --json, a one-line message goes to stderr, and the exit status is 65 for a malformed DID and 1 \
            for a DID that cannot be resolved.
            """
    )

    @Argument(help: ArgumentHelp("The DID to resolve, e.g. did:key:z6Mk…", valueName: "did"))
    var did: String

    @OptionGroup var webvh: DIDWebVHResolveOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        if did.hasPrefix("did:webvh:") {
            return try DIDWebVHResolution.resolve(did, options: webvh, json: output.json)
        }
        if webvh.isUsed {
            throw CLIError.invalidInput("--log, --witness and --version-* apply to did:webvh DIDs only")
        }
        let result = DIDResolutionResult.resolvingDIDKey(did)
        if let error = result.error {
            if output.json { Terminal.printLine(result.json.serialized()) }
            let message = "cannot resolve \(Terminal.quoted(did)): \(error.code): \(error.detail)"
            switch error {
            case .invalidDID, .invalidDIDKey: throw CLIError.invalidInput(message)
            default: throw CLIError.failed(message)
            }
        }
        Terminal.printLine(result.json.serialized(pretty: !output.json))
    }
}
