import Foundation
import MedCredStore
import Testing

/// ``ChallengeRecordStore`` on real SQLite: the state machine of a challenge, atomic single use, lazy purge.
@Suite struct ChallengeRecordStoreTests {
    static let t0 = Date(timeIntervalSince1970: 1_748_736_000)

    static func store(retention: TimeInterval = 3600) throws -> ChallengeRecordStore {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("auth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try ChallengeRecordStore(
            path: directory.appendingPathComponent("auth.sqlite").path, retention: retention)
    }

    static func record(_ challenge: String, domain: String = "clinic.example", lifetime: TimeInterval = 300)
        -> ChallengeRecord
    {
        ChallengeRecord(challenge: challenge, domain: domain, issuedAt: t0, expiresAt: t0.addingTimeInterval(lifetime))
    }

    @Test func walksTheStatesOfAChallenge() async throws {
        let store = try Self.store()
        try await store.insert(Self.record("c1"), now: Self.t0)
        #expect(try await store.state(of: "nope", domain: "clinic.example", now: Self.t0) == .unknown)
        #expect(
            try await store.state(of: "c1", domain: "other.example", now: Self.t0)
                == .domainMismatch(expected: "clinic.example"))
        #expect(
            try await store.consume("c1", domain: "other.example", now: Self.t0)
                == .domainMismatch(expected: "clinic.example"))
        #expect(try await store.state(of: "c1", domain: "clinic.example", now: Self.t0) == .usable)
        #expect(try await store.consume("c1", domain: "clinic.example", now: Self.t0) == .usable)
        #expect(try await store.consume("c1", domain: "clinic.example", now: Self.t0) == .alreadyUsed)
        #expect(try await store.record(challenge: "c1")?.usedAt == Self.t0)
        try await store.insert(Self.record("c2"), now: Self.t0)
        #expect(
            try await store.consume("c2", domain: "clinic.example", now: Self.t0.addingTimeInterval(300)) == .expired)
    }

    @Test func concurrentConsumersGetItOnce() async throws {
        let store = try Self.store()
        try await store.insert(Self.record("race"), now: Self.t0)
        let outcomes = try await withThrowingTaskGroup(of: ChallengeState.self) { group in
            for _ in 0..<8 { group.addTask { try await store.consume("race", domain: "clinic.example", now: Self.t0) } }
            return try await group.reduce(into: [ChallengeState]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 == .usable }.count == 1)
        #expect(outcomes.filter { $0 == .alreadyUsed }.count == 7)
    }

    @Test func purgesRowsLongExpiredOnInsert() async throws {
        let store = try Self.store(retention: 60)
        try await store.insert(Self.record("old", lifetime: 10), now: Self.t0)
        try await store.insert(Self.record("new"), now: Self.t0.addingTimeInterval(69))
        #expect(try await store.record(challenge: "old") != nil)
        try await store.insert(Self.record("newer"), now: Self.t0.addingTimeInterval(71))
        #expect(try await store.record(challenge: "old") == nil)
        #expect(try await store.record(challenge: "new") != nil)
    }

    @Test func aDuplicateChallengeIsRefused() async throws {
        let store = try Self.store()
        try await store.insert(Self.record("dup"), now: Self.t0)
        await #expect(throws: StoreError.self) { try await store.insert(Self.record("dup"), now: Self.t0) }
    }
}
