import Foundation
import MedCredCore
import MedCredService
import Testing

/// ``ChallengeStore`` on a real SQLite file: random, single use, expiring, domain-bound, and durable across a
/// reopen.
@Suite struct ChallengeStoreTests {
    static func path() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("challenges-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("auth.sqlite").path
    }

    @Test func issuesThirtyTwoRandomBytesBoundToTheDomain() async throws {
        let clock = LoginFixture.Clock(LoginFixture.now)
        let store = try ChallengeStore(databasePath: try Self.path(), clock: { clock.now })
        let first = try await store.issue(domain: "clinic.example")
        let second = try await store.issue(domain: "clinic.example")
        #expect(try Base64URL.decode(first.challenge).count == 32)
        #expect(first.challenge != second.challenge)
        #expect(first.domain == "clinic.example")
        #expect(first.expiresAt == LoginFixture.now.addingTimeInterval(300))
    }

    @Test func aChallengeIsConsumedOnce() async throws {
        let clock = LoginFixture.Clock(LoginFixture.now)
        let store = try ChallengeStore(databasePath: try Self.path(), clock: { clock.now })
        let challenge = try await store.issue(domain: "clinic.example")
        try await store.consume(challenge: challenge.challenge, domain: "clinic.example")
        await #expect(throws: AuthError.challengeReplayed) {
            try await store.consume(challenge: challenge.challenge, domain: "clinic.example")
        }
    }

    @Test func refusesUnknownExpiredAndWrongDomainWithoutConsuming() async throws {
        let clock = LoginFixture.Clock(LoginFixture.now)
        let store = try ChallengeStore(databasePath: try Self.path(), lifetime: .seconds(60), clock: { clock.now })
        await #expect(throws: AuthError.challengeUnknown) {
            try await store.consume(challenge: "never-issued", domain: "clinic.example")
        }
        let challenge = try await store.issue(domain: "clinic.example")
        await #expect(throws: AuthError.wrongDomain(expected: "clinic.example", actual: "attacker.example")) {
            try await store.consume(challenge: challenge.challenge, domain: "attacker.example")
        }
        try await store.consume(challenge: challenge.challenge, domain: "clinic.example")
        let late = try await store.issue(domain: "clinic.example")
        clock.advance(60)
        await #expect(throws: AuthError.challengeExpired) {
            try await store.consume(challenge: late.challenge, domain: "clinic.example")
        }
        #expect(AuthError.challengeExpired.code == "challenge-expired")
    }

    @Test func survivesAReopen() async throws {
        let path = try Self.path()
        let clock = LoginFixture.Clock(LoginFixture.now)
        let used: Challenge
        let unused: Challenge
        do {
            let store = try ChallengeStore(databasePath: path, clock: { clock.now })
            used = try await store.issue(domain: "clinic.example")
            unused = try await store.issue(domain: "clinic.example")
            try await store.consume(challenge: used.challenge, domain: "clinic.example")
        }
        let reopened = try ChallengeStore(databasePath: path, clock: { clock.now })
        await #expect(throws: AuthError.challengeReplayed) {
            try await reopened.consume(challenge: used.challenge, domain: "clinic.example")
        }
        try await reopened.consume(challenge: unused.challenge, domain: "clinic.example")
    }

    @Test func refusesAnEmptyDomain() async throws {
        let store = try ChallengeStore(databasePath: try Self.path(), clock: { LoginFixture.now })
        await #expect(throws: AuthError.invalidDomain) { _ = try await store.issue(domain: "") }
        await #expect(throws: AuthError.invalidDomain) { _ = try await store.issue(domain: "a b") }
    }
}
