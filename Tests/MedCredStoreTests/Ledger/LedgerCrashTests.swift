import Foundation
import MedCredLedger
import MedCredStore
import MedCredTestSupport
import Testing

/// kill -9 the stress writer at random points and check that the log it leaves behind is whole: it opens,
/// keeps every acknowledged entry at its index, its tree matches its leaves, and it extends every earlier
/// tree head.
@Suite struct LedgerCrashTests {
    @Test func killNineLosesNothingAcknowledgedAndKeepsTheTreeWhole() async throws {
        let ledger = try TemporaryLedger()
        var random = SplitMix64(seed: 0x0c0f_fee5)
        var acknowledged: [UInt64: String] = [:]
        var heads: [(size: UInt64, root: [UInt8])] = []
        // The first kill lands during start-up (before any acknowledgement), the rest mid-stream.
        let kills = [0] + (0..<9).map { _ in 1 + Int(random.next() % 400) }
        for (round, killAfter) in kills.enumerated() {
            let run = try StressRunner.run(
                path: ledger.path, count: 1_000_000, concurrency: 8, killAfter: killAfter,
                stderrFile: ledger.directory.appendingPathComponent("stderr-\(round).txt"))
            #expect(run.status == SIGKILL, "round \(round), seed \(random.seed): \(run.stderr)")
            #expect(run.acknowledged.count >= killAfter, "round \(round), seed \(random.seed)")
            for (index, label) in run.acknowledged {
                #expect(acknowledged.updateValue(label, forKey: index) == nil, "index \(index) acknowledged twice")
            }
            try await checkLog(at: ledger, acknowledged: acknowledged, heads: &heads, context: "round \(round)")
        }
        // The writer starts again on the recovered log and finishes normally.
        let run = try StressRunner.run(
            path: ledger.path, count: 100, concurrency: 4, killAfter: nil,
            stderrFile: ledger.directory.appendingPathComponent("stderr-final.txt"))
        #expect(run.status == 0 && run.finished && run.acknowledged.count == 100, "\(run.stderr)")
        acknowledged.merge(run.acknowledged) { old, _ in old }
        try await checkLog(at: ledger, acknowledged: acknowledged, heads: &heads, context: "final run")
    }

    private func checkLog(
        at ledger: TemporaryLedger, acknowledged: [UInt64: String], heads: inout [(size: UInt64, root: [UInt8])],
        context: String
    ) async throws {
        let store = try ledger.open()  // the startup check runs here
        defer { try? store.close() }
        let size = try await store.size()
        for (index, label) in acknowledged {
            #expect(try await store.leaf(at: index) == StressRunner.content(label: label), "\(context): index \(index)")
        }
        var leafHashes: [[UInt8]] = []
        for index in 0..<size {
            let data = try #require(try await store.leaf(at: index), "\(context): leaf \(index)")
            leafHashes.append(MerkleHash.leaf(data))
        }
        let root = MerkleTree.root(leafHashes: leafHashes)
        #expect(try await store.root(size: size) == root, "\(context)")
        let checkpointCount = try await allCheckpoints(store).count
        let audit = try await store.audit()
        #expect(audit == LedgerAudit(size: size, root: root, checkpointsChecked: checkpointCount), "\(context)")
        if size > 0 {
            #expect(try await store.latestCheckpoint()?.size == size, "\(context)")
            #expect(try await store.latestCheckpoint()?.root == root, "\(context)")
        }
        // Every head seen after an earlier crash, and every checkpoint the log kept, is a prefix of this tree.
        let earlier = heads + (try await allCheckpoints(store)).map { (size: $0.size, root: $0.root) }
        for head in earlier where head.size > 0 {
            let proof = try await store.consistencyProof(from: head.size, to: size)
            #expect(throws: Never.self, "\(context): from \(head.size) to \(size)") {
                try proof.verify(oldRoot: head.root, newRoot: root)
            }
        }
        heads.append((size, root))
    }

    private func allCheckpoints(_ store: LedgerStore) async throws -> [LedgerCheckpoint] {
        var all: [LedgerCheckpoint] = []
        while true {
            let page = try await store.checkpoints(from: (all.last?.size ?? 0) + 1, limit: 1000)
            if page.isEmpty { return all }
            all += page
        }
    }
}
