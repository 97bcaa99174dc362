internal import Hummingbird
public import MedCredService

/// Runs the ledger's read API, so that commands start a server without importing the HTTP framework.
public enum LedgerServer {
    /// Serves ``LedgerRoutes`` on `host:port` until SIGTERM or SIGINT, running `alongside` (the checkpoint
    /// publisher) for as long as the server runs, then shuts both down gracefully.
    /// - Parameters:
    ///   - ledger: the log, its checkpoints and its witnesses' cosignatures.
    ///   - host: the address to bind.
    ///   - port: the TCP port; 0 picks a free one.
    ///   - alongside: work that lives as long as the server; cancelled when it stops.
    ///   - onServerRunning: called with the bound port once the server listens.
    /// - Throws: when the server cannot bind or fails while running.
    public static func run(
        ledger: WitnessedLedger, host: String, port: Int,
        alongside: @escaping @Sendable () async -> Void = {},
        onServerRunning: @escaping @Sendable (Int?) async -> Void = { _ in }
    ) async throws {
        let app = WitnessServer.application(
            router: LedgerRoutes.router(ledger: ledger), host: host, port: port, serverName: "medcred-ledger",
            onServerRunning: onServerRunning)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await alongside() }
            try await app.runService()
            group.cancelAll()
            try await group.waitForAll()
        }
    }
}
