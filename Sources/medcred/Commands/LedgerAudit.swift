import ArgumentParser
import Foundation
import MedCredCore
import MedCredLedger

/// `medcred ledger audit`: check that the ledger only grew since a checkpoint the auditor kept.
///
/// Checking a consistency proof alone trusts the server's hashes for the new leaves. The audit therefore also
/// fetches every entry from index 0 and recomputes both roots (RFC 9162 §2.1.1): the old checkpoint's root
/// after its size, the new one's at the end. That costs one pass over the log, which is right for MedCred's
/// ledger (accreditations and status changes, not certificates); a sampled audit is left for a larger log.
struct LedgerAudit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check that the ledger is an append-only extension of a checkpoint you kept.",
        discussion: """
            Verifies the log's signature on both checkpoints, the RFC 9162 consistency proof between them, and \
            recomputes both roots from every entry the server holds (fetched from index 0, page by page). Exit \
            0 OK, 1 FAIL (the reason is printed), 2 the server could not be read, 65 malformed input. With \
            --save the new checkpoint is written after an OK audit, for the next --from.
            """
    )

    @OptionGroup var server: LedgerServerOptions

    @Option(name: .long, help: ArgumentHelp("The checkpoint from the last audit.", valueName: "checkpoint-file"))
    var from: String

    @Option(name: .long, help: ArgumentHelp("The log's verifier key (vkey).", valueName: "vkey"))
    var logKey: String

    @Option(name: .long, help: ArgumentHelp("Write the new checkpoint here after an OK audit.", valueName: "file"))
    var save: String?

    @OptionGroup var output: OutputOptions

    /// `GET /ledger/entries` items.
    private struct EntryDTO: Decodable {
        let index: UInt64
        let data: String
    }

    /// `GET /ledger/proofs/consistency`.
    private struct ConsistencyDTO: Decodable {
        let from: UInt64
        let to: UInt64
        let hashes: [String]
    }

    func run() async throws {
        let logKey = try LedgerInput.verifierKey(logKey, option: "--log-key")
        let (oldNote, old) = try LedgerInput.checkpoint(
            try InputFile.read(from, what: "checkpoint"), what: "--from file")
        try LedgerInput.requireLogSignature(oldNote, old, logKey: logKey, what: "--from checkpoint")
        let body = try await LedgerHTTP.get(server.server, "/ledger/checkpoint")
        let (newNote, new) = try LedgerInput.checkpoint(body, what: "served checkpoint")
        try LedgerInput.requireLogSignature(newNote, new, logKey: logKey, what: "served checkpoint")
        var fields = [
            ("origin", new.origin), ("from", String(old.treeSize)), ("to", String(new.treeSize)),
        ]
        if let failure = try await audit(old: old, new: new) {
            fields.append(("result", "FAIL: \(failure)"))
            Terminal.printRecord(fields, json: output.json)
            throw ExitCode(1)
        }
        fields += [("added", String(new.treeSize - old.treeSize)), ("result", "OK")]
        if let save { try LedgerFiles.write(newNote.formatted, to: save) }
        Terminal.printRecord(fields, json: output.json)
    }

    /// The first reason the new checkpoint is not an append-only extension of the old one, or `nil`.
    private func audit(old: Checkpoint, new: Checkpoint) async throws(CLIError) -> String? {
        guard new.treeSize >= old.treeSize else { return "the log shrank from \(old.treeSize) to \(new.treeSize)" }
        if new.treeSize == old.treeSize {
            guard new.rootHash == old.rootHash else { return "same size \(new.treeSize) with a different root" }
        } else if old.treeSize > 0 {
            let query = "/ledger/proofs/consistency?from=\(old.treeSize)&to=\(new.treeSize)"
            let dto = try await LedgerHTTP.getJSON(ConsistencyDTO.self, server.server, query)
            guard dto.from == old.treeSize, dto.to == new.treeSize else {
                return "the server sent a consistency proof for other sizes"
            }
            let hashes = try dto.hashes.map { text throws(CLIError) in try LedgerInput.hash(text) }
            let proof = ConsistencyProof(oldSize: old.treeSize, newSize: new.treeSize, hashes: hashes)
            do throws(MerkleError) { try proof.verify(oldRoot: old.rootHash, newRoot: new.rootHash) } catch {
                return "the consistency proof does not verify: \(error)"
            }
        }
        return try await recomputeRoots(old: old, new: new)
    }

    /// Fetches entries `0..<new.treeSize` and checks both roots against them.
    private func recomputeRoots(old: Checkpoint, new: Checkpoint) async throws(CLIError) -> String? {
        var tree = MerkleAccumulator()
        if old.treeSize == 0, old.rootHash != tree.root { return "the old checkpoint has size 0 but a non-empty root" }
        while tree.size < new.treeSize {
            let start = tree.size
            let count = min(100, new.treeSize - start)
            let page = try await LedgerHTTP.getJSON(
                [EntryDTO].self, server.server, "/ledger/entries?start=\(start)&count=\(count)")
            guard !page.isEmpty else { return "the server holds no entry \(start), below the checkpoint size" }
            for entry in page.prefix(Int(new.treeSize - tree.size)) {
                guard entry.index == tree.size else {
                    return "the server sent entry \(entry.index) where \(tree.size) was expected"
                }
                guard let data = Self.base64URL(entry.data) else {
                    throw .invalidInput("the server sent entry \(entry.index) in invalid base64url")
                }
                tree.append(leafHash: MerkleHash.leaf(data))
                if tree.size == old.treeSize, tree.root != old.rootHash {
                    return "the entries up to \(old.treeSize) do not hash to the old checkpoint's root"
                }
            }
        }
        guard tree.root == new.rootHash else { return "the entries do not hash to the new checkpoint's root" }
        return nil
    }

    /// RFC 4648 §5 base64url, with or without padding.
    static func base64URL(_ text: String) -> [UInt8]? {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while standard.count % 4 != 0 { standard += "=" }
        return Data(base64Encoded: standard).map(Array.init)
    }
}
