import MedCredLedger
import Testing

/// `Witness.addCheckpoint(request:storage:timestamp:)`: persist-then-answer with compare-and-set.
@Suite struct WitnessStorageTests {
    private let log: WitnessTestLog
    private let witness: Witness

    init() throws {
        log = try WitnessTestLog.withSize(32)
        witness = try WitnessTestKeys.witness(logs: [log.key.verifierKey])
    }

    private func submit(_ body: String, to state: InMemoryWitnessState) async throws -> WitnessResponse {
        try await witness.addCheckpoint(request: Array(body.utf8), storage: state, timestamp: 1_700_000_000)
    }

    @Test func storesTheCosignedCheckpointBeforeAnswering() async throws {
        let state = InMemoryWitnessState()
        let first = try await submit(try log.request(from: 0, to: 5), to: state)
        #expect(first.status == 200)
        #expect(try await state.record(origin: WitnessTestLog.origin)?.checkpoint.treeSize == 5)
        let next = try await submit(try log.request(from: 5, to: 9), to: state)
        #expect(next.status == 200)
        let stale = try await submit(try log.request(from: 5, to: 12), to: state)
        #expect(stale == WitnessResponse(status: 409, contentType: "text/x.tlog.size", body: "9\n"))
        let record = try #require(try await state.record(originHash: WitnessRecord.originHash(WitnessTestLog.origin)))
        #expect(record.checkpoint.treeSize == 9)
    }

    @Test func aRefusedCheckpointLeavesTheStateAlone() async throws {
        let state = InMemoryWitnessState()
        _ = try await submit(try log.request(from: 0, to: 8), to: state)
        let before = try await state.record(origin: WitnessTestLog.origin)
        let fork = try WitnessTestLog.withSize(8, salt: "fork")
        let answer = try await submit(
            try WitnessRequest(oldSize: 8, proof: [], note: fork.note(8)).formatted, to: state)
        #expect(answer.status == 422)
        #expect(try await state.record(origin: WitnessTestLog.origin) == before)
    }

    @Test func compareAndSetLetsOnlyOneOfTwoUpdatesFromTheSameStateWin() async throws {
        let state = InMemoryWitnessState()
        let base = try #require(try await decided(log.request(from: 0, to: 4), state: nil))
        #expect(try await state.replace(nil, with: base))
        let a = try #require(try await decided(log.request(from: 4, to: 10), state: base))
        let b = try #require(try await decided(log.request(from: 4, to: 6), state: base))
        #expect(try await state.replace(base, with: a))
        // B was decided on the state A replaced: it must not roll the log back to 6.
        #expect(try await !state.replace(base, with: b))
        #expect(try await state.record(origin: WitnessTestLog.origin) == a)
        #expect(try await !state.replace(nil, with: b))
    }

    @Test func concurrentRequestsFromTheSameOldSizeCosignOnlyOne() async throws {
        let state = InMemoryWitnessState()
        _ = try await submit(try log.request(from: 0, to: 4), to: state)
        let bodies = try (5...24).map { try log.request(from: 4, to: UInt64($0)) }
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for body in bodies { group.addTask { try await submit(body, to: state).status } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 200 }.count == 1)
        #expect(statuses.filter { $0 == 409 }.count == bodies.count - 1)
    }

    private func decided(_ body: String, state: WitnessRecord?) async throws -> WitnessRecord? {
        guard
            case .cosigned(let record, _) = witness.addCheckpoint(
                request: Array(body.utf8), state: state, timestamp: 1)
        else { return nil }
        return record
    }
}
