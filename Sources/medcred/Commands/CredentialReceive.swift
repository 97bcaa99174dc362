import ArgumentParser
import Foundation
import MedCredClient
import MedCredCore
import MedCredService

/// `medcred credential receive FILE|URL`: verifies a credential and stores it in the wallet.
struct CredentialReceive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receive",
        abstract: "Verify a credential and store it in the wallet.",
        discussion: """
            The credential (Data Integrity JSON, a JWT, or an SD-JWT VC with all its disclosures) comes from a \
            file, - for standard input, or an http(s) URL. did:key issuers are \
            resolved locally; other DIDs through the Universal Resolver route of --resolver (default: \
            MEDCRED_RESOLVER, else the URL's server). Its status list entries are checked at their lists, so a \
            revoked or suspended credential is refused too. A credential that does not verify is refused (exit 1, \
            naming the failed checks) unless --force; when a status list cannot be reached the credential is \
            stored with a warning (verifiers check status at every presentation). A warning is printed when its \
            subject is not a wallet DID.

            Example:
              medcred credential receive https://medcred.example/credentials/urn:uuid:0b6e…
            """
    )

    @Argument(
        help: ArgumentHelp(
            "The credential file (JSON, JWT or SD-JWT), - for standard input, or a URL.", valueName: "file|url"))
    var source: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A MedCred server that resolves non-did:key DIDs (GET /1.0/identifiers/{did}).", valueName: "url"))
    var resolver: String?

    @Flag(name: .long, help: "Store the credential even when it does not verify.")
    var force = false

    @OptionGroup var contextOptions: ContextOptions
    @OptionGroup var location: WalletOptions
    @OptionGroup var passphrase: PassphraseOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let isURL = source.hasPrefix("http://") || source.hasPrefix("https://")
        let client = HTTPClient()
        let bytes: [UInt8]
        if isURL {
            do {
                bytes = try await HTTPFetch.body(
                    client, url: source,
                    accept: "application/vc, application/vc+jwt, application/dc+sd-jwt, application/json")
            } catch {
                throw CLIError(description: "cannot fetch the credential: \(error)", exitCode: 2)
            }
        } else {
            bytes = try InputFile.read(source, what: "credential")
        }
        let document = try WalletDocument(parsing: bytes, name: source)
        var wallet = try Wallet.open(location, passphrase: passphrase)
        let result = try await verify(bytes, document: document, client: client, isURL: isURL)
        let stored = WalletCredential(id: WalletCredential.id(for: document), document: document, received: "")
        if !result.verified {
            let failed = result.errors.map { "\($0.check): \($0.problem.detail)" }.joined(separator: "; ")
            guard force else { throw CLIError.failed("the credential does not verify: \(failed)") }
            Terminal.printError("medcred: warning: storing a credential that does not verify (\(failed))")
        }
        if let subject = stored.subjectID, !wallet.contents.dids.contains(subject) {
            Terminal.printError("medcred: warning: the credential's subject is not one of the wallet's DIDs")
        } else if stored.subjectID == nil {
            Terminal.printError("medcred: warning: the credential names no subject DID")
        }
        let credential = try WalletStoring.add(document, to: &wallet)
        try wallet.save()
        Terminal.printRecord(
            [
                ("id", credential.id), ("type", WalletText.primaryType(credential)), ("issuer", credential.issuer),
                ("verified", result.verified ? "yes" : "no"),
            ], json: output.json)
    }

    private func verify(_ bytes: [UInt8], document: WalletDocument, client: HTTPClient, isURL: Bool)
        async throws(CLIError) -> VerificationResult
    {
        let contexts: KnownContexts
        do { contexts = try ContextCache.load(folder: contextOptions.contexts) } catch {
            throw error.withCouldNotCheck()
        }
        var resolvers: [String: any DIDResolver] = ["key": DIDKeyResolver()]
        let base =
            resolver ?? ProcessInfo.processInfo.environment["MEDCRED_RESOLVER"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (isURL ? source.httpOrigin : nil)
        if let base {
            let remote = UniversalResolverClient(
                baseURL: base.hasSuffix("/") ? String(base.dropLast()) : base, client: client)
            for method in ["webvh", "web"] { resolvers[method] = remote }
        }
        // Bitstring Status List entries are looked up at their lists (over HTTP), so a revoked or suspended
        // credential is refused here rather than at the first login.
        let resolver = MethodDispatchingResolver(resolvers)
        let plain = CredentialVerifier(resolver: resolver, contexts: contexts)
        let status = BitstringStatusCheck(fetcher: HTTPStatusListFetcher(client: client), verifier: plain)
        let withStatus = CredentialVerifier(resolver: resolver, contexts: contexts, extensions: [status])
        do { return try await Self.check(bytes, document: document, with: withStatus) } catch .extensionFailed(
            "status", let reason)
        {
            // The wallet is not the relying party: a list it cannot reach (offline, another network) leaves the
            // status to the verifier, which checks it at every presentation.
            Terminal.printError("medcred: warning: the credential's status was not checked: \(reason)")
        } catch {
            throw Self.couldNotCheck(error)
        }
        do { return try await Self.check(bytes, document: document, with: plain) } catch {
            throw Self.couldNotCheck(error)
        }
    }

    /// The credential's checks with `verifier`: proof, validity period, data model and its extension checks; for
    /// an SD-JWT VC the issuer signature, disclosures and SD-JWT VC claims (a KB-JWT is not expected).
    private static func check(_ bytes: [UInt8], document: WalletDocument, with verifier: CredentialVerifier)
        async throws(VerificationError) -> VerificationResult
    {
        if case .sdJWT(let text) = document {
            return try await VerificationService(verifier: verifier).verifySDJWT(text, keyBinding: nil, now: Date())
                .result
        }
        return try await verifier.verifyCredential(bytes: bytes, now: Date())
    }

    /// Why the credential could not be checked; a DID method with no resolver says how to give one.
    private static func couldNotCheck(_ error: any Error) -> CLIError {
        if case .resolution(.methodNotSupported(let method)) = error as? VerificationError {
            return CLIError(
                description:
                    "could not check the credential: did:\(method) DIDs are resolved through a MedCred server; "
                    + "give --resolver URL or set MEDCRED_RESOLVER", exitCode: 2)
        }
        return CLIError(description: "could not check the credential: \(error)", exitCode: 2)
    }
}
