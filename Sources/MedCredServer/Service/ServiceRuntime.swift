public import Foundation
public import MedCredCore
import MedCredLedger
public import MedCredService
import MedCredStore

/// Opens everything `medcred serve` runs on, from its configuration: the data folder (mode 0700), the master
/// key, the ledger and its sealed key, the hosted DIDs, accounts, tokens, credentials, challenges, sessions
/// and the audit log — each in its own SQLite file — and, on the first start, the service's DID and the
/// one-time admin token.
public final class ServiceRuntime: Sendable {
    /// The opened parts, for the routes.
    public let components: ServiceComponents
    /// The admin token created at this start, when it is the first; it is also in `admin.token`.
    public let initialAdminToken: String?
    /// The checkpoint publisher, when witnesses are configured.
    let publisher: CheckpointPublisher?
    let witnessPolicy: WitnessPolicy?
    let ledgerLog: LedgerLog

    /// The external I/O the runtime needs from the layer above (libcurl in the executable).
    public struct Network: Sendable {
        public var didWeb: (any DIDWebDocumentFetcher)?
        public var statusLists: (any StatusListFetcher)?
        public var witnesses: (any WitnessTransport)?

        public init(
            didWeb: (any DIDWebDocumentFetcher)? = nil, statusLists: (any StatusListFetcher)? = nil,
            witnesses: (any WitnessTransport)? = nil
        ) {
            self.didWeb = didWeb
            self.statusLists = statusLists
            self.witnesses = witnesses
        }
    }

    /// Why the service could not start.
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Opens (creating on first start) the service's state.
    /// - Parameters:
    ///   - configuration: the resolved configuration.
    ///   - contexts: the pinned JSON-LD contexts.
    ///   - network: the HTTP fetchers for did:web, remote status lists and witnesses.
    ///   - clock: the current time.
    /// - Throws: ``StartError`` naming what failed.
    public static func open(
        configuration: ServiceConfiguration, contexts: KnownContexts, network: Network = Network(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) async throws -> ServiceRuntime {
        let c = configuration
        do {
            try FileManager.default.createDirectory(
                atPath: c.dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StartError(description: "cannot create the data folder \(c.dataDirectory): \(error.localizedDescription)")
        }
        let masterKey = try step("the master key") { try MasterKey.loadOrCreate(path: c.path("master.key")) }
        let ledgerKey = try step("the ledger key") {
            try LedgerKey.loadOrCreate(path: c.path("ledger.key"), masterKey: masterKey, origin: Self.origin(c))
        }
        let ledgerLog = try step("the ledger") { try LedgerLog(path: c.path("ledger.sqlite"), signer: ledgerKey, now: clock) }
        let logs = try step("the DID logs") { try DIDLogStore(path: c.path("didlogs.sqlite")) }
        let registry = AnchoredDIDRegistry(ledger: ledgerLog, logs: logs, anchorPolicy: .require, clock: clock)
        let accounts = try step("the accounts") {
            try IssuerAccounts(
                databasePath: c.path("accounts.sqlite"), masterKey: masterKey, registry: registry, ledger: ledgerLog,
                domain: c.didDomain, clock: clock)
        }
        let identity = try await asyncStep("the service DID") { try await accounts.bootstrap() }
        let tokens = try step("the tokens") { try TokenRegistry(databasePath: c.path("tokens.sqlite"), clock: clock) }
        let adminToken = try await asyncStep("the admin token") { try await tokens.createInitialAdminTokenIfNeeded() }
        if let adminToken {
            try step("admin.token") { try SecretFile.write(Array((adminToken + "\n").utf8), to: c.path("admin.token")) }
        }
        let audit = try step("the audit log") {
            try AuditLog(databasePath: c.path("audit.sqlite"), ledger: ledgerLog, clock: clock)
        }
        let statusBase = c.baseURL + "/status-lists/"
        let credentials = try step("the credential store") {
            try CredentialService(
                databasePath: c.path("credentials.sqlite"), statusBaseURL: statusBase, contexts: contexts,
                storeCredentialBodies: c.storeCredentialBodies, clock: clock,
                signerForIssuer: { id in
                    let (account, signer) = try await accounts.issuerSigning(id: id)
                    return IssuerSigning(issuerID: id, did: account.did, signer: signer)
                })
        }
        var resolvers: [String: any DIDResolver] = [
            "key": DIDKeyResolver(), "webvh": AnchoredDIDResolver(registry: registry, policy: .require),
        ]
        if let didWeb = network.didWeb { resolvers["web"] = DIDWebResolver(fetcher: didWeb) }
        let resolver = MethodDispatchingResolver(resolvers)
        var trustRoots: Set<DID> = [try step("the service DID") { try DID(parsing: identity.did) }]
        for root in c.trustRoots {
            trustRoots.insert(try step("trust root \(root)") { try DID(parsing: root) })
        }
        let base = CredentialVerifier(resolver: resolver, contexts: contexts)
        let status = BitstringStatusCheck(
            fetcher: LocalStatusListFetcher(service: credentials, statusBaseURL: statusBase, remote: network.statusLists),
            verifier: base)
        let accreditation = AccreditationCheck(
            registry: AccreditationRegistry(trustRoots: trustRoots, resolver: resolver),
            source: AccountsAccreditationSource(accounts: accounts))
        let verification = VerificationService(
            verifier: CredentialVerifier(resolver: resolver, contexts: contexts, extensions: [status, accreditation]))
        var policies = VerifierPolicies.builtIn
        if let file = c.policiesFile {
            guard let bytes = SecretFile.read(file) else { throw StartError(description: "cannot read the policies file \(file)") }
            let extra = try step("the policies file \(file)") { try VerifierPolicies.load(json: bytes) }
            policies.removeAll { policy in extra.contains { $0.name == policy.name } }
            policies += extra
        }
        let challenges = try step("the challenges") {
            try ChallengeStore(
                databasePath: c.path("auth.sqlite"), lifetime: .seconds(c.challengeLifetime), clock: clock)
        }
        let login = LoginService(
            challenges: challenges, verification: verification, policies: policies, sessionSigner: identity.signer,
            sessionLifetime: .seconds(c.sessionLifetime), clock: clock)
        let (publisher, witnessPolicy) = try witnessing(c, ledger: ledgerLog, transport: network.witnesses)
        let components = ServiceComponents(
            configuration: c, ledger: WitnessedLedger(ledger: ledgerLog, publisher: publisher), registry: registry,
            accounts: accounts, tokens: tokens, credentials: credentials, verification: verification,
            challenges: challenges, login: login, audit: audit, resolver: resolver, identity: identity,
            policies: policies,
            authLimiter: RateLimiter(limit: RateLimiter.Limit(perSecond: c.rateLimit, burst: c.rateBurst)),
            clock: clock)
        return ServiceRuntime(
            components: components, initialAdminToken: adminToken, publisher: publisher, witnessPolicy: witnessPolicy,
            ledgerLog: ledgerLog)
    }

    private init(
        components: ServiceComponents, initialAdminToken: String?, publisher: CheckpointPublisher?,
        witnessPolicy: WitnessPolicy?, ledgerLog: LedgerLog
    ) {
        self.components = components
        self.initialAdminToken = initialAdminToken
        self.publisher = publisher
        self.witnessPolicy = witnessPolicy
        self.ledgerLog = ledgerLog
    }

    /// The checkpoint origin of a new ledger: the public host, port and path, then `/ledger`.
    static func origin(_ c: ServiceConfiguration) -> String {
        guard let url = URL(string: c.baseURL), let host = url.host else { return "medcred/ledger" }
        var origin = host.lowercased()
        if let port = url.port { origin += ":\(port)" }
        origin += url.path.hasSuffix("/") ? url.path : url.path + "/"
        return origin + "ledger"
    }

    private static func witnessing(_ c: ServiceConfiguration, ledger: LedgerLog, transport: (any WitnessTransport)?)
        throws -> (CheckpointPublisher?, WitnessPolicy?)
    {
        guard !c.witnesses.isEmpty else { return (nil, nil) }
        guard let transport else { throw StartError(description: "witnesses are configured but no HTTP transport is available") }
        var endpoints: [WitnessEndpoint] = []
        for value in c.witnesses {
            guard let equals = value.lastIndex(of: "="), equals != value.startIndex,
                let key = try? NoteVerifierKey(parsing: String(value[value.index(after: equals)...]))
            else { throw StartError(description: "witness \(value): expected URL=VKEY") }
            endpoints.append(WitnessEndpoint(verifierKey: key, url: String(value[..<equals])))
        }
        let policy = try step("the witness policy") {
            try WitnessPolicy(witnesses: endpoints.map(\.verifierKey), threshold: c.witnessThreshold ?? endpoints.count)
        }
        let publisher = CheckpointPublisher(
            ledger: ledger, witnesses: endpoints, transport: transport,
            storage: JSONFilePublisherStorage(directory: URL(fileURLWithPath: c.dataDirectory)))
        return (publisher, policy)
    }

    private static func step<T>(_ what: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as StartError { throw error } catch {
            throw StartError(description: "cannot open \(what): \(error)")
        }
    }

    private static func asyncStep<T>(_ what: String, _ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch {
            throw StartError(description: "cannot open \(what): \(error)")
        }
    }

    /// Anchors the audit head and closes the databases; called once the server has stopped.
    public func close() async {
        try? await components.audit.close()
        try? await components.tokens.close()
        try? await components.accounts.close()
        try? await components.credentials.close()
        try? ledgerLog.close()
    }
}

/// Adapts the accounts service to the verifier's accreditation source.
struct AccountsAccreditationSource: AccreditationSource {
    let accounts: IssuerAccounts

    func entries(issuer: DID) async throws -> [AccreditationRegistry.Entry] {
        try await accounts.accreditationEntries(issuer: issuer)
    }
}
