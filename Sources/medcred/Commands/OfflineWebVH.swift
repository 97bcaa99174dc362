import ArgumentParser
import Foundation
import MedCredCore
import MedCredLedger

/// `verify --offline` for did:webvh signers: their `did.jsonl` logs given as files, and optionally the ledger
/// proofs (C2SP tlog-proof bundles, from `GET /ledger/bundles/{index}`) that the logs' entries are anchored.
struct OfflineWebVHOptions: ParsableArguments {
    @Option(
        name: .customLong("log"),
        help: ArgumentHelp("A did:webvh signer's did.jsonl, for --offline (repeatable).", valueName: "file"))
    var logs: [String] = []

    @Option(
        name: .customLong("bundle"),
        help: ArgumentHelp(
            "A tlog-proof bundle anchoring a --log entry on the MedCred ledger (repeatable; needs --ledger-key).",
            valueName: "file"))
    var bundles: [String] = []

    @Option(name: .long, help: ArgumentHelp("The ledger's verifier key (vkey), for --bundle.", valueName: "vkey"))
    var ledgerKey: String?

    @Option(
        name: .customLong("witness"),
        help: ArgumentHelp(
            "A witness's cosignature key (vkey): with --bundle, an anchor counts only when enough of these witnesses "
                + "cosigned its checkpoint (repeatable).", valueName: "vkey"))
    var witnesses: [String] = []

    @Option(help: ArgumentHelp("How many --witness keys must have cosigned (default: all of them).", valueName: "n"))
    var witnessThreshold: Int?

    /// The verified logs, by SCID.
    func verifiedLogs(now: Date) throws(CLIError) -> [String: WebVHLogVerification] {
        var logs: [String: WebVHLogVerification] = [:]
        for path in self.logs {
            let text = String(decoding: try InputFile.read(path, what: "did.jsonl"), as: UTF8.self)
            let verification = WebVHLogVerifier(now: XSDDateTime(now)).verify(logText: text, witnessText: nil)
            guard let scid = verification.entries.first?.parameters.scid else {
                throw .invalidInput(
                    "\(Terminal.quoted(path)) is not a valid did:webvh log: "
                        + (verification.failure.map { "\($0)" } ?? "it is empty"))
            }
            logs[scid] = verification
        }
        return logs
    }

    /// The `anchor` check: every bundle proves one of the logs' entries with the ledger key.
    /// - Returns: the problems; empty when every bundle verifies.
    func anchorProblems(_ logs: [String: WebVHLogVerification]) throws(CLIError) -> [CredentialProblem]? {
        guard !bundles.isEmpty else { return nil }
        guard let ledgerKey else { throw CLIError(description: "--bundle needs --ledger-key", exitCode: 64) }
        let key = try LedgerInput.verifierKey(ledgerKey, option: "--ledger-key")
        let policy = try witnessPolicy()
        let entries = logs.values.flatMap(\.entries).map { JSONValue.object($0.entry.json).jcsBytes }
        var problems: [CredentialProblem] = []
        for path in bundles {
            let text = String(decoding: try InputFile.read(path, what: "bundle"), as: UTF8.self)
            let proof: TlogProof
            do { proof = try TlogProof(parsing: text) } catch {
                throw .invalidInput("\(Terminal.quoted(path)) is not a tlog-proof: \(error)")
            }
            let results = entries.map {
                proof.verify(entry: $0, logKey: key, witnesses: policy.witnesses, threshold: policy.threshold)
            }
            if results.contains(where: \.isVerified) { continue }
            // The entry is on the ledger, but its checkpoint lacks the cosignatures the policy asks for.
            if let underWitnessed = results.first(where: { $0.failures.allSatisfy(Self.isWitnessFailure) }) {
                problems.append(
                    CredentialProblem(
                        type: .malformedValue, pointer: "",
                        detail: "\(Terminal.quoted(path)): the checkpoint is cosigned by \(underWitnessed.cosigners.count) "
                            + "of the named witnesses; \(policy.threshold) required"))
                continue
            }
            problems.append(
                CredentialProblem(
                    type: .malformedValue, pointer: "",
                    detail: "\(Terminal.quoted(path)) proves none of the given did:webvh entries on this ledger"))
        }
        return problems
    }

    /// The `--witness` keys and `--witness-threshold`, as a checked policy (C2SP tlog-cosignature).
    private func witnessPolicy() throws(CLIError) -> WitnessPolicy {
        var keys: [NoteVerifierKey] = []
        for text in witnesses { keys.append(try LedgerInput.verifierKey(text, option: "--witness")) }
        do { return try WitnessPolicy(witnesses: keys, threshold: witnessThreshold ?? keys.count) } catch {
            throw CLIError(description: "invalid witness policy: \(error)", exitCode: 64)
        }
    }

    private static func isWitnessFailure(_ failure: TlogProofFailure) -> Bool {
        switch failure {
        case .witnessCosignatureInvalid, .witnessThresholdNotMet: true
        default: false
        }
    }
}

/// Resolves did:webvh DIDs from verified local logs, as of a version time, and did:key as usual.
struct OfflineWebVHResolver: DIDResolver {
    let logs: [String: WebVHLogVerification]

    func resolve(_ did: DID, versionTime: String?) async throws(DIDResolutionError) -> DIDDocument {
        if did.method == "key" { return try await DIDKeyResolver().resolve(did, versionTime: versionTime) }
        guard did.method == "webvh" else { throw .methodNotSupported(did.method) }
        guard let identifier = try? WebVHIdentifier(parsing: did.description), let log = logs[identifier.scid] else {
            throw .notFound(did)
        }
        var query = WebVHVersionQuery()
        if let versionTime {
            guard let time = try? XSDDateTime(parsing: versionTime, requiringTimezone: true) else { throw .notFound(did) }
            query.versionTime = time
        }
        let resolved = WebVHResolver.resolve(identifier, query: query, verification: log)
        guard resolved.error == nil, let json = resolved.didDocument,
            resolved.didDocumentMetadata["deactivated"] != .bool(true)
        else { throw .notFound(did) }
        do { return try DIDDocument(json: json) } catch { throw .invalidDIDDocument(error) }
    }
}
