import ArgumentParser
import Foundation
import MedCredLedger
import MedCredServer
import MedCredStore

/// `medcred witness serve`: answer `POST /add-checkpoint` for the configured logs until SIGTERM.
struct WitnessServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a C2SP tlog-witness: cosign checkpoints consistent with the last one cosigned.",
        discussion: """
            Each --log names a log's origin and its note verifier key (vkey); repeat it for more logs or keys. \
            The latest cosigned checkpoint of each log is kept in DIR/witness.sqlite. The witness prints its \
            name, its vkey and the address it listens on, and stops gracefully on SIGTERM or SIGINT.
            """
    )

    @OptionGroup var witnessKey: WitnessKeyOptions

    @Option(
        name: .long,
        help: ArgumentHelp("A followed log: its origin line and its vkey (repeatable).", valueName: "origin=vkey"))
    var log: [String] = []

    @Option(name: .long, help: ArgumentHelp("The directory of the witness state.", valueName: "dir"))
    var data: String

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The TCP port to listen on; 0 picks a free one.")
    var port = 8081

    func run() async throws {
        let logs = try Self.parseLogs(log)
        let witness: Witness
        do { witness = try Witness(signer: try witnessKey.signerKey(), logs: logs) } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError.invalidInput("cannot configure the witness: \(error)")
        }
        let storage = try openStorage()
        Terminal.printRecord(
            [("name", witness.verifierKey.name), ("vkey", witness.verifierKey.description)], json: false)
        let host = host
        do {
            try await WitnessServer.run(witness: witness, storage: storage, host: host, port: port) { port in
                Terminal.printLine("listening: http://\(host):\(port.map(String.init) ?? "?")")
            }
        } catch {
            throw CLIError.failed("the witness server stopped: \(error)")
        }
        try? storage.close()
    }

    private func openStorage() throws(CLIError) -> WitnessStateStore {
        do {
            try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
            return try WitnessStateStore(path: URL(fileURLWithPath: data).appendingPathComponent("witness.sqlite").path)
        } catch {
            throw .failed("cannot open the witness state in \(Terminal.quoted(data)): \(error)")
        }
    }

    /// Parses `--log ORIGIN=VKEY` values into origin → keys.
    static func parseLogs(_ values: [String]) throws(CLIError) -> [String: [NoteVerifierKey]] {
        guard !values.isEmpty else { throw .invalidInput("no --log given: the witness would follow no log") }
        var logs: [String: [NoteVerifierKey]] = [:]
        for value in values {
            guard let equals = value.firstIndex(of: "="), equals != value.startIndex else {
                throw .invalidInput("invalid --log \(Terminal.quoted(value)): expected ORIGIN=VKEY")
            }
            let origin = String(value[..<equals])
            do {
                logs[origin, default: []].append(try NoteVerifierKey(parsing: value[value.index(after: equals)...]))
            } catch {
                throw .invalidInput("invalid --log \(Terminal.quoted(value)): \(error)")
            }
        }
        return logs
    }
}
