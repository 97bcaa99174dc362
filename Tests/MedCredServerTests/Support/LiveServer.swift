import Foundation
import Logging
import MedCredClient
import MedCredCore
import MedCredServer
import MedCredService
import MedCredTestSupport
import Synchronization

/// A clock tests can move forward: sessions, challenges and validity periods expire on it.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date()) { current = Mutex(start) }

    var now: Date { current.withLock { $0 } }

    func advance(seconds: Double) { current.withLock { $0 += seconds } }
}

/// The real service on 127.0.0.1 (port 0), over a temporary data folder, reached with the libcurl client.
final class LiveServer: Sendable {
    let directory: URL
    let port: Int
    let clock: TestClock
    let runtime: ServiceRuntime
    let adminToken: String
    private let task: Task<Void, any Error>
    let client = HTTPClient()

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Starts a server; `directory` reuses a data folder (a restart), otherwise a fresh one is made.
    static func start(
        directory: URL? = nil, clock: TestClock = TestClock(), settings: ServiceSettings = ServiceSettings()
    ) async throws -> LiveServer {
        let folder =
            directory
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("medcred-live-\(UUID().uuidString)")
        var flags = settings
        flags.dataDirectory = folder.path
        flags.port = 0
        flags.host = "127.0.0.1"
        flags.publicBaseURL = flags.publicBaseURL ?? "http://medcred.localhost:8080"
        let configuration = try ServiceConfiguration.resolve(flags: flags, environment: ServiceSettings(), file: nil)
        let runtime = try await ServiceRuntime.open(
            configuration: configuration, contexts: try Self.contexts(), clock: { clock.now })
        let adminToken =
            try runtime.initialAdminToken
            ?? String(contentsOf: folder.appendingPathComponent("admin.token"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let (stream, continuation) = AsyncStream.makeStream(of: Int?.self)
        let task = Task {
            try await ServiceServer.run(runtime, logger: Logger(label: "medcred-test")) { port in
                continuation.yield(port)
                continuation.finish()
            }
        }
        var iterator = stream.makeAsyncIterator()
        guard let bound = await iterator.next(), let port = bound else {
            task.cancel()
            throw LiveServerError.notStarted
        }
        return LiveServer(
            directory: folder, port: port, clock: clock, runtime: runtime, adminToken: adminToken, task: task)
    }

    private init(
        directory: URL, port: Int, clock: TestClock, runtime: ServiceRuntime, adminToken: String,
        task: Task<Void, any Error>
    ) {
        self.directory = directory
        self.port = port
        self.clock = clock
        self.runtime = runtime
        self.adminToken = adminToken
        self.task = task
    }

    /// Stops gracefully and waits until the databases are closed.
    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    /// Stops and deletes the data folder.
    func stopAndRemove() async {
        await stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Sends a request; `body` is sent as JSON.
    func send(
        _ method: HTTPRequest.Method, _ path: String, json body: JSONValue? = nil, bearer: String? = nil,
        headers extra: [(String, String)] = []
    ) async throws -> LiveResponse {
        var headers = extra
        if let bearer { headers.append(("Authorization", "Bearer \(bearer)")) }
        if body != nil { headers.append(("Content-Type", "application/json")) }
        let response = try await client.send(
            HTTPRequest(method: method, url: baseURL + path, headers: headers, body: body?.utf8Bytes))
        return LiveResponse(status: response.status, headers: response.headers, body: response.body)
    }

    /// Sends raw bytes.
    func send(_ method: HTTPRequest.Method, _ path: String, bytes: [UInt8], contentType: String = "application/json", bearer: String? = nil)
        async throws -> LiveResponse
    {
        var headers = [("Content-Type", contentType)]
        if let bearer { headers.append(("Authorization", "Bearer \(bearer)")) }
        let response = try await client.send(HTTPRequest(method: method, url: baseURL + path, headers: headers, body: bytes))
        return LiveResponse(status: response.status, headers: response.headers, body: response.body)
    }

    /// The pinned contexts from shared/vectors/contexts.
    static func contexts() throws -> KnownContexts {
        var documents: [String: [UInt8]] = [:]
        for pin in MedCredContexts.pins.pins where !pin.isEmbedded {
            guard let data = try? Vectors.data("contexts/" + pin.file) else { continue }
            documents[pin.url] = Array(data)
        }
        return try MedCredContexts.knownContexts(loading: documents)
    }
}

enum LiveServerError: Error { case notStarted }

/// A response with its body parsed on demand.
struct LiveResponse: Sendable {
    let status: Int
    let headers: [(String, String)]
    let body: [UInt8]

    var json: JSONValue { (try? JSONValue(parsing: body)) ?? .null }

    /// The problem `code`, for error responses.
    var code: String? { json["code"]?.stringValue }

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}
