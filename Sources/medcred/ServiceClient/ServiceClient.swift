import Foundation
import MedCredClient
import MedCredCore

/// A small typed client for the MedCred service routes: a base URL, an optional bearer token, JSON in and out.
///
/// A problem+json answer becomes a ``CLIError`` naming the problem's `code` (exit 1); a server that cannot be
/// reached becomes exit 2 with "cannot reach".
struct ServiceClient: Sendable {
    /// The service's base URL without a trailing slash, e.g. `http://127.0.0.1:8080`.
    let baseURL: String
    /// The bearer token sent with every request, when there is one; never printed.
    let token: String?
    let http: HTTPClient

    init(baseURL: String, token: String?, http: HTTPClient = HTTPClient(configuration: ServiceClient.configuration)) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.token = token
        self.http = http
    }

    /// Batch answers carry up to 500 credentials, so the response cap is higher than the client default.
    static let configuration = HTTPClientConfiguration(timeout: .seconds(120), maxResponseBytes: 64 << 20)

    /// `GET path`; the JSON body of a 2xx answer.
    func get(_ path: String) async throws(CLIError) -> JSONValue {
        try Self.successBody(try await send(.get, path, body: nil))
    }

    /// `POST path` with a JSON body; the JSON body of a 2xx answer.
    func post(_ path: String, _ body: JSONValue) async throws(CLIError) -> JSONValue {
        try Self.successBody(try await send(.post, path, body: body))
    }

    /// `POST path` with a JSON body; the answer whatever its status (batch issuing reads 422 bodies too).
    func postAnyStatus(_ path: String, _ body: JSONValue) async throws(CLIError) -> ServiceResponse {
        try await send(.post, path, body: body)
    }

    private func send(_ method: HTTPRequest.Method, _ path: String, body: JSONValue?) async throws(CLIError)
        -> ServiceResponse
    {
        var headers: [(String, String)] = [("Accept", "application/json, application/problem+json")]
        if body != nil { headers.append(("Content-Type", "application/json")) }
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        let response: HTTPResponse
        do {
            response = try await http.send(
                HTTPRequest(method: method, url: baseURL + path, headers: headers, body: body?.utf8Bytes))
        } catch {
            throw Self.transportError(error, baseURL: baseURL)
        }
        let json = response.body.isEmpty ? nil : try? JSONValue(parsing: response.body)
        return ServiceResponse(status: response.status, json: json)
    }

    static func successBody(_ response: ServiceResponse) throws(CLIError) -> JSONValue {
        guard (200..<300).contains(response.status) else { throw ServiceProblem(response).error }
        guard let json = response.json else {
            throw CLIError(description: "the server answered HTTP \(response.status) without a JSON body", exitCode: 2)
        }
        return json
    }

    /// Could not connect, timed out, TLS failed: the server could not be reached (exit 2).
    static func transportError(_ error: HTTPClientError, baseURL: String) -> CLIError {
        switch error {
        case .invalidURL, .unsupportedScheme:
            CLIError(description: "invalid server URL \(Terminal.quoted(baseURL)): \(error)", exitCode: 64)
        default:
            CLIError(description: "cannot reach the MedCred server at \(baseURL): \(error)", exitCode: 2)
        }
    }
}

/// One answer from the service: its status and its JSON body, when it has one.
struct ServiceResponse: Sendable {
    let status: Int
    let json: JSONValue?
}

/// An RFC 9457 problem the service answered with: its stable `code`, `detail` and optional `pointer`.
struct ServiceProblem: Sendable, CustomStringConvertible {
    let status: Int
    let code: String
    let detail: String
    let pointer: String?
    /// A batch problem's index into the request's `credentials` array.
    let index: Int?

    init(_ response: ServiceResponse) {
        self.init(status: response.status, json: response.json)
    }

    init(status: Int, json: JSONValue?) {
        self.status = status
        code = json?["code"]?.stringValue ?? "http-\(status)"
        detail = json?["detail"]?.stringValue ?? json?["title"]?.stringValue ?? "HTTP status \(status)"
        pointer = json?["pointer"]?.stringValue
        index = json?["index"]?.doubleValue.map { Int($0) }
    }

    /// `code: detail (at /pointer)`.
    var description: String {
        "\(code): \(detail)" + (pointer.map { $0.isEmpty ? "" : " (at \($0))" } ?? "")
    }

    /// The server refused (exit 1); a 5xx or a 502 from verification means it could not answer (exit 2).
    var error: CLIError {
        CLIError(description: "the server refused: \(description)", exitCode: status >= 500 ? 2 : 1)
    }
}
