public import Foundation

/// Starts child processes one at a time.
///
/// The suites run in parallel in one test process and launch `medcred`, `openssl` and the ledger stress runner;
/// Foundation's `Process.run()` on Linux crashed (a bad pointer in the memcpy of its launch) when two launches
/// overlapped, so every test launch goes through this lock. Launching is quick; the children still run in
/// parallel.
public enum ProcessLauncher {
    private static let lock = NSLock()

    /// Runs `process.run()` while no other launch is under way.
    /// - Parameter process: the configured process.
    /// - Throws: whatever `Process.run()` throws.
    public static func run(_ process: Process) throws {
        lock.lock()
        defer { lock.unlock() }
        try process.run()
    }
}
