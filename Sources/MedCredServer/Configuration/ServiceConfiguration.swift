public import Foundation

/// The resolved configuration of `medcred serve`: every setting has a value, checked.
///
/// Precedence (DESIGN.md, "Defaults"): command-line flags, then `MEDCRED_*` environment variables, then the
/// config file, then the defaults below — 127.0.0.1:8080 with everything under `./.medcred/`.
public struct ServiceConfiguration: Equatable, Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var dataDirectory = ".medcred"
    /// The URL clients reach the service at; it names the hosted did:webvh DIDs and status lists, so it
    /// should be set once, before the first start, when the service sits behind a proxy or a DNS name.
    public var publicBaseURL: String
    public var tlsCertificate: String?
    public var tlsKey: String?
    /// DIDs, besides the service's own, whose accreditations on this ledger are trusted.
    public var trustRoots: [String] = []
    /// Witnesses as `URL=vkey`.
    public var witnesses: [String] = []
    public var witnessThreshold: Int?
    /// A JSON file of verifier policies added to the built-in ones.
    public var policiesFile: String?
    /// Whether issued credentials are stored whole (health data included); off by default.
    public var storeCredentialBodies = false
    /// Seconds a login session lasts.
    public var sessionLifetime = 900
    /// Seconds a challenge can be used.
    public var challengeLifetime = 300
    /// Challenges and logins per second per client, on average and at once.
    public var rateLimit = 20.0
    public var rateBurst = 40.0
    public var logLevel = "info"

    /// Whether the service speaks HTTPS itself.
    public var usesTLS: Bool { tlsCertificate != nil }

    /// Layers the sources and checks the result.
    /// - Parameters:
    ///   - flags: settings given on the command line.
    ///   - environment: the process environment (`MEDCRED_*`).
    ///   - file: the config file's settings, if any.
    /// - Returns: the configuration.
    /// - Throws: ``ConfigurationError`` naming the bad setting.
    public static func resolve(flags: ServiceSettings, environment: ServiceSettings, file: ServiceSettings?)
        throws(ConfigurationError) -> ServiceConfiguration
    {
        let merged = (file ?? ServiceSettings()).overridden(by: environment).overridden(by: flags)
        var configuration = ServiceConfiguration(publicBaseURL: "")
        configuration.host = merged.host ?? configuration.host
        configuration.port = merged.port ?? configuration.port
        configuration.dataDirectory = merged.dataDirectory ?? configuration.dataDirectory
        configuration.tlsCertificate = merged.tlsCertificate
        configuration.tlsKey = merged.tlsKey
        configuration.trustRoots = merged.trustRoots ?? []
        configuration.witnesses = merged.witnesses ?? []
        configuration.witnessThreshold = merged.witnessThreshold
        configuration.policiesFile = merged.policiesFile
        configuration.storeCredentialBodies = merged.storeCredentialBodies ?? false
        configuration.sessionLifetime = merged.sessionLifetime ?? configuration.sessionLifetime
        configuration.challengeLifetime = merged.challengeLifetime ?? configuration.challengeLifetime
        configuration.rateLimit = merged.rateLimit ?? configuration.rateLimit
        configuration.rateBurst = merged.rateBurst ?? configuration.rateBurst
        configuration.logLevel = merged.logLevel ?? configuration.logLevel
        let scheme = configuration.usesTLS ? "https" : "http"
        // did:webvh names hosts by DNS names of two labels or more, so a loopback or wildcard bind is published
        // as medcred.localhost, which RFC 6761 §6.3 reserves for loopback (curl and browsers resolve it so).
        let isLocal = ["127.0.0.1", "0.0.0.0", "::1", "::", "localhost"].contains(configuration.host)
        let publicHost = isLocal ? "medcred.localhost" : configuration.host
        // Port 0 is chosen at bind time, after the DIDs are named, so such a server publishes no port.
        let portPart = configuration.port == 0 ? "" : ":\(configuration.port)"
        configuration.publicBaseURL = merged.publicBaseURL ?? "\(scheme)://\(publicHost)\(portPart)"
        try configuration.validate()
        return configuration
    }

    private func validate() throws(ConfigurationError) {
        guard (0...65535).contains(port) else { throw ConfigurationError(setting: "port", reason: "must be 0…65535") }
        guard (tlsCertificate == nil) == (tlsKey == nil) else {
            throw ConfigurationError(setting: "tlsCertificate", reason: "a TLS certificate and key go together")
        }
        guard let url = URL(string: publicBaseURL), let scheme = url.scheme, ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil
        else {
            throw ConfigurationError(setting: "publicBaseURL", reason: "must be an http(s) URL without query")
        }
        guard host.contains(where: \.isLetter), !host.contains(":") else {
            throw ConfigurationError(
                setting: "publicBaseURL", reason: "must name the host by DNS name, not IP address (did:webvh needs one)")
        }
        guard (30...86_400).contains(sessionLifetime) else {
            throw ConfigurationError(setting: "sessionLifetime", reason: "must be 30…86400 seconds")
        }
        guard (10...3_600).contains(challengeLifetime) else {
            throw ConfigurationError(setting: "challengeLifetime", reason: "must be 10…3600 seconds")
        }
        guard rateLimit > 0, rateBurst >= 1 else {
            throw ConfigurationError(setting: "rateLimit", reason: "rate and burst must be positive")
        }
        guard ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(logLevel) else {
            throw ConfigurationError(setting: "logLevel", reason: "must be trace, debug, info, notice, warning, error or critical")
        }
    }

    /// The base URL without a trailing slash.
    public var baseURL: String { publicBaseURL.hasSuffix("/") ? String(publicBaseURL.dropLast()) : publicBaseURL }

    /// The did:webvh domain part for DIDs hosted here: host, `%3A`port when not the scheme's default, and
    /// path segments as `:segment` (did:webvh v1.0 "The DID to HTTPS Transformation", in reverse).
    public var didDomain: String {
        guard let url = URL(string: baseURL), let host = url.host else { return "localhost" }
        var domain = host.lowercased()
        let defaultPort = url.scheme == "https" ? 443 : 80
        if let port = url.port, port != defaultPort { domain += "%3A\(port)" }
        for segment in url.path.split(separator: "/") where !segment.isEmpty { domain += ":\(segment)" }
        return domain
    }

    /// The folder's file for `name`.
    public func path(_ name: String) -> String {
        URL(fileURLWithPath: dataDirectory).appendingPathComponent(name).path
    }
}
