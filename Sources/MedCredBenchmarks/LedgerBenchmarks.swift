import Foundation
import MedCredLedger
import MedCredStore

/// Durable appends per second with concurrent writers, and proof times at growing log sizes (issue #4).
func ledgerBenchmarks(sizes: [UInt64], writers: Int, duration: Double) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("medcred-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try LedgerStore(path: folder.appendingPathComponent("ledger.sqlite").path)

    let clock = ContinuousClock()
    let start = clock.now
    let deadline = start.advanced(by: .milliseconds(Int(duration * 1000)))
    let appended = try await withThrowingTaskGroup(of: Int.self) { group in
        for writer in 0..<writers {
            group.addTask {
                var count = 0
                while clock.now < deadline {
                    _ = try await store.append(entry(writer: writer, sequence: count))
                    count += 1
                }
                return count
            }
        }
        return try await group.reduce(0, +)
    }
    let elapsed = seconds(clock.now - start)
    print("durable appends, \(writers) concurrent writers, 256 B entries, synchronous=FULL:")
    print("  \(formatRate(Double(appended) / elapsed)) appends/s (\(appended) in \(format(elapsed)) s)")

    print("proof times (median of 200, random leaf; µs):")
    print("  size        inclusion  +verify   consistency(size/2→size)")
    for target in sizes {
        try await grow(store, to: target)
        let root = try await store.root(size: target)
        var generator = SystemRandomNumberGenerator()
        var inclusion: [Double] = []
        var verify: [Double] = []
        var consistency: [Double] = []
        for _ in 0..<200 {
            let index = UInt64.random(in: 0..<target, using: &generator)
            let leafHash = try await store.leafHash(at: index) ?? []
            let t0 = clock.now
            let proof = try await store.inclusionProof(index: index, size: target)
            let t1 = clock.now
            try proof.verify(leafHash: leafHash, root: root)
            let t2 = clock.now
            _ = try await store.consistencyProof(from: max(1, target / 2), to: target)
            let t3 = clock.now
            inclusion.append(seconds(t1 - t0) * 1e6)
            verify.append(seconds(t2 - t1) * 1e6)
            consistency.append(seconds(t3 - t2) * 1e6)
        }
        print(
            "  \(String(target).padding(toLength: 10, withPad: " ", startingAt: 0))  "
                + "\(format(median(inclusion)).padding(toLength: 9, withPad: " ", startingAt: 0))  "
                + "\(format(median(verify)).padding(toLength: 7, withPad: " ", startingAt: 0))   \(format(median(consistency)))"
        )
    }
    try store.close()
}

/// Appends deterministic 256-byte entries in large batches until the log has `target` leaves.
private func grow(_ store: LedgerStore, to target: UInt64) async throws {
    var size = try await store.size()
    while size < target {
        let count = Int(min(target - size, 1024))
        let batch = (0..<count).map { entry(writer: 99, sequence: Int(size) + $0) }
        _ = try await store.append(contentsOf: batch)
        size += UInt64(count)
    }
}

private func entry(writer: Int, sequence: Int) -> [UInt8] {
    var bytes = Array("{\"writer\":\(writer),\"sequence\":\(sequence),\"padding\":\"".utf8)
    bytes += [UInt8](repeating: UInt8(ascii: "x"), count: max(0, 254 - bytes.count))
    bytes += Array("\"}".utf8)
    return bytes
}

private func seconds(_ span: Duration) -> Double {
    Double(span.components.seconds) + Double(span.components.attoseconds) / 1e18
}

private func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

private func format(_ value: Double) -> String { String(format: "%.1f", value) }
