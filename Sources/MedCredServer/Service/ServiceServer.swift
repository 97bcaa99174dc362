public import Foundation
public import Hummingbird
import HummingbirdCore
import HummingbirdTLS
public import Logging
import NIOSSL
import MedCredLedger
import MedCredService

/// Serves the MedCred HTTP API (DESIGN.md, "HTTP API") over a ``ServiceRuntime``, with problem+json errors,
/// request ids, metrics and request logs, over HTTP or HTTPS.
public enum ServiceServer {
    /// The router with every route, and the recorder that lists them.
    public static func router(_ runtime: ServiceRuntime) -> (Router<ServiceRequestContext>, RouteRecorder) {
        _ = ServiceMetrics.registry
        let router = Router(context: ServiceRequestContext.self)
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: LogRequestsMiddleware(.info))
        let recorder = RouteRecorder(router: router)
        let c = runtime.components
        AdminRoutes.register(on: recorder, c)
        CredentialRoutes.register(on: recorder, c)
        VerifierRoutes.register(on: recorder, c)
        HostedDIDRoutes.register(on: recorder, c)
        PublicRoutes.register(on: recorder, c, metrics: ServiceMetrics.exposition)
        LedgerRoutes.register(on: router, ledger: c.ledger)
        for path in ["/ledger/checkpoint", "/ledger/entries", "/ledger/proofs/inclusion", "/ledger/proofs/consistency", "/ledger/bundles/{index}"] {
            recorder.note(.get, path)
        }
        return (router, recorder)
    }

    /// Serves until SIGTERM or SIGINT, then finishes the requests in flight, anchors the audit head and closes
    /// the databases. Alongside the server it anchors the audit log every few seconds and publishes
    /// checkpoints to the witnesses.
    /// - Parameters:
    ///   - runtime: the opened service.
    ///   - logger: where request and lifecycle logs go.
    ///   - onServerRunning: called with the bound port once the server listens.
    /// - Throws: when the server cannot bind, the TLS files cannot be read, or the server fails.
    public static func run(
        _ runtime: ServiceRuntime, logger: Logger, onServerRunning: @escaping @Sendable (Int?) async -> Void = { _ in }
    ) async throws {
        let c = runtime.components.configuration
        let (router, _) = router(runtime)
        let server = try serverBuilder(c)
        let app = Application(
            router: router, server: server,
            configuration: ApplicationConfiguration(address: .hostname(c.host, port: c.port), serverName: "medcred"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port) }, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await background(runtime, logger: logger) }
            do { try await app.runService() } catch {
                group.cancelAll()
                await runtime.close()
                throw error
            }
            group.cancelAll()
            try await group.waitForAll()
        }
        await runtime.close()
    }

    static func serverBuilder(_ c: ServiceConfiguration) throws -> HTTPServerBuilder {
        guard let certificate = c.tlsCertificate, let key = c.tlsKey else { return .http1() }
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(certificate).map { NIOSSLCertificateSource.certificate($0) }
            let privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
            let tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(privateKey))
            return try .tls(.http1(), tlsConfiguration: tls)
        } catch {
            throw ServiceRuntime.StartError(description: "cannot load the TLS certificate or key: \(error)")
        }
    }

    /// Anchors the audit head, records token use and publishes checkpoints every few seconds until cancelled;
    /// failures are logged and retried on the next round.
    static func background(_ runtime: ServiceRuntime, logger: Logger) async {
        while !Task.isCancelled {
            do { _ = try await runtime.components.audit.anchorHead() } catch {
                logger.warning("audit anchoring failed", metadata: ["error": "\(error)"])
            }
            do { try await runtime.components.tokens.flushUsage() } catch {
                logger.warning("recording token use failed", metadata: ["error": "\(error)"])
            }
            if let publisher = runtime.publisher {
                do { _ = try await publisher.publish() } catch AnchoringError.noSignedCheckpoint {} catch {
                    logger.warning("checkpoint publishing failed", metadata: ["error": "\(error)"])
                }
            }
            do { try await Task.sleep(for: .seconds(5)) } catch { return }
        }
    }
}
