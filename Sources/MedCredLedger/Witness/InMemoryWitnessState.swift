import Synchronization

/// Witness state held in memory, for tests and throw-away witnesses; it is lost when the process ends.
package final class InMemoryWitnessState: WitnessStateStorage {
    private let records = Mutex<[String: WitnessRecord]>([:])

    /// An empty state.
    package init() {}

    package func record(origin: String) async throws -> WitnessRecord? {
        records.withLock { $0[origin] }
    }

    package func record(originHash: [UInt8]) async throws -> WitnessRecord? {
        records.withLock { records in records.values.first { $0.originHash == originHash } }
    }

    package func replace(_ expected: WitnessRecord?, with new: WitnessRecord) async throws -> Bool {
        records.withLock { records in
            guard records[new.origin] == expected else { return false }
            records[new.origin] = new
            return true
        }
    }
}
