import Foundation
import MedCredLedger
import MedCredStore

/// A fresh directory for one test's SQLite file, removed when the value goes away.
final class TemporaryLedger {
    let directory: URL
    var path: String { directory.appendingPathComponent("ledger.sqlite").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "medcred-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func open(_ configuration: LedgerStore.Configuration = LedgerStore.Configuration()) throws -> LedgerStore {
        try LedgerStore(path: path, configuration: configuration)
    }

    /// Damages the database behind the store's back.
    func execute(_ sql: String) throws {
        try LedgerStore.executeRawSQLForTesting(path: path, sql: sql)
    }
}

/// Deterministic test entries: entry `i` of a test is its own bytes, with varying length.
func entry(_ index: Int) -> [UInt8] {
    Array("entry-\(index)-".utf8) + Array(repeating: UInt8(truncatingIfNeeded: index), count: index % 37)
}
