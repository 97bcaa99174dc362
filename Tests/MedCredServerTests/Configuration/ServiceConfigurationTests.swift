import Foundation
import MedCredServer
import Testing

/// `medcred serve`'s layered configuration: flags, then `MEDCRED_*` environment, then the config file, then
/// the defaults; every bad value is refused naming where it came from.
@Suite struct ServiceConfigurationTests {
    static func resolve(
        flags: ServiceSettings = ServiceSettings(), environment: [String: String] = [:], file: String? = nil
    ) throws -> ServiceConfiguration {
        try ServiceConfiguration.resolve(
            flags: flags, environment: try ServiceSettings(environment: environment),
            file: try file.map { try ServiceSettings(configFile: Array($0.utf8)) })
    }

    /// The error `body` throws, or a test failure.
    static func refusal(_ body: () throws -> some Any, sourceLocation: SourceLocation = #_sourceLocation)
        -> ConfigurationError?
    {
        do {
            _ = try body()
            Issue.record("expected a ConfigurationError", sourceLocation: sourceLocation)
            return nil
        } catch let error as ConfigurationError {
            return error
        } catch {
            Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    @Test func defaults() throws {
        let configuration = try Self.resolve()
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.dataDirectory == ".medcred")
        #expect(configuration.publicBaseURL == "http://medcred.localhost:8080")
        #expect(configuration.baseURL == "http://medcred.localhost:8080")
        #expect(configuration.didDomain == "medcred.localhost%3A8080")
        #expect(configuration.tlsCertificate == nil && configuration.tlsKey == nil && !configuration.usesTLS)
        #expect(configuration.storeCredentialBodies == false)
        #expect(configuration.trustRoots.isEmpty && configuration.witnesses.isEmpty)
    }

    @Test func flagsOverrideEnvironmentOverrideFileOverrideDefaults() throws {
        let file =
            #"{"host": "file.example", "port": 7001, "dataDirectory": "/file", "logLevel": "debug", "#
            + #""sessionLifetime": 600, "trustRoots": ["did:key:zFile"]}"#
        let environment = ["MEDCRED_PORT": "7002", "MEDCRED_DATA_DIRECTORY": "/env", "MEDCRED_LOG_LEVEL": "warning"]
        var flags = ServiceSettings()
        flags.dataDirectory = "/flags"

        let all = try Self.resolve(flags: flags, environment: environment, file: file)
        #expect(all.dataDirectory == "/flags")  // flag over environment and file
        #expect(all.port == 7002)  // environment over file
        #expect(all.logLevel == "warning")
        #expect(all.host == "file.example")  // file over default
        #expect(all.sessionLifetime == 600)
        #expect(all.trustRoots == ["did:key:zFile"])
        #expect(all.challengeLifetime == 300)  // default
        #expect(all.publicBaseURL == "http://file.example:7002")  // derived from the resolved host and port

        let withoutFlags = try Self.resolve(environment: environment, file: file)
        #expect(withoutFlags.dataDirectory == "/env")
        let fileOnly = try Self.resolve(file: file)
        #expect(fileOnly.dataDirectory == "/file" && fileOnly.port == 7001 && fileOnly.logLevel == "debug")

        var portFlag = ServiceSettings()
        portFlag.port = 7003
        #expect(try Self.resolve(flags: portFlag, environment: environment, file: file).port == 7003)
    }

    @Test func environmentListsAndFlagsAreParsed() throws {
        let settings = try ServiceSettings(environment: [
            "MEDCRED_TRUST_ROOTS": "did:key:za, did:key:zb", "MEDCRED_STORE_CREDENTIAL_BODIES": "TRUE",
            "MEDCRED_RATE_LIMIT": "2.5", "MEDCRED_PUBLIC_BASE_URL": "https://board.example.org", "OTHER": "x",
        ])
        #expect(settings.trustRoots == ["did:key:za", "did:key:zb"])
        #expect(settings.storeCredentialBodies == true)
        #expect(settings.rateLimit == 2.5)
        #expect(settings.publicBaseURL == "https://board.example.org")
        #expect(settings.host == nil)
    }

    @Test func unknownConfigFileMemberIsRefusedByName() {
        let error = Self.refusal { try ServiceSettings(configFile: Array(#"{"port": 8080, "colour": "blue"}"#.utf8)) }
        #expect(error?.setting == "config file: colour")
        #expect(error?.description.hasPrefix("config file: colour: unknown setting") == true)
        let typo = Self.refusal {
            try ServiceSettings(configFile: Array(#"{"publicBaseUrl": "https://a.example"}"#.utf8))
        }
        #expect(typo?.setting == "config file: publicBaseUrl")
        #expect(Self.refusal { try ServiceSettings(configFile: Array("[1]".utf8)) }?.setting == "config file")
        #expect(Self.refusal { try ServiceSettings(configFile: Array(#"{"port": 1, "port": 2}"#.utf8)) } != nil)
    }

    @Test(arguments: [
        ("MEDCRED_PORT", "eighty"), ("MEDCRED_PORT", ""), ("MEDCRED_PORT", "80.5"),
        ("MEDCRED_SESSION_LIFETIME", "1e99"),
        ("MEDCRED_RATE_BURST", "many"), ("MEDCRED_STORE_CREDENTIAL_BODIES", "yes"), ("MEDCRED_HOST", ""),
    ])
    func badEnvironmentValueIsRefusedNamingTheVariable(variable: String, value: String) {
        let error = Self.refusal { try ServiceSettings(environment: [variable: value]) }
        #expect(error?.setting == variable, "\(variable)=\(value)")
    }

    @Test(arguments: [
        (#"{"port": "8080"}"#, "config file: port"), (#"{"port": 80.5}"#, "config file: port"),
        (#"{"storeCredentialBodies": "true"}"#, "config file: storeCredentialBodies"),
        (#"{"rateLimit": "fast"}"#, "config file: rateLimit"),
        (#"{"trustRoots": "did:key:za"}"#, "config file: trustRoots"),
        (#"{"trustRoots": [1]}"#, "config file: trustRoots"), (#"{"host": ""}"#, "config file: host"),
    ])
    func badConfigFileValueIsRefusedNamingTheSetting(json: String, setting: String) {
        let error = Self.refusal { try ServiceSettings(configFile: Array(json.utf8)) }
        #expect(error?.setting == setting, "\(json)")
    }

    @Test(arguments: [
        ("port", #"{"port": 70000}"#), ("port", #"{"port": -1}"#), ("sessionLifetime", #"{"sessionLifetime": 5}"#),
        ("challengeLifetime", #"{"challengeLifetime": 99999}"#), ("rateLimit", #"{"rateLimit": 0}"#),
        ("logLevel", #"{"logLevel": "loud"}"#),
    ])
    func outOfRangeValueIsRefusedNamingTheSetting(setting: String, json: String) {
        let error = Self.refusal { try Self.resolve(file: json) }
        #expect(error?.setting == setting, "\(json)")
    }

    @Test func tlsCertificateAndKeyGoTogether() throws {
        var certificateOnly = ServiceSettings()
        certificateOnly.tlsCertificate = "/etc/medcred/cert.pem"
        #expect(Self.refusal { try Self.resolve(flags: certificateOnly) }?.setting == "tlsCertificate")
        let keyOnly = Self.refusal { try Self.resolve(environment: ["MEDCRED_TLS_KEY": "/etc/medcred/key.pem"]) }
        #expect(keyOnly?.setting == "tlsCertificate")
        var both = certificateOnly
        both.tlsKey = "/etc/medcred/key.pem"
        let tls = try Self.resolve(flags: both)
        #expect(tls.usesTLS)
        #expect(tls.publicBaseURL == "https://medcred.localhost:8080")
    }

    @Test(arguments: [
        "http://127.0.0.1:8080", "https://10.0.0.7", "http://[::1]:8080", "ftp://board.example.org",
        "https://board.example.org/?q=1", "board.example.org", "https://",
    ])
    func publicBaseURLMustBeAnHTTPURLWithADNSName(url: String) {
        var flags = ServiceSettings()
        flags.publicBaseURL = url
        #expect(Self.refusal { try Self.resolve(flags: flags) }?.setting == "publicBaseURL", "\(url)")
    }

    @Test func publicHostOfANonLoopbackBindIsItsName() throws {
        #expect(
            try Self.resolve(environment: ["MEDCRED_HOST": "0.0.0.0"]).publicBaseURL == "http://medcred.localhost:8080")
        let bound = Self.refusal { try Self.resolve(environment: ["MEDCRED_HOST": "192.168.1.9"]) }
        #expect(bound?.setting == "publicBaseURL")
    }

    @Test(arguments: [
        ("https://board.example.org", "board.example.org"), ("https://board.example.org/", "board.example.org"),
        ("http://x.example:8443/medcred", "x.example%3A8443:medcred"), ("https://x.example:443/a/b", "x.example:a:b"),
        ("http://x.example:80", "x.example"), ("https://Board.Example.ORG:8443", "board.example.org%3A8443"),
    ])
    func didDomainFollowsTheDIDToHTTPSTransformation(url: String, domain: String) throws {
        var flags = ServiceSettings()
        flags.publicBaseURL = url
        #expect(try Self.resolve(flags: flags).didDomain == domain, "\(url)")
    }

    @Test func environmentNames() {
        #expect(ServiceSettings.environmentName("publicBaseURL") == "MEDCRED_PUBLIC_BASE_URL")
        #expect(ServiceSettings.environmentName("dataDirectory") == "MEDCRED_DATA_DIRECTORY")
        #expect(ServiceSettings.environmentName("tlsKey") == "MEDCRED_TLS_KEY")
        #expect(ServiceSettings.environmentName("port") == "MEDCRED_PORT")
        let names = ServiceSettings.names.map(ServiceSettings.environmentName)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.allSatisfy { $0.isUppercase || $0 == "_" } })
    }
}
