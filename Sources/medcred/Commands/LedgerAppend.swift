import ArgumentParser
import Foundation
import MedCredService
import MedCredStore

/// `medcred ledger append`: append one entry to a local ledger and sign the new checkpoint.
struct LedgerAppend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
        abstract: "Append a file as one entry to the ledger in DIR and sign the new checkpoint.",
        discussion: """
            Writes to the database directly (SQLite WAL), so it works while `ledger serve` runs on the same \
            directory; the server publishes the new checkpoint on its next round.
            """
    )

    @OptionGroup var log: LedgerLogOptions

    @Argument(help: ArgumentHelp("The entry's bytes, or - for standard input.", valueName: "file"))
    var file: String

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let entry = try InputFile.read(file, what: "entry")
        let signer = try log.signerKey()
        let path = try log.databasePath()
        let ledger: LedgerLog
        do { ledger = try LedgerLog(path: path, signer: signer, now: { Date() }) } catch {
            throw CLIError.failed("cannot open the ledger in \(Terminal.quoted(log.data)): \(error)")
        }
        defer { try? ledger.close() }
        let index: UInt64
        let size: UInt64
        do {
            index = try await ledger.append(entry)
            size = try await ledger.latestSignedCheckpoint().record.size
        } catch {
            throw CLIError.failed("cannot append to the ledger: \(error)")
        }
        Terminal.printRecord([("index", String(index)), ("size", String(size))], json: output.json)
    }
}
