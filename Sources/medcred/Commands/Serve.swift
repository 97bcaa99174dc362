import ArgumentParser
import Foundation
import Logging
import MedCredClient
import MedCredCore
import MedCredServer
import MedCredService

/// `medcred serve`: the MedCred service — issuers, status lists, verifier, DID-Auth login and the ledger.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the MedCred service (VC-API issuing, status, verifying, DID-Auth login, ledger).",
        discussion: """
            With no options it listens on 127.0.0.1:8080 and keeps everything under ./.medcred/: SQLite \
            databases, the master key that seals every private key, and the ledger. On the first start it \
            creates the service DID and writes a one-time admin token to ./.medcred/admin.token (mode 0600).

            Settings come from options, then MEDCRED_* environment variables (MEDCRED_PORT, \
            MEDCRED_DATA_DIRECTORY, MEDCRED_PUBLIC_BASE_URL, …; lists comma-separated), then the JSON config \
            file (--config, MEDCRED_CONFIG, or DATA/config.json), whose members are the settings' camelCase \
            names (host, port, dataDirectory, publicBaseURL, tlsCertificate, tlsKey, trustRoots, witnesses, \
            witnessThreshold, policiesFile, storeCredentialBodies, sessionLifetime, challengeLifetime, \
            rateLimit, rateBurst, logLevel). SIGTERM or SIGINT stops it gracefully.
            """
    )

    @Option(name: .long, help: "The address to listen on (default 127.0.0.1).")
    var host: String?

    @Option(name: .long, help: "The TCP port (default 8080); 0 picks a free one.")
    var port: Int?

    @Option(name: .customLong("data"), help: ArgumentHelp("The data folder (default ./.medcred).", valueName: "dir"))
    var dataDirectory: String?

    @Option(name: .long, help: ArgumentHelp("The URL clients use to reach the service; it names hosted DIDs and status lists.", valueName: "url"))
    var publicURL: String?

    @Option(name: .long, help: ArgumentHelp("A PEM certificate chain: serve HTTPS directly.", valueName: "file"))
    var tlsCert: String?

    @Option(name: .long, help: ArgumentHelp("The PEM private key of --tls-cert.", valueName: "file"))
    var tlsKey: String?

    @Option(name: .long, help: ArgumentHelp("A trusted accreditation root DID besides the service's own (repeatable).", valueName: "did"))
    var trustRoot: [String] = []

    @Option(name: .long, help: ArgumentHelp("A witness that cosigns checkpoints (repeatable).", valueName: "url=vkey"))
    var witness: [String] = []

    @Option(name: .long, help: ArgumentHelp("A JSON file of verifier policies added to the built-in ones.", valueName: "file"))
    var policies: String?

    @Option(name: .long, help: ArgumentHelp("A JSON config file.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("The folder of pinned JSON-LD contexts.", valueName: "dir"))
    var contexts: String?

    @Option(name: .long, help: "trace, debug, info, notice, warning, error or critical (default info).")
    var logLevel: String?

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let configuration: ServiceConfiguration
        do {
            let fromEnvironment = try ServiceSettings(environment: environment)
            let file = try configFile(environment: environment, dataDirectory: dataDirectory ?? fromEnvironment.dataDirectory)
            configuration = try ServiceConfiguration.resolve(flags: flags(), environment: fromEnvironment, file: file)
        } catch let error as ConfigurationError {
            throw CLIError.invalidInput("invalid configuration: \(error)")
        }
        let knownContexts = try ContextCache.load(folder: contexts)
        let level = Logger.Level(rawValue: configuration.logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "medcred")
        let client = HTTPClient()
        let runtime: ServiceRuntime
        do {
            runtime = try await ServiceRuntime.open(
                configuration: configuration, contexts: knownContexts,
                network: ServiceRuntime.Network(
                    didWeb: HTTPDIDWebFetcher(client: client), statusLists: HTTPStatusListFetcher(client: client),
                    witnesses: HTTPWitnessTransport(client: client)))
        } catch {
            throw CLIError.failed("cannot start: \(error)")
        }
        var record: [(String, String)] = [("did", runtime.components.identity.did), ("data", configuration.dataDirectory)]
        if runtime.initialAdminToken != nil { record.append(("adminToken", configuration.path("admin.token"))) }
        Terminal.printRecord(record, json: output.json)
        let json = output.json
        let scheme = configuration.usesTLS ? "https" : "http"
        let host = configuration.host
        do {
            try await ServiceServer.run(runtime, logger: logger) { port in
                Terminal.printRecord([("listening", "\(scheme)://\(host):\(port.map(String.init) ?? "?")")], json: json)
            }
        } catch {
            throw CLIError.failed("the service stopped: \(error)")
        }
    }

    private func flags() -> ServiceSettings {
        var settings = ServiceSettings()
        settings.host = host
        settings.port = port
        settings.dataDirectory = dataDirectory
        settings.publicBaseURL = publicURL
        settings.tlsCertificate = tlsCert
        settings.tlsKey = tlsKey
        settings.trustRoots = trustRoot.isEmpty ? nil : trustRoot
        settings.witnesses = witness.isEmpty ? nil : witness
        settings.policiesFile = policies
        settings.logLevel = logLevel
        return settings
    }

    /// The config file named by --config or MEDCRED_CONFIG (which must exist), else DATA/config.json if present.
    private func configFile(environment: [String: String], dataDirectory: String?) throws -> ServiceSettings? {
        let named = config ?? environment["MEDCRED_CONFIG"]
        let path = named ?? URL(fileURLWithPath: dataDirectory ?? ".medcred").appendingPathComponent("config.json").path
        guard let data = FileManager.default.contents(atPath: path) else {
            if let named { throw CLIError.invalidInput("cannot read the config file \(Terminal.quoted(named))") }
            return nil
        }
        return try ServiceSettings(configFile: Array(data))
    }
}
