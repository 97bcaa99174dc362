import Foundation
public import Hummingbird
public import MedCredLedger

/// The HTTP face of a witness (C2SP tlog-witness, https://c2sp.org/tlog-witness): `POST /add-checkpoint` and
/// the monitoring read `GET /<origin hash>/checkpoint`, both under the root prefix.
public enum WitnessServer {
    /// The largest request body read; a larger one is answered "413 Content Too Large".
    public static let maxBodyBytes = WitnessRequest.maxBytes

    /// The routes of a witness.
    /// - Parameters:
    ///   - witness: the witness (key and followed logs).
    ///   - storage: its persistent state.
    ///   - now: the clock for cosignature timestamps, POSIX seconds.
    /// - Returns: a router for ``application(router:host:port:onServerRunning:)`` or `app.test(.router)`.
    public static func router(
        witness: Witness, storage: some WitnessStateStorage,
        now: @escaping @Sendable () -> UInt64 = WitnessServer.systemClock
    ) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.post("add-checkpoint") { request, _ -> Response in
            let body = try await request.body.collect(upTo: maxBodyBytes)
            let answer = try await witness.addCheckpoint(
                request: body.readableBytesView, storage: storage, timestamp: now())
            return textResponse(status: answer.status, contentType: answer.contentType, body: answer.body)
        }
        router.get(":originHash/checkpoint") { _, context -> Response in
            guard let text = context.parameters.get("originHash"), let hash = lowerHex(text),
                let record = try await storage.record(originHash: hash)
            else { return textResponse(status: 404, contentType: plainText, body: "no checkpoint cosigned\n") }
            return textResponse(status: 200, contentType: "text/plain; charset=utf-8", body: record.note.formatted)
        }
        return router
    }

    /// A witness application listening on `host:port` (port 0 picks a free one); run it in a `ServiceGroup`
    /// (``Application/runService(gracefulShutdownSignals:)``) to stop gracefully on SIGTERM.
    /// - Parameters:
    ///   - router: the routes from ``router(witness:storage:now:)``.
    ///   - host: the address to bind.
    ///   - port: the TCP port.
    ///   - serverName: the `Server` header value.
    ///   - onServerRunning: called with the bound port once the server listens.
    /// - Returns: the application.
    public static func application(
        router: Router<BasicRequestContext>, host: String, port: Int, serverName: String = "medcred-witness",
        onServerRunning: @escaping @Sendable (Int?) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: port), serverName: serverName),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port) })
    }

    /// Runs a witness on `host:port` until SIGTERM or SIGINT, then shuts down gracefully.
    /// - Parameters:
    ///   - witness: the witness (key and followed logs).
    ///   - storage: its persistent state.
    ///   - host: the address to bind.
    ///   - port: the TCP port; 0 picks a free one.
    ///   - onServerRunning: called with the bound port once the server listens.
    /// - Throws: when the server cannot bind or fails while running.
    public static func run(
        witness: Witness, storage: some WitnessStateStorage, host: String, port: Int,
        onServerRunning: @escaping @Sendable (Int?) async -> Void = { _ in }
    ) async throws {
        let app = application(
            router: router(witness: witness, storage: storage), host: host, port: port,
            onServerRunning: onServerRunning)
        try await app.runService()
    }

    /// The system clock in POSIX seconds.
    @Sendable public static func systemClock() -> UInt64 { UInt64(max(0, Date().timeIntervalSince1970)) }

    private static let plainText = "text/plain; charset=utf-8"

    private static func textResponse(status: Int, contentType: String, body: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// Exactly 64 lower-case hex digits (the spec's origin hash encoding), or `nil`.
    private static func lowerHex(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: 64, by: 2) {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
