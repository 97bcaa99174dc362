import Foundation
import MedCredCrypto
import MedCredLedger
import MedCredService
import MedCredStore
import Synchronization

/// Fixed keys for a log and three witnesses.
enum WitnessingSample {
    static let origin = "medcred.test/witnessed-ledger"
    static let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_735_689_600) }

    static func key(_ byte: UInt8) throws -> Ed25519.PrivateKey {
        try Ed25519.PrivateKey(seed: [UInt8](repeating: byte, count: 32))
    }

    static func logSigner() throws -> NoteSignerKey { try NoteSignerKey(name: origin, privateKey: key(0x42)) }

    static func witnessSigners() throws -> [NoteSignerKey] {
        try (0..<3).map { index in
            try NoteSignerKey(
                name: "witness.test/w\(index)", privateKey: key(UInt8(0x50 + index)), type: .cosignatureV1)
        }
    }

    static func endpoints() throws -> [WitnessEndpoint] {
        try witnessSigners().map { WitnessEndpoint(verifierKey: $0.verifierKey, url: "https://\($0.verifierKey.name)") }
    }
}

/// Witnesses running the real ``Witness`` logic in process, reached by name.
final class InProcessWitnesses: WitnessTransport {
    struct Unreachable: Error {}

    let witnesses: [String: (Witness, InMemoryWitnessState)]
    private let unreachable: Set<String>
    private let sent = Mutex<[(String, String)]>([])

    init(logKey: NoteVerifierKey, unreachable: Set<String> = []) throws {
        var witnesses: [String: (Witness, InMemoryWitnessState)] = [:]
        for signer in try WitnessingSample.witnessSigners() {
            witnesses[signer.verifierKey.name] = (
                try Witness(signer: signer, logs: [logKey.name: [logKey]]), InMemoryWitnessState()
            )
        }
        self.witnesses = witnesses
        self.unreachable = unreachable
    }

    /// Each request sent, as (witness name, first line).
    var requests: [(String, String)] { sent.withLock { $0 } }

    func addCheckpoint(witness: WitnessEndpoint, body: [UInt8]) async throws -> (status: Int, body: [UInt8]) {
        let firstLine = String(decoding: body.prefix { $0 != 0x0a }, as: UTF8.self)
        sent.withLock { $0.append((witness.name, firstLine)) }
        guard !unreachable.contains(witness.name), let (logic, state) = witnesses[witness.name] else {
            throw Unreachable()
        }
        let response = try await logic.addCheckpoint(request: body, storage: state, timestamp: 1_700_000_000)
        return (response.status, Array(response.body.utf8))
    }
}

/// A witness that answers 200 with a line that is not its cosignature.
struct LyingWitness: WitnessTransport {
    func addCheckpoint(witness: WitnessEndpoint, body: [UInt8]) async throws -> (status: Int, body: [UInt8]) {
        let bogus = NoteSignature(
            keyName: witness.verifierKey.name, keyID: witness.verifierKey.keyID,
            signature: [UInt8](repeating: 1, count: 72))
        return (200, Array(bogus.line.utf8))
    }
}

/// A temporary directory holding a ledger.
final class WitnessingFixture {
    let directory: URL
    let ledger: LedgerLog

    init(name: String = "ledger") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "medcred-witnessing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        ledger = try LedgerLog(
            path: directory.appendingPathComponent("\(name).sqlite").path, signer: WitnessingSample.logSigner(),
            now: WitnessingSample.clock)
    }

    deinit {
        try? ledger.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Appends `count` entries `"<prefix>-<n>"`, one batch each.
    func append(_ count: Int, prefix: String = "entry") async throws {
        let start = try await ledger.store.size()
        for number in 0..<count { _ = try await ledger.append(Array("\(prefix)-\(start + UInt64(number))".utf8)) }
    }
}
