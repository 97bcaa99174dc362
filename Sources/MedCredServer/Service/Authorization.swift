import Foundation
public import Hummingbird
import HTTPTypes
import MedCredService

/// Bearer-token checks for the admin and issuer routes: a missing, malformed, unknown or revoked token is
/// 401 with its code; a valid token of the wrong scope (another issuer's, or an issuer's on an admin route)
/// is 403.
enum Authorization {
    static func bearer(_ request: Request) -> String? {
        guard let value = request.headers[.authorization] else { return nil }
        let prefix = "bearer "
        guard value.count > prefix.count, value.lowercased().hasPrefix(prefix) else { return value }
        return String(value.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
    }

    static func principal(_ request: Request, tokens: TokenRegistry) async throws -> Principal {
        do { return try await tokens.authenticate(bearer(request)) } catch {
            var headers = HTTPFields()
            headers[.wwwAuthenticate] = "Bearer realm=\"medcred\", error=\"invalid_token\""
            throw APIProblem(error.code, status: .unauthorized, detail: detail(error), headers: headers)
        }
    }

    /// The admin principal, or a problem.
    static func admin(_ request: Request, tokens: TokenRegistry) async throws -> Principal {
        let principal = try await principal(request, tokens: tokens)
        guard principal.scope == .admin else { throw APIProblem.forbidden("this route needs the admin token") }
        return principal
    }

    /// The issuer account id of an issuer token, or a problem.
    static func issuer(_ request: Request, tokens: TokenRegistry) async throws -> String {
        let principal = try await principal(request, tokens: tokens)
        guard case .issuer(let id) = principal.scope else {
            throw APIProblem.forbidden("this route needs an issuer token")
        }
        return id
    }

    private static func detail(_ error: TokenError) -> String {
        switch error {
        case .missing: "an Authorization: Bearer token is required"
        case .malformed: "the bearer token is not a MedCred token"
        case .unknown: "the bearer token is not valid"
        case .revoked: "the bearer token has been revoked"
        case .notFound: "no such token"
        }
    }
}
