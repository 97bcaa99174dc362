import ArgumentParser
import Foundation
import MedCredCore
import MedCredLedger

/// `medcred ledger verify-proof`: check a tlog-proof bundle offline against an entry, the log key and witnesses.
struct LedgerVerifyProof: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-proof",
        abstract: "Check a tlog-proof bundle offline: entry inclusion, log signature and witness cosignatures.",
        discussion: """
            Exit 0 when every check passes, 1 when one fails (each failure is printed), 65 when the bundle, \
            the entry or a key is malformed. --threshold defaults to the number of --witness keys.
            """
    )

    @Argument(help: ArgumentHelp("The tlog-proof bundle, or - for standard input.", valueName: "bundle"))
    var bundle: String

    @Option(name: .long, help: ArgumentHelp("The entry's bytes.", valueName: "file"))
    var entry: String

    @Option(name: .long, help: ArgumentHelp("The log's verifier key (vkey).", valueName: "vkey"))
    var logKey: String

    @Option(name: .long, help: ArgumentHelp("A witness's cosignature vkey (repeatable).", valueName: "vkey"))
    var witness: [String] = []

    @Option(name: .long, help: "How many witness cosignatures are required (default: all witnesses).")
    var threshold: Int?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let logKey = try LedgerInput.verifierKey(logKey, option: "--log-key")
        let witnesses = try witness.map { text throws(CLIError) in
            try LedgerInput.verifierKey(text, option: "--witness")
        }
        let threshold = threshold ?? witnesses.count
        do { _ = try WitnessPolicy(witnesses: witnesses, threshold: threshold) } catch {
            throw CLIError.invalidInput("invalid witness configuration: \(error)")
        }
        let text = String(decoding: try InputFile.read(bundle, what: "bundle"), as: UTF8.self)
        let proof: TlogProof
        do { proof = try TlogProof(parsing: text) } catch {
            throw CLIError.invalidInput("the bundle is not a tlog-proof: \(error)")
        }
        let entryBytes = try InputFile.read(entry, what: "entry")
        let result = proof.verify(entry: entryBytes, logKey: logKey, witnesses: witnesses, threshold: threshold)
        print(result, proof: proof)
        if !result.isVerified { throw ExitCode(1) }
    }

    private func print(_ result: TlogProofVerification, proof: TlogProof) {
        let failures = result.failures.map { String(describing: $0) }
        if output.json {
            Terminal.printLine(
                JSONValue.object([
                    "verified": .bool(result.isVerified), "index": .string(String(proof.index)),
                    "size": .string(String(proof.checkpoint.treeSize)),
                    "cosigners": .array(result.cosigners.map(JSONValue.string)),
                    "failures": .array(failures.map(JSONValue.string)),
                ]).serialized())
            return
        }
        Terminal.printRecord(
            [
                ("verified", result.isVerified ? "yes" : "NO"), ("index", String(proof.index)),
                ("size", String(proof.checkpoint.treeSize)), ("cosigners", result.cosigners.joined(separator: ", ")),
            ], json: false)
        for failure in failures { Terminal.printLine("  ✗ \(failure)") }
    }
}
