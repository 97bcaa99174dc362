import Foundation
public import Hummingbird

/// An RFC 9457 problem (`application/problem+json`) answered by the ledger routes, with a stable `type` URI
/// and `code`.
///
/// Handlers throw it; Hummingbird renders it through ``response(from:context:)``.
/// TODO(#4): move to the server-wide problem middleware once it exists.
public struct LedgerProblem: HTTPResponseError, Equatable {
    /// The stable problem kinds.
    public enum Code: String, Sendable {
        /// A query or path parameter is missing or not a canonical decimal in range.
        case invalidParameter = "invalid-parameter"
        /// The parameters are well formed but name something beyond the log.
        case outOfRange = "out-of-range"
        /// The log has no signed checkpoint yet.
        case noCheckpoint = "no-checkpoint"
    }

    /// The problem kind.
    public let code: Code
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// A human-readable explanation naming the parameter, never echoing request values.
    public let detail: String

    /// The problem type URI.
    public var type: String { "https://medcred.dev/problems/\(code.rawValue)" }

    static func invalidParameter(_ name: String, _ detail: String) -> LedgerProblem {
        LedgerProblem(code: .invalidParameter, status: .badRequest, detail: "parameter '\(name)' \(detail)")
    }

    static func outOfRange(_ detail: String) -> LedgerProblem {
        LedgerProblem(code: .outOfRange, status: .notFound, detail: detail)
    }

    private struct Body: Encodable {
        let type: String
        let title: String
        let status: Int
        let detail: String
        let code: String
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(
            type: type, title: status.reasonPhrase, status: status.code, detail: detail, code: code.rawValue)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        headers[.cacheControl] = "no-store"
        return Response(
            status: status, headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(body))))
    }
}
