public import Hummingbird
public import MedCredCore

/// An RFC 9457 problem answered by the service: `application/problem+json` with a stable `code`, whose
/// `type` URI is `https://medcred.dev/problems/<code>`.
///
/// Handlers throw it; ``ProblemMiddleware`` renders it, and turns every other error into one, so a client
/// always gets a machine-readable reason and never a stack trace or an HTML page.
public struct APIProblem: Error, Sendable {
    /// The stable machine code, e.g. `token-revoked`.
    public let code: String
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// A human-readable explanation; never echoes secrets or health data.
    public let detail: String
    /// Further members of the problem object, e.g. a verification result or batch failures.
    public let extensions: JSONObject
    /// Extra response headers, e.g. `Retry-After` or `WWW-Authenticate`.
    public let headers: HTTPFields

    /// Creates a problem.
    /// - Parameters:
    ///   - code: the stable machine code.
    ///   - status: the HTTP status.
    ///   - detail: the explanation.
    ///   - extensions: extra members.
    ///   - headers: extra response headers.
    public init(
        _ code: String, status: HTTPResponse.Status, detail: String, extensions: JSONObject = [:],
        headers: HTTPFields = [:]
    ) {
        self.code = code
        self.status = status
        self.detail = detail
        self.extensions = extensions
        self.headers = headers
    }

    /// The problem type URI.
    public var type: String { "https://medcred.dev/problems/\(code)" }

    /// The problem object.
    public var json: JSONValue {
        var object = extensions
        object["type"] = .string(type)
        object["title"] = .string(status.reasonPhrase)
        object["status"] = .number(Double(status.code))
        object["detail"] = .string(detail)
        object["code"] = .string(code)
        return .object(object)
    }

    /// The response carrying the problem.
    /// - Parameter requestID: echoed in the body so that a report can be matched with the logs.
    /// - Returns: the response.
    public func response(requestID: String?) -> Response {
        var object = json.objectValue ?? [:]
        if let requestID { object["requestId"] = .string(requestID) }
        var fields = headers
        fields[.contentType] = "application/problem+json"
        fields[.cacheControl] = "no-store"
        return Response(
            status: status, headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: JSONValue.object(object).utf8Bytes)))
    }
}

extension APIProblem {
    /// 400 `malformed-request` for a request that is syntactically wrong.
    public static func malformed(_ detail: String, pointer: String? = nil) -> APIProblem {
        APIProblem(
            "malformed-request", status: .badRequest, detail: detail,
            extensions: pointer.map { ["pointer": .string($0)] } ?? [:])
    }

    /// 404 `not-found` for a resource that does not exist.
    public static func notFound(_ detail: String) -> APIProblem {
        APIProblem("not-found", status: .notFound, detail: detail)
    }

    /// 403 `forbidden`: the token is valid but not allowed to do this.
    public static func forbidden(_ detail: String) -> APIProblem {
        APIProblem("forbidden", status: .forbidden, detail: detail)
    }
}
