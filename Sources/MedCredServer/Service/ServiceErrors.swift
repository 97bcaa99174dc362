import Hummingbird
import MedCredService

/// Maps the service layer's coded errors onto HTTP statuses, keeping their codes: what a client did wrong is
/// 4xx with the code the service chose; only a failure of the service itself is 5xx.
enum ServiceErrors {
    static func status(forCode code: String) -> HTTPResponse.Status {
        if code.hasSuffix("-not-found") { return .notFound }
        switch code {
        case "slug-taken", "duplicate-id", "credential-revoked", "already-exists": return .conflict
        case "not-your-credential": return .forbidden
        case "status-list-full", "signing-failed", "rotation-failed", "storage-failed": return .internalServerError
        default: return .badRequest
        }
    }

    static func problem(code: String, detail: String) -> APIProblem {
        APIProblem(code, status: status(forCode: code), detail: detail)
    }

    static func problem(_ error: AccountError) -> APIProblem { problem(code: error.code, detail: "\(error)") }

    static func problem(_ error: CredentialServiceError) -> APIProblem { problem(code: error.code, detail: "\(error)") }
}
