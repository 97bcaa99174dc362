public import Hummingbird
import HTTPTypes
import Logging
import MedCredCore

/// Renders every error as `application/problem+json`: ``APIProblem`` as it is, Hummingbird's own errors
/// (no route, wrong method, body too large) with their status and a stable code, and anything else as a
/// 500 `internal-error` whose cause is logged with the request id, not returned.
///
/// It also stamps every response with `X-Request-Id`, so that a client's report can be matched with the logs.
public struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let requestID = context.id
        var response: Response
        do {
            response = try await next(request, context)
        } catch let problem as APIProblem {
            response = problem.response(requestID: requestID)
        } catch let problem as LedgerProblem {
            response = APIProblem(problem.code.rawValue, status: problem.status, detail: problem.detail)
                .response(requestID: requestID)
        } catch let error as any HTTPResponseError {
            response = Self.problem(for: error, method: request.method).response(requestID: requestID)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            response = APIProblem(
                "internal-error", status: .internalServerError,
                detail: "the service could not complete the request; quote the request id when reporting it"
            ).response(requestID: requestID)
        }
        response.headers[.requestID] = requestID
        return response
    }

    static func problem(for error: any HTTPResponseError, method: HTTPRequest.Method) -> APIProblem {
        switch error.status {
        case .notFound: APIProblem("route-not-found", status: .notFound, detail: "no such endpoint")
        case .methodNotAllowed:
            APIProblem("method-not-allowed", status: .methodNotAllowed, detail: "\(method) is not allowed here")
        case .contentTooLarge:
            APIProblem("body-too-large", status: .contentTooLarge, detail: "the request body is too large")
        default:
            APIProblem("http-error", status: error.status, detail: error.status.reasonPhrase)
        }
    }
}

extension HTTPField.Name {
    /// `X-Request-Id`.
    static let requestID = HTTPField.Name("X-Request-Id")!
}
