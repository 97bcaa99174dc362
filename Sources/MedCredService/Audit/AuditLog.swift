public import Foundation
import MedCredCore
import MedCredStore

/// The service's audit log (`audit.sqlite`): issuance, status changes, logins and admin actions, hash-chained
/// and anchored on the ledger (issue #5, "Everywhere").
///
/// Each entry's hash is SHA-256 of the JCS of `{sequence, time, event, previousHash}`, chained from a zero
/// genesis, so changing, removing or reordering a stored entry breaks every hash after it. The chain head is
/// committed to the ledger as a JCS leaf `{"type":"MedCredAuditAnchor","sequence":…,"hash":…}` by
/// ``anchorHead()`` — which ``runAnchoring()`` calls every `anchorInterval`, and ``close()`` once more — so a
/// rewritten log also disagrees with an append-only, witnessed record. Recording never touches the ledger.
///
/// Recording is group-committed: while one transaction is being made durable, further calls wait and are
/// written together in the next one, so many concurrent issuers cost one fsync, not one each.
public actor AuditLog {
    private enum Turn: Sendable {
        case committed([AuditEntry])
        case lead
    }

    private struct Waiter {
        let events: [AuditEvent]
        let continuation: CheckedContinuation<Turn, any Error>
    }

    /// The most events of waiting callers taken into one transaction (a caller's own batch is never split).
    private static let batchLimit = 4096

    let store: AuditStore
    let ledger: LedgerLog
    /// How often ``runAnchoring()`` anchors the head.
    public let anchorInterval: Duration
    private let clock: @Sendable () -> Date
    private var head: (sequence: UInt64, hash: String)
    private var lastAnchoredSequence: UInt64
    private var waiters: [Waiter] = []
    private var isWriting = false
    private var isAnchoring = false

    /// Opens (creating if needed) the audit database and resumes the chain from its stored head.
    /// - Parameters:
    ///   - databasePath: the SQLite file, conventionally `audit.sqlite` in the data folder.
    ///   - ledger: the ledger the chain head is anchored on.
    ///   - anchorInterval: how often ``runAnchoring()`` anchors.
    ///   - clock: stamps entries.
    /// - Throws: a storage error.
    public init(
        databasePath: String, ledger: LedgerLog, anchorInterval: Duration = .seconds(5),
        clock: @escaping @Sendable () -> Date
    ) throws {
        store = try AuditStore(path: databasePath)
        self.ledger = ledger
        self.anchorInterval = anchorInterval
        self.clock = clock
        let stored = try store.head()
        head = (stored?.sequence ?? 0, stored?.hash ?? AuditChain.genesisHash)
        lastAnchoredSequence = try store.latestAnchored()?.sequence ?? 0
    }

    /// Appends one event; durable when it returns.
    /// - Returns: the chained entry.
    /// - Throws: a storage error; then nothing was recorded.
    public func record(_ event: AuditEvent) async throws -> AuditEntry {
        let entries = try await record([event])
        guard let entry = entries.first else { preconditionFailure("one event makes one entry") }
        return entry
    }

    /// Appends events as consecutive entries in one transaction; durable when it returns.
    /// - Returns: the chained entries, in order.
    /// - Throws: a storage error; then none of them was recorded.
    public func record(_ events: [AuditEvent]) async throws -> [AuditEntry] {
        guard !events.isEmpty else { return [] }
        if isWriting {
            let turn = try await withCheckedThrowingContinuation { continuation in
                waiters.append(Waiter(events: events, continuation: continuation))
            }
            if case .committed(let entries) = turn { return entries }
        } else {
            isWriting = true
        }
        return try await lead(with: events)
    }

    /// Writes `events` and as many waiting callers' events as fit in one transaction, then passes the lead on.
    private func lead(with events: [AuditEvent]) async throws -> [AuditEntry] {
        var budget = Self.batchLimit - events.count
        var taken: [Waiter] = []
        while let next = waiters.first, budget >= next.events.count {
            budget -= next.events.count
            taken.append(waiters.removeFirst())
        }
        let (batches, newHead) = chain([events] + taken.map(\.events))
        let result: Result<[[AuditEntry]], any Error>
        do {
            try await store.append(batches.flatMap { $0 }.map(AuditChain.record))
            head = newHead
            result = .success(batches)
        } catch {
            result = .failure(error)
        }
        switch result {
        case .success(let batches):
            for (waiter, entries) in zip(taken, batches.dropFirst()) {
                waiter.continuation.resume(returning: .committed(entries))
            }
        case .failure(let error):
            for waiter in taken { waiter.continuation.resume(throwing: error) }
        }
        if waiters.isEmpty {
            isWriting = false
        } else {
            waiters.removeFirst().continuation.resume(returning: .lead)
        }
        return try result.get()[0]
    }

    /// Chains `batches` onto the current head, all stamped with one time.
    private func chain(_ batches: [[AuditEvent]]) -> ([[AuditEntry]], (sequence: UInt64, hash: String)) {
        let time = XSDDateTime.timestamp(from: clock())
        var (sequence, previous) = head
        let entries = batches.map { batch in
            batch.map { event in
                sequence += 1
                let hash = AuditChain.hash(sequence: sequence, time: time, event: event, previousHash: previous)
                defer { previous = hash }
                return AuditEntry(
                    sequence: sequence, time: time, event: event, previousHash: previous, hash: hash, ledgerIndex: nil)
            }
        }
        return (entries, (sequence, previous))
    }

    /// Up to `limit` entries after `sequence` (from the start when `nil`), oldest first.
    /// - Throws: ``AuditLogError/limitOutOfRange(_:)`` outside `1...1000`, ``AuditLogError/entryUnreadable(sequence:)``,
    ///   or a storage error.
    public func entries(after sequence: UInt64?, limit: Int) async throws -> [AuditEntry] {
        guard (1...1000).contains(limit) else { throw AuditLogError.limitOutOfRange(limit) }
        return try await store.records(after: sequence ?? 0, limit: limit).map { record in
            guard let entry = AuditChain.entry(record) else {
                throw AuditLogError.entryUnreadable(sequence: record.sequence)
            }
            return entry
        }
    }

    /// Anchors the chain head on the ledger now, if it changed since the last anchor.
    /// - Returns: the anchored entry with its ``AuditEntry/ledgerIndex``, or `nil` when there was nothing new
    ///   (or another anchor is being written).
    /// - Throws: a ledger or storage error; the next call tries again.
    public func anchorHead() async throws -> AuditEntry? {
        let target = head
        guard !isAnchoring, target.sequence > lastAnchoredSequence else { return nil }
        isAnchoring = true
        defer { isAnchoring = false }
        let index = try await ledger.append(AuditChain.anchorLeaf(sequence: target.sequence, hash: target.hash))
        try await store.setLedgerIndex(index, sequence: target.sequence)
        lastAnchoredSequence = max(lastAnchoredSequence, target.sequence)
        return try await entries(after: target.sequence - 1, limit: 1).first
    }

    /// Anchors the head every ``anchorInterval`` until the task is cancelled. The server runs it as a service
    /// and calls ``close()`` after it stops: a cancelled task cannot write, so the last anchor is made there.
    /// - Throws: a ledger or storage error from an anchor.
    public func runAnchoring() async throws {
        while !Task.isCancelled {
            do { try await Task.sleep(for: anchorInterval) } catch { return }
            _ = try await anchorHead()
        }
    }

    /// Anchors the head one last time and closes the audit database (the ledger stays open: it is shared).
    public func close() async throws {
        _ = try await anchorHead()
        try store.close()
    }
}
