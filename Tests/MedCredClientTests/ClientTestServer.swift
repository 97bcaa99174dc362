import Hummingbird

/// A Hummingbird server on 127.0.0.1 with an ephemeral port, serving the routes the client tests call.
///
/// This file alone imports Hummingbird: its `HTTPRequest`/`HTTPResponse` would clash with the client's.
enum ClientTestServer {
    struct DidNotStart: Error {}

    /// How long `/slow` takes to answer: far past any timeout the tests set.
    static let slowDelay = Duration.seconds(3)

    /// Runs `body` with the port of a freshly started server, then shuts the server down.
    @discardableResult
    static func with<T>(_ body: (Int) async throws -> T) async throws -> T {
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router(),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portSink.yield(channel.localAddress?.port ?? 0)
                portSink.finish()
            })
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            defer { group.cancelAll() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port != 0 else { throw DidNotStart() }
            return try await body(port)
        }
    }

    private static func router() -> Router<BasicRequestContext> {
        let router = Router()
        for method in [HTTPRequest.Method.get, .post, .put, .delete] {
            router.on("echo", method: method, use: echo)
            router.on("headers", method: method, use: headers)
        }
        router.get("status/:code") { _, context -> Response in
            let code = try context.parameters.require("code", as: Int.self)
            return Response(
                status: .init(code: code), body: ResponseBody(byteBuffer: ByteBuffer(string: "status \(code)")))
        }
        router.get("bytes/:count") { _, context -> Response in
            let count = try context.parameters.require("count", as: Int.self)
            return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(bytes: pattern(count))))
        }
        router.get("chunked/:count") { _, context -> Response in
            // No Content-Length: the client cannot refuse up front and must stop while reading.
            let bytes = pattern(try context.parameters.require("count", as: Int.self))
            return Response(
                status: .ok,
                body: ResponseBody { writer in
                    for start in stride(from: 0, to: bytes.count, by: 4096) {
                        try await writer.write(ByteBuffer(bytes: bytes[start..<min(start + 4096, bytes.count)]))
                    }
                    try await writer.finish(nil)
                })
        }
        router.get("slow") { _, _ -> String in
            try await Task.sleep(for: slowDelay)
            return "late"
        }
        router.get("redirect") { _, _ in Response(status: .found, headers: [.location: "/headers"]) }
        router.get("loop") { _, _ in Response(status: .found, headers: [.location: "/loop"]) }
        router.get("json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"id":"did:web:example.com","n":[1,2.5]}"#)))
        }
        router.get("badjson") { _, _ in
            Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"a":1,"a":2}"#)))
        }
        return router
    }

    /// Sends the body back, with the method in `x-method` and the request's `x-test` in `x-test-echo`.
    @Sendable private static func echo(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 8 << 20)
        // HTTPField.Name is not re-exported by Hummingbird, hence the implicit `.init`.
        let test = request.headers.first { $0.name.canonicalName == "x-test" }?.value ?? ""
        let headers: HTTPFields = [
            .contentType: "application/octet-stream", .init("x-method")!: request.method.rawValue,
            .init("x-test-echo")!: test,
        ]
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    /// Lists the request's header fields, one `name: value` line each, names lower-cased.
    @Sendable private static func headers(_ request: Request, _ context: BasicRequestContext) async throws -> String {
        request.headers.map { "\($0.name.canonicalName): \($0.value)\n" }.joined()
    }

    /// `count` bytes cycling through 0...250, so a shifted or dropped chunk shows.
    static func pattern(_ count: Int) -> [UInt8] { (0..<count).map { UInt8($0 % 251) } }
}
