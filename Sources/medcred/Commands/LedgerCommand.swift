import ArgumentParser
import Foundation
import MedCredClient
import MedCredLedger

/// `medcred ledger …`: run MedCred's witnessed transparency ledger, and check it from outside.
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Run and audit the witnessed transparency ledger (C2SP checkpoints and tlog-proofs).",
        subcommands: [
            LedgerServe.self, LedgerAppend.self, LedgerCheckpointCommand.self, LedgerProofCommand.self,
            LedgerVerifyProof.self, LedgerAudit.self,
        ]
    )
}

/// The options that open a ledger's local database and its log key.
struct LedgerLogOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The directory of the ledger database.", valueName: "dir"))
    var data: String

    @Option(name: .long, help: ArgumentHelp("The log's encrypted Ed25519 key file.", valueName: "keyfile"))
    var key: String

    @Option(
        name: .long,
        help: ArgumentHelp("The log's origin (its key name), e.g. log.example/medcred.", valueName: "origin"))
    var name: String

    @OptionGroup var passphrase: PassphraseOptions

    /// Opens the key file and makes the log's Ed25519 note signer key (type 0x01), named after the origin.
    func signerKey() throws(CLIError) -> NoteSignerKey {
        let (_, privateKey) = try KeyFileStorage.open(key, passphrase: passphrase)
        do { return try NoteSignerKey(name: name, privateKey: privateKey, type: .ed25519) } catch {
            throw .invalidInput("invalid --name \(Terminal.quoted(name)): \(error)")
        }
    }

    /// The ledger database file, creating its directory.
    func databasePath() throws(CLIError) -> String {
        do { try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true) } catch {
            throw .failed("cannot create \(Terminal.quoted(data)): \(error.localizedDescription)")
        }
        return URL(fileURLWithPath: data).appendingPathComponent("ledger.sqlite").path
    }
}

/// The `--server URL` of the ledger a client command reads.
struct LedgerServerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The ledger server's base URL.", valueName: "url"))
    var server: String
}

/// Reading the ledger's HTTP API: any failure to get an answer is "could not check" (exit 2).
enum LedgerHTTP {
    /// GETs `path` under `server` and returns the body of a 2xx answer.
    static func get(_ server: String, _ path: String) async throws(CLIError) -> [UInt8] {
        var base = server
        while base.hasSuffix("/") { base.removeLast() }
        let response: HTTPResponse
        do { response = try await HTTPClient().send(HTTPRequest(url: base + path)) } catch {
            throw CLIError(description: "cannot reach the ledger: \(error)", exitCode: 2)
        }
        guard response.isSuccess else {
            // A 4xx is the ledger's answer (no such entry, no checkpoint yet): the request failed. Anything else
            // means the ledger could not answer.
            throw CLIError(
                description: "the ledger answered \(response.status) to GET \(path)\(problemDetail(response.body))",
                exitCode: (400..<500).contains(response.status) ? 1 : 2)
        }
        return response.body
    }

    /// GETs a JSON body and decodes it; a body that does not decode is malformed input (exit 65).
    static func getJSON<T: Decodable>(_ type: T.Type, _ server: String, _ path: String) async throws(CLIError) -> T {
        let body = try await get(server, path)
        do { return try JSONDecoder().decode(T.self, from: Data(body)) } catch {
            throw .invalidInput("the ledger's answer to GET \(path) is not the expected JSON")
        }
    }

    /// The `detail` of a problem+json body, as `: detail`, or nothing.
    private static func problemDetail(_ body: [UInt8]) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let detail = object["detail"] as? String
        else { return "" }
        return ": " + Terminal.quoted(detail, limit: 160)
    }
}

/// Parsing the ledger's text formats at the edge.
enum LedgerInput {
    /// A note verifier key (vkey) from the command line.
    static func verifierKey(_ text: String, option: String) throws(CLIError) -> NoteVerifierKey {
        do { return try NoteVerifierKey(parsing: text) } catch {
            throw .invalidInput("invalid \(option) \(Terminal.quoted(text)): \(error)")
        }
    }

    /// A signed checkpoint note and its parsed body.
    static func checkpoint(_ bytes: [UInt8], what: String) throws(CLIError) -> (SignedNote, Checkpoint) {
        do {
            let note = try SignedNote(parsing: bytes)
            return (note, try Checkpoint(parsing: note.text))
        } catch {
            throw .invalidInput("the \(what) is not a signed checkpoint: \(error)")
        }
    }

    /// Checks the log's signature on a checkpoint; a missing or bad signature or a wrong origin fails (exit 1).
    static func requireLogSignature(
        _ note: SignedNote, _ checkpoint: Checkpoint, logKey: NoteVerifierKey, what: String
    ) throws(CLIError) {
        guard checkpoint.origin == logKey.name else {
            throw .failed(
                "the \(what) is from origin \(Terminal.quoted(checkpoint.origin)), not \(Terminal.quoted(logKey.name))")
        }
        let verification = note.verify(with: [logKey])
        guard verification.isVerified else {
            throw .failed("the \(what) does not carry a valid signature by the log key \(logKey.name)")
        }
    }

    /// Decodes a standard base64 hash from a proof answer.
    static func hash(_ text: String) throws(CLIError) -> [UInt8] {
        guard let data = Data(base64Encoded: text), data.count == MerkleHash.byteCount else {
            throw .invalidInput("the ledger sent a hash that is not 32 bytes of base64")
        }
        return Array(data)
    }
}
