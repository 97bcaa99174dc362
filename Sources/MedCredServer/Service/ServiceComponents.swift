public import Foundation
public import MedCredCore
public import MedCredLedger
public import MedCredService

/// Everything the routes use, opened by ``ServiceRuntime``: the use-case services of MedCredService and the
/// few server-side parts (rate limiters, the OpenAPI route recorder).
public struct ServiceComponents: Sendable {
    public let configuration: ServiceConfiguration
    public let ledger: WitnessedLedger
    public let registry: AnchoredDIDRegistry
    public let accounts: IssuerAccounts
    public let tokens: TokenRegistry
    public let credentials: CredentialService
    public let verification: VerificationService
    public let challenges: ChallengeStore
    public let login: LoginService
    public let audit: AuditLog
    /// did:key, did:webvh (this ledger, anchors checked) and did:web.
    public let resolver: any DIDResolver
    public let identity: ServiceIdentity
    public let policies: [VerifierPolicy]
    /// Limits challenge requests and logins per client.
    public let authLimiter: RateLimiter
    public let clock: @Sendable () -> Date

    public init(
        configuration: ServiceConfiguration, ledger: WitnessedLedger, registry: AnchoredDIDRegistry,
        accounts: IssuerAccounts, tokens: TokenRegistry, credentials: CredentialService,
        verification: VerificationService, challenges: ChallengeStore, login: LoginService, audit: AuditLog,
        resolver: any DIDResolver, identity: ServiceIdentity, policies: [VerifierPolicy], authLimiter: RateLimiter,
        clock: @escaping @Sendable () -> Date
    ) {
        self.configuration = configuration
        self.ledger = ledger
        self.registry = registry
        self.accounts = accounts
        self.tokens = tokens
        self.credentials = credentials
        self.verification = verification
        self.challenges = challenges
        self.login = login
        self.audit = audit
        self.resolver = resolver
        self.identity = identity
        self.policies = policies
        self.authLimiter = authLimiter
        self.clock = clock
    }
}
