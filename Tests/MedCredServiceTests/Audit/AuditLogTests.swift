import Foundation
import MedCredCrypto
import MedCredLedger
import MedCredService
import MedCredStore
import Testing

/// A temporary directory with a real signed ledger and an audit log on it.
final class AuditFixture {
    let directory: URL
    var ledgerPath: String { directory.appendingPathComponent("ledger.sqlite").path }
    var auditPath: String { directory.appendingPathComponent("audit.sqlite").path }
    private(set) var ledger: LedgerLog
    private(set) var audit: AuditLog

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("medcred-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        ledger = try LedgerLog(
            path: directory.appendingPathComponent("ledger.sqlite").path, signer: try AnchoringSample.signer(),
            now: AnchoringSample.clock)
        audit = try AuditLog(
            databasePath: directory.appendingPathComponent("audit.sqlite").path, ledger: ledger,
            clock: AnchoringSample.clock)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Closes the audit log (anchoring its head) and the ledger, runs `damage`, and opens both again.
    func reopen(_ damage: () throws -> Void = {}) async throws {
        try await audit.close()
        try ledger.close()
        try damage()
        ledger = try LedgerLog(path: ledgerPath, signer: try AnchoringSample.signer(), now: AnchoringSample.clock)
        audit = try AuditLog(databasePath: auditPath, ledger: ledger, clock: AnchoringSample.clock)
    }

    func damage(_ sql: String) throws { try AuditStore.executeRawSQLForTesting(path: auditPath, sql: sql) }
}

func issued(_ number: Int) -> AuditEvent {
    AuditEvent(
        action: "credential.issued", actor: "tok-\(number % 3)", subject: "urn:uuid:\(number)",
        details: ["type": "MedicalLicenseCredential", "statusIndex": "\(number)"])
}

/// The audit log chains every entry, resumes across restarts, anchors its head on the ledger, and finds tampering.
@Suite struct AuditLogTests {
    @Test func chainsEntriesFromAZeroGenesis() async throws {
        let fixture = try AuditFixture()
        let first = try await fixture.audit.record(issued(1))
        let rest = try await fixture.audit.record([
            issued(2), AuditEvent(action: "auth.login", actor: "did:key:z6Mk", subject: nil),
        ])
        #expect(first.sequence == 1 && first.previousHash == String(repeating: "0", count: 64))
        #expect(first.time == "2025-01-01T00:00:00Z" && first.hash.count == 64 && first.ledgerIndex == nil)
        #expect(rest.map(\.sequence) == [2, 3])
        #expect(rest[0].previousHash == first.hash && rest[1].previousHash == rest[0].hash)
        #expect(try await fixture.audit.entries(after: nil, limit: 10) == [first] + rest)
        #expect(try await fixture.audit.entries(after: 2, limit: 10) == [rest[1]])
        #expect(try await fixture.audit.record([]) == [])
    }

    @Test func theHashIsSHA256OfTheJCSOfTheEntry() async throws {
        let fixture = try AuditFixture()
        let entry = try await fixture.audit.record(
            AuditEvent(action: "token.rotated", actor: "admin", subject: "acme", details: ["b": "2", "a": "1"]))
        let jcs =
            #"{"event":{"action":"token.rotated","actor":"admin","details":{"a":"1","b":"2"},"subject":"acme"},"#
            + #""previousHash":"\#(String(repeating: "0", count: 64))","sequence":1,"time":"2025-01-01T00:00:00Z"}"#
        #expect(entry.hash == SHA256.hash(Array(jcs.utf8)).map { String(format: "%02x", $0) }.joined())
    }

    @Test func resumesTheChainAfterReopening() async throws {
        let fixture = try AuditFixture()
        let before = try await fixture.audit.record((1...3).map(issued))
        try await fixture.reopen()
        let after = try await fixture.audit.record(issued(4))
        #expect(after.sequence == 4 && after.previousHash == before[2].hash)
        let verification = try await fixture.audit.verify()
        #expect(verification == AuditVerification(entries: 4, anchored: 1, firstBadSequence: nil, reason: nil))
    }

    @Test func aThousandEventsAreOneBatchAndConcurrentCallersInterleaveCleanly() async throws {
        let fixture = try AuditFixture()
        let audit = fixture.audit
        let batch = try await audit.record((1...1000).map(issued))
        #expect(batch.map(\.sequence) == Array(1...1000))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for number in 0..<200 { group.addTask { _ = try await audit.record(issued(number)) } }
            try await group.waitForAll()
        }
        let verification = try await audit.verify()
        #expect(verification.entries == 1200 && verification.isValid)
    }

    @Test func anchoringRecordsTheLedgerIndexAndOnlyWhenTheHeadMoved() async throws {
        let fixture = try AuditFixture()
        #expect(try await fixture.audit.anchorHead() == nil)
        _ = try await fixture.ledger.append(Array("someone else's leaf".utf8))
        let entries = try await fixture.audit.record((1...5).map(issued))
        let anchored = try #require(try await fixture.audit.anchorHead())
        #expect(anchored.sequence == 5 && anchored.hash == entries[4].hash && anchored.ledgerIndex == 1)
        #expect(try await fixture.audit.anchorHead() == nil)
        let leaf = try #require(try await fixture.ledger.store.leaf(at: 1))
        #expect(
            String(decoding: leaf, as: UTF8.self)
                == #"{"hash":"\#(entries[4].hash)","sequence":5,"type":"MedCredAuditAnchor"}"#)
        _ = try await fixture.audit.record(issued(6))
        #expect(try await fixture.audit.anchorHead()?.ledgerIndex == 2)
        #expect(try await fixture.audit.entries(after: 4, limit: 1).first?.ledgerIndex == 1)
        let verification = try await fixture.audit.verify()
        #expect(verification == AuditVerification(entries: 6, anchored: 2, firstBadSequence: nil, reason: nil))
    }

    @Test func runAnchoringStopsWhenCancelledAndCloseAnchorsTheHead() async throws {
        let fixture = try AuditFixture()
        let audit = fixture.audit
        _ = try await audit.record((1...3).map(issued))
        let runner = Task { try await audit.runAnchoring() }
        runner.cancel()
        try await runner.value
        #expect(try await audit.entries(after: 2, limit: 1).first?.ledgerIndex == nil)
        try await fixture.reopen()
        #expect(try await fixture.audit.entries(after: 2, limit: 1).first?.ledgerIndex == 0)
    }

    @Test(arguments: [
        ("UPDATE audit_entry SET actor = 'mallory' WHERE sequence = 3", UInt64(3), "hash-mismatch"),
        ("UPDATE audit_entry SET details = '{\"type\":\"PatientRecord\"}' WHERE sequence = 2", 2, "hash-mismatch"),
        ("UPDATE audit_entry SET details = '[]' WHERE sequence = 4", 4, "entry-unreadable"),
        ("UPDATE audit_entry SET time = '2030-01-01T00:00:00Z' WHERE sequence = 1", 1, "hash-mismatch"),
        ("DELETE FROM audit_entry WHERE sequence = 2", 2, "sequence-gap"),
        ("UPDATE audit_entry SET previous_hash = hash WHERE sequence = 4", 4, "previous-hash-mismatch"),
        ("UPDATE audit_entry SET ledger_index = 0 WHERE sequence = 5", 5, "anchor-leaf-mismatch"),
        ("UPDATE audit_entry SET ledger_index = 99 WHERE sequence = 5", 5, "anchor-missing"),
    ])
    func verifyReportsTheFirstTamperedEntry(sql: String, sequence: UInt64, reason: String) async throws {
        let fixture = try AuditFixture()
        _ = try await fixture.ledger.append(Array("first leaf".utf8))
        _ = try await fixture.audit.record((1...5).map(issued))
        #expect(try await fixture.audit.anchorHead()?.ledgerIndex == 1)
        _ = try await fixture.audit.record(issued(6))
        try await fixture.reopen { try fixture.damage(sql) }
        let verification = try await fixture.audit.verify()
        #expect(verification.firstBadSequence == sequence)
        #expect(verification.reason == reason)
        #expect(!verification.isValid)
    }

    @Test func rewritingTheWholeChainStillDisagreesWithTheLedgerAnchor() async throws {
        let fixture = try AuditFixture()
        let entries = try await fixture.audit.record((1...2).map(issued))
        _ = try await fixture.audit.anchorHead()
        // An attacker rewrites entry 2 and recomputes its hash, so the chain itself is consistent again.
        let forgedEvent = AuditEvent(action: "credential.issued", actor: "tok-x", subject: "urn:uuid:2")
        let forged = try await Self.forgedHash(after: entries[0], event: forgedEvent)
        try await fixture.reopen {
            try fixture.damage(
                "UPDATE audit_entry SET actor = 'tok-x', details = '{}', hash = '\(forged)' WHERE sequence = 2")
        }
        let verification = try await fixture.audit.verify()
        #expect(verification.firstBadSequence == 2 && verification.reason == "anchor-leaf-mismatch")
    }

    /// The hash entry 2 gets when `event` is recorded after `first` in a scratch log with the same clock.
    private static func forgedHash(after first: AuditEntry, event: AuditEvent) async throws -> String {
        let scratch = try AuditFixture()
        _ = try await scratch.audit.record(first.event)
        return try await scratch.audit.record(event).hash
    }

    @Test func refusesAPageSizeOutOfRange() async throws {
        let fixture = try AuditFixture()
        await #expect(throws: AuditLogError.limitOutOfRange(0)) {
            try await fixture.audit.entries(after: nil, limit: 0)
        }
        await #expect(throws: AuditLogError.limitOutOfRange(1001)) {
            try await fixture.audit.entries(after: nil, limit: 1001)
        }
        #expect(AuditLogError.limitOutOfRange(0).code == "audit-limit-out-of-range")
        #expect(AuditLogError.entryUnreadable(sequence: 1).code == "audit-entry-unreadable")
    }
}
