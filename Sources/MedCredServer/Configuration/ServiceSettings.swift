/// Settings that may each be unset; one value of this type comes from each source (flags, environment,
/// config file), and ``ServiceConfiguration/resolve(flags:environment:file:)`` layers them.
public struct ServiceSettings: Equatable, Sendable {
    public var host: String?
    public var port: Int?
    public var dataDirectory: String?
    public var publicBaseURL: String?
    public var tlsCertificate: String?
    public var tlsKey: String?
    public var trustRoots: [String]?
    public var witnesses: [String]?
    public var witnessThreshold: Int?
    public var policiesFile: String?
    public var storeCredentialBodies: Bool?
    public var sessionLifetime: Int?
    public var challengeLifetime: Int?
    public var rateLimit: Double?
    public var rateBurst: Double?
    public var logLevel: String?

    public init() {}

    /// The setting names, as written in a config file (camelCase) and, upper-snake-cased with a `MEDCRED_`
    /// prefix, in the environment.
    public static let names: [String] = [
        "host", "port", "dataDirectory", "publicBaseURL", "tlsCertificate", "tlsKey", "trustRoots", "witnesses",
        "witnessThreshold", "policiesFile", "storeCredentialBodies", "sessionLifetime", "challengeLifetime",
        "rateLimit", "rateBurst", "logLevel",
    ]

    /// Each field of `other` that is set replaces this one's.
    public func overridden(by other: ServiceSettings) -> ServiceSettings {
        var merged = self
        merged.host = other.host ?? host
        merged.port = other.port ?? port
        merged.dataDirectory = other.dataDirectory ?? dataDirectory
        merged.publicBaseURL = other.publicBaseURL ?? publicBaseURL
        merged.tlsCertificate = other.tlsCertificate ?? tlsCertificate
        merged.tlsKey = other.tlsKey ?? tlsKey
        merged.trustRoots = other.trustRoots ?? trustRoots
        merged.witnesses = other.witnesses ?? witnesses
        merged.witnessThreshold = other.witnessThreshold ?? witnessThreshold
        merged.policiesFile = other.policiesFile ?? policiesFile
        merged.storeCredentialBodies = other.storeCredentialBodies ?? storeCredentialBodies
        merged.sessionLifetime = other.sessionLifetime ?? sessionLifetime
        merged.challengeLifetime = other.challengeLifetime ?? challengeLifetime
        merged.rateLimit = other.rateLimit ?? rateLimit
        merged.rateBurst = other.rateBurst ?? rateBurst
        merged.logLevel = other.logLevel ?? logLevel
        return merged
    }
}
