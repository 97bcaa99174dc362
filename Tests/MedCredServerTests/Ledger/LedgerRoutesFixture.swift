import Foundation
import Hummingbird
import MedCredCrypto
import MedCredLedger
import MedCredServer
import MedCredService

/// A temporary SQLite ledger, three in-process witnesses and the ledger routes over them.
final class LedgerRoutesFixture: Sendable {
    static let origin = "medcred.test/server-ledger"

    let directory: URL
    let ledger: LedgerLog
    let witnessKeys: [NoteVerifierKey]
    let publisher: CheckpointPublisher

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "medcred-ledger-routes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let signer = try NoteSignerKey(name: Self.origin, privateKey: Self.key(0x42))
        ledger = try LedgerLog(
            path: directory.appendingPathComponent("ledger.sqlite").path, signer: signer,
            now: { Date(timeIntervalSince1970: 1_735_689_600) })
        let witnessSigners = try (0..<3).map { index in
            try NoteSignerKey(
                name: "witness.test/w\(index)", privateKey: Self.key(UInt8(0x60 + index)), type: .cosignatureV1)
        }
        witnessKeys = witnessSigners.map(\.verifierKey)
        let transport = try InProcessWitnessTransport(signers: witnessSigners, logKey: signer.verifierKey)
        publisher = CheckpointPublisher(
            ledger: ledger, witnesses: witnessKeys.map { WitnessEndpoint(verifierKey: $0, url: "https://\($0.name)") },
            transport: transport, storage: JSONFilePublisherStorage(directory: directory))
    }

    deinit {
        try? ledger.close()
        try? FileManager.default.removeItem(at: directory)
    }

    static func key(_ byte: UInt8) throws -> Ed25519.PrivateKey {
        try Ed25519.PrivateKey(seed: [UInt8](repeating: byte, count: 32))
    }

    var router: Router<BasicRequestContext> {
        LedgerRoutes.router(ledger: WitnessedLedger(ledger: ledger, publisher: publisher))
    }

    /// Entry `n`: text whose base64 has `+`, `/` and padding, so base64url differs from it.
    static func entry(_ number: Int) -> [UInt8] { Array("entry \(number) ~~~>>>???".utf8) }

    /// Appends entries `0..<count` to an empty ledger, one batch (and checkpoint) each.
    func append(_ count: Int) async throws {
        for number in 0..<count { _ = try await ledger.append(Self.entry(number)) }
    }

    /// The RFC 9162 root of the first `size` entries, computed here from the entries.
    func root(_ size: Int) -> [UInt8] {
        MerkleTree.root(leafHashes: (0..<size).map { MerkleHash.leaf(Self.entry($0)) })
    }
}

/// Witnesses running the real ``Witness`` logic in process.
struct InProcessWitnessTransport: WitnessTransport {
    let witnesses: [String: (Witness, InMemoryWitnessState)]

    init(signers: [NoteSignerKey], logKey: NoteVerifierKey) throws {
        var witnesses: [String: (Witness, InMemoryWitnessState)] = [:]
        for signer in signers {
            witnesses[signer.verifierKey.name] = (
                try Witness(signer: signer, logs: [logKey.name: [logKey]]), InMemoryWitnessState()
            )
        }
        self.witnesses = witnesses
    }

    func addCheckpoint(witness: WitnessEndpoint, body: [UInt8]) async throws -> (status: Int, body: [UInt8]) {
        guard let (logic, state) = witnesses[witness.name] else { return (404, []) }
        let response = try await logic.addCheckpoint(request: body, storage: state, timestamp: 1_700_000_000)
        return (response.status, Array(response.body.utf8))
    }
}

/// The fields of an RFC 9457 problem body the routes promise.
struct ProblemBody: Decodable, Equatable {
    let type: String
    let status: Int
    let code: String
}

/// Unpadded base64url, decoded.
func base64URLDecoded(_ text: String) -> [UInt8]? {
    var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
    return Data(base64Encoded: standard).map { Array($0) }
}
