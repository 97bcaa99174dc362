import Foundation
import MedCredCore
import MedCredCrypto
import MedCredLedger
import MedCredService
import MedCredStore

/// Fixed keys, a fixed clock and a three-entry did:webvh log (create with pre-rotation, rotate, deactivate).
enum AnchoringSample {
    static func key(_ byte: UInt8) -> Ed25519.PrivateKey {
        // A 32-byte seed always makes a key; the fallback only keeps the compiler content.
        (try? Ed25519.PrivateKey(seed: [UInt8](repeating: 0, count: 31) + [byte])) ?? Ed25519.PrivateKey()
    }
    static let key0 = key(1)
    static let key1 = key(2)
    static let origin = "medcred.test/ledger"
    static let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_735_689_600) }  // 2025-01-01
    static func multikey(_ key: Ed25519.PrivateKey) -> String { Multikey(publicKey: key.publicKey).multibase }
    static func time(_ text: String) -> XSDDateTime {
        (try? XSDDateTime(parsing: text)) ?? XSDDateTime(secondsSince1970: 0)
    }

    static func signer() throws -> NoteSignerKey {
        try NoteSignerKey(name: origin, privateKey: try Ed25519.PrivateKey(seed: [UInt8](repeating: 0x42, count: 32)))
    }

    static func document(_ id: String, key: Ed25519.PrivateKey, note: String = "clinic") -> JSONObject {
        [
            "@context": .array([
                .string("https://www.w3.org/ns/did/v1"), .string("https://w3id.org/security/multikey/v1"),
            ]),
            "id": .string(id),
            "verificationMethod": .array([
                .object([
                    "id": .string(id + "#key-1"), "type": .string("Multikey"), "controller": .string(id),
                    "publicKeyMultibase": .string(multikey(key)),
                ])
            ]),
            "assertionMethod": .array([.string(id + "#key-1")]),
            "alsoKnownAs": .array([.string("https://\(note).example")]),
        ]
    }

    static func created() throws -> WebVHLog {
        try WebVHLogWriter.create(
            document: document("did:webvh:{SCID}:medcred.example:issuers:clinic", key: key0),
            parameters: WebVHParameters(
                updateKeys: [multikey(key0)], nextKeyHashes: [WebVHHash.keyHash(multikey(key1))]),
            versionTime: time("2024-01-01T00:00:00Z"), signer: Ed25519Signer(didKey: key0))
    }

    /// Entry 2 rotates to key1; `note` changes the document, so two different valid entry 2s can be made.
    static func rotated(note: String = "clinic") throws -> WebVHLog {
        let log = try created()
        return try WebVHLogWriter.update(
            log, document: document(log.entries[0].stateID, key: key1, note: note),
            parameters: WebVHParameters(updateKeys: [multikey(key1)], nextKeyHashes: []),
            versionTime: time("2024-02-01T00:00:00Z"), signer: Ed25519Signer(didKey: key1))
    }

    static func deactivated() throws -> WebVHLog {
        try WebVHLogWriter.deactivate(
            rotated(), versionTime: time("2024-03-01T00:00:00Z"), signer: Ed25519Signer(didKey: key1))
    }
}

/// A temporary directory holding a ledger and a DID log store, and the registry over them.
final class AnchoringFixture {
    let directory: URL
    var ledgerPath: String { directory.appendingPathComponent("ledger.sqlite").path }
    var logsPath: String { directory.appendingPathComponent("dids.sqlite").path }
    private(set) var ledger: LedgerLog
    private(set) var logs: DIDLogStore
    private(set) var registry: AnchoredDIDRegistry

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "medcred-anchoring-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        (ledger, logs, registry) = try Self.open(
            ledgerPath: directory.appendingPathComponent("ledger.sqlite").path,
            logsPath: directory.appendingPathComponent("dids.sqlite").path)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    private static func open(ledgerPath: String, logsPath: String) throws -> (
        LedgerLog, DIDLogStore, AnchoredDIDRegistry
    ) {
        let ledger = try LedgerLog(path: ledgerPath, signer: try AnchoringSample.signer(), now: AnchoringSample.clock)
        let logs = try DIDLogStore(path: logsPath)
        return (ledger, logs, AnchoredDIDRegistry(ledger: ledger, logs: logs, clock: AnchoringSample.clock))
    }

    /// Closes both databases, runs `damage` on the closed files, and opens everything again.
    func reopen(_ damage: () throws -> Void = {}) throws {
        try ledger.close()
        try logs.close()
        try damage()
        (ledger, logs, registry) = try Self.open(ledgerPath: ledgerPath, logsPath: logsPath)
    }

    /// Anchors every entry of `log`: create, then append.
    @discardableResult
    func host(_ log: WebVHLog) async throws -> [DIDLogRecord] {
        var records = [try await registry.create(log.entries[0])]
        let did = try DID(parsing: log.entries[0].stateID)
        for entry in log.entries.dropFirst() { records.append(try await registry.append(entry, to: did)) }
        return records
    }
}

/// `text` with `'` doubled, for an SQL string literal.
func sqlQuoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
