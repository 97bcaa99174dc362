import ArgumentParser
import Foundation
import MedCredCore
import MedCredLedger

/// `medcred ledger checkpoint`: fetch the ledger's latest cosigned checkpoint, optionally checking its signature.
struct LedgerCheckpointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Fetch the ledger's latest signed checkpoint (GET /ledger/checkpoint).",
        discussion: """
            Prints the signed note as served, cosignatures included. With --log-key the log's signature and the \
            origin are checked first (exit 1 if they do not match) and the origin, size and root are printed \
            instead. --out saves the note, e.g. for a later `ledger audit --from`.
            """
    )

    @OptionGroup var server: LedgerServerOptions

    @Option(
        name: .long,
        help: ArgumentHelp("The log's verifier key (vkey) to check the checkpoint with.", valueName: "vkey"))
    var logKey: String?

    @Option(name: .long, help: ArgumentHelp("Also write the signed checkpoint to this file.", valueName: "file"))
    var out: String?

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let logKey = try logKey.map { text throws(CLIError) in try LedgerInput.verifierKey(text, option: "--log-key") }
        let body = try await LedgerHTTP.get(server.server, "/ledger/checkpoint")
        let (note, checkpoint) = try LedgerInput.checkpoint(body, what: "served checkpoint")
        if let out { try LedgerFiles.write(note.formatted, to: out) }
        guard let logKey else {
            if output.json {
                Terminal.printLine(JSONValue.object(["checkpoint": .string(note.formatted)]).serialized())
            } else {
                LedgerFiles.printRaw(note.formatted)
            }
            return
        }
        try LedgerInput.requireLogSignature(note, checkpoint, logKey: logKey, what: "served checkpoint")
        let cosignatures = note.signatures.count - note.verify(with: [logKey]).verified.count
        Terminal.printRecord(
            [
                ("origin", checkpoint.origin), ("size", String(checkpoint.treeSize)),
                ("root", Data(checkpoint.rootHash).base64EncodedString()), ("signature", "verified"),
                ("cosignatures", String(cosignatures)),
            ], json: output.json)
    }
}

/// Reading and writing the ledger's text artefacts (notes, proofs) byte for byte.
enum LedgerFiles {
    /// Writes `text` exactly (no extra newline: a signed note ends with one already).
    static func write(_ text: String, to path: String) throws(CLIError) {
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw .failed("cannot write \(Terminal.quoted(path)): \(error.localizedDescription)")
        }
    }

    /// Prints `text` on stdout exactly.
    static func printRaw(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
