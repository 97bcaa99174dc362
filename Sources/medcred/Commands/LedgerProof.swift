import ArgumentParser
import MedCredCore
import MedCredLedger

/// `medcred ledger proof`: fetch the C2SP tlog-proof bundle of one entry for offline verification.
struct LedgerProofCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proof",
        abstract: "Fetch the tlog-proof of entry INDEX against the latest checkpoint (GET /ledger/bundles/INDEX).",
        discussion: """
            The bundle (c2sp.org/tlog-proof) holds the inclusion proof and the cosigned checkpoint; check it \
            offline with `ledger verify-proof`.
            """
    )

    @Argument(help: ArgumentHelp("The entry's leaf index.", valueName: "index"))
    var index: UInt64

    @OptionGroup var server: LedgerServerOptions

    @Option(name: .long, help: ArgumentHelp("Write the bundle to this file instead of stdout.", valueName: "file"))
    var out: String?

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let body = try await LedgerHTTP.get(server.server, "/ledger/bundles/\(index)")
        let proof: TlogProof
        do { proof = try TlogProof(parsing: String(decoding: body, as: UTF8.self)) } catch {
            throw CLIError.invalidInput("the served bundle is not a tlog-proof: \(error)")
        }
        guard proof.index == index else {
            throw CLIError.failed("the server sent the proof of entry \(proof.index), not \(index)")
        }
        if let out {
            try LedgerFiles.write(proof.formatted, to: out)
            Terminal.printRecord(
                [("index", String(index)), ("size", String(proof.checkpoint.treeSize)), ("out", out)],
                json: output.json)
        } else if output.json {
            Terminal.printLine(
                JSONValue.object([
                    "index": .string(String(index)), "size": .string(String(proof.checkpoint.treeSize)),
                    "proof": .string(proof.formatted),
                ]).serialized())
        } else {
            LedgerFiles.printRaw(proof.formatted)
        }
    }
}
