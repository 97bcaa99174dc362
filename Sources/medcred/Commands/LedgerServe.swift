import ArgumentParser
import Foundation
import MedCredLedger
import MedCredServer
import MedCredService

/// `medcred ledger serve`: serve the ledger's read API and publish its checkpoints to witnesses until SIGTERM.
struct LedgerServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the ledger's read API and send its checkpoints to witnesses for cosigning.",
        discussion: """
            The ledger is kept in DIR/ledger.sqlite and witness progress in DIR/witnessing.json. Each --witness \
            names a witness's base URL (requests go to URL/add-checkpoint) and its cosignature vkey. Every \
            --publish-interval seconds the latest checkpoint is sent to the witnesses that have not cosigned it. \
            The server prints the origin, the log's vkey and the address it listens on, and stops gracefully on \
            SIGTERM or SIGINT.
            """
    )

    @OptionGroup var log: LedgerLogOptions

    @Option(
        name: .long,
        help: ArgumentHelp("A witness: its base URL and its cosignature vkey (repeatable).", valueName: "url=vkey"))
    var witness: [String] = []

    @Option(name: .long, help: "How many witness cosignatures a checkpoint needs (default: all witnesses).")
    var threshold: Int?

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The TCP port to listen on; 0 picks a free one.")
    var port = 8090

    @Option(name: .long, help: ArgumentHelp("Seconds between checkpoint publications.", valueName: "seconds"))
    var publishInterval = 10.0

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let witnesses = try Self.parseWitnesses(witness)
        let policy = try policy(witnesses)
        guard publishInterval.isFinite, publishInterval >= 0.05 else {
            throw CLIError.invalidInput("--publish-interval must be at least 0.05 seconds")
        }
        let signer = try log.signerKey()
        let path = try log.databasePath()
        let ledger: LedgerLog
        do { ledger = try LedgerLog(path: path, signer: signer, now: { Date() }) } catch {
            throw CLIError.failed("cannot open the ledger in \(Terminal.quoted(log.data)): \(error)")
        }
        let publisher = CheckpointPublisher(
            ledger: ledger, witnesses: witnesses, transport: HTTPWitnessTransport(),
            storage: JSONFilePublisherStorage(directory: URL(fileURLWithPath: log.data)))
        Terminal.printRecord(
            [("origin", ledger.origin), ("vkey", ledger.verifierKey.description)], json: output.json)
        do {
            try await serve(ledger: ledger, publisher: publisher, policy: policy)
        } catch {
            throw CLIError.failed("the ledger server stopped: \(error)")
        }
        try? ledger.close()
    }

    /// Runs the HTTP server and the publishing loop; the loop stops when the server has shut down.
    private func serve(ledger: LedgerLog, publisher: CheckpointPublisher, policy: WitnessPolicy) async throws {
        let host = host
        let json = output.json
        let interval = Duration.milliseconds(Int64(publishInterval * 1000))
        try await LedgerServer.run(
            ledger: WitnessedLedger(ledger: ledger, publisher: publisher), host: host, port: port,
            alongside: {
                await Self.publishLoop(publisher, policy: policy, logKey: ledger.verifierKey, interval: interval)
            },
            onServerRunning: { port in
                let address = "http://\(host):\(port.map(String.init) ?? "?")"
                Terminal.printRecord([("listening", address)], json: json)
            })
    }

    /// Publishes every `interval` until cancelled; a failed round is reported on stderr and retried next time.
    private static func publishLoop(
        _ publisher: CheckpointPublisher, policy: WitnessPolicy, logKey: NoteVerifierKey, interval: Duration
    ) async {
        guard !policy.witnesses.isEmpty else { return }
        var lastReported: String?
        while !Task.isCancelled {
            let report: String?
            do {
                let publication = try await publisher.publish()
                let result = policy.evaluate(signedCheckpoint: publication.note, logKey: logKey)
                report =
                    result.isMet
                    ? nil
                    : "checkpoint \(publication.size): \(result.cosigners.count) of \(policy.threshold) "
                        + "cosignatures; " + describe(publication.outcomes)
            } catch AnchoringError.noSignedCheckpoint {
                report = nil
            } catch {
                report = "publishing failed: \(error)"
            }
            if let report, report != lastReported { Terminal.printError("medcred: \(report)") }
            lastReported = report
            do { try await Task.sleep(for: interval) } catch { return }
        }
    }

    private static func describe(_ outcomes: [String: WitnessOutcome]) -> String {
        outcomes.sorted { $0.key < $1.key }.map { name, outcome in "\(name): \(outcome)" }.joined(separator: "; ")
    }

    private func policy(_ witnesses: [WitnessEndpoint]) throws(CLIError) -> WitnessPolicy {
        do {
            return try WitnessPolicy(
                witnesses: witnesses.map(\.verifierKey), threshold: threshold ?? witnesses.count)
        } catch {
            throw .invalidInput("invalid witness configuration: \(error)")
        }
    }

    /// Parses `--witness URL=VKEY` values; the split is at the last `=`, since a vkey holds none and a URL may.
    static func parseWitnesses(_ values: [String]) throws(CLIError) -> [WitnessEndpoint] {
        var endpoints: [WitnessEndpoint] = []
        for value in values {
            guard let equals = value.lastIndex(of: "="), equals != value.startIndex else {
                throw .invalidInput("invalid --witness \(Terminal.quoted(value)): expected URL=VKEY")
            }
            let url = String(value[..<equals])
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw .invalidInput("invalid --witness \(Terminal.quoted(value)): the URL must be http or https")
            }
            let key = try LedgerInput.verifierKey(String(value[value.index(after: equals)...]), option: "--witness")
            endpoints.append(WitnessEndpoint(verifierKey: key, url: url))
        }
        return endpoints
    }
}
