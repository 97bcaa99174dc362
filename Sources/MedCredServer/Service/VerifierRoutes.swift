import Foundation
import Hummingbird
import MedCredCore
import MedCredService

/// Verifying for anyone (VC-API `POST /credentials/verify`, `POST /presentations/verify`), challenges, and
/// DID-Auth login with sessions.
enum VerifierRoutes {
    static func register(on router: RouteRecorder, _ c: ServiceComponents) {
        router.post("/credentials/verify") { request, _ in
            let fields = try RequestFields(
                try await RequestBodyReader.object(request, limit: RequestBodyReader.documentLimit),
                allowed: ["verifiableCredential", "options"])
            _ = try fields.options()
            let bytes = try securedBytes(fields, "verifiableCredential")
            let result: VerificationResult
            do throws(VerificationError) { result = try await c.verification.verifyCredential(bytes, now: c.clock()) } catch {
                throw cannotVerify(error)
            }
            return Responses.json(result.json)
        }
        router.post("/presentations/verify") { request, _ in
            let fields = try RequestFields(
                try await RequestBodyReader.object(request, limit: RequestBodyReader.documentLimit),
                allowed: ["verifiablePresentation", "presentation", "options"])
            let options = try fields.options()
            let bytes = try securedBytes(fields, fields.object["presentation"] != nil ? "presentation" : "verifiablePresentation")
            let result: VerificationResult
            do throws(VerificationError) {
                result = try await c.verification.verifyPresentation(
                    bytes, challenge: options["challenge"]?.stringValue, domain: options["domain"]?.stringValue,
                    now: c.clock())
            } catch {
                throw cannotVerify(error)
            }
            return Responses.json(result.json)
        }
        router.post("/challenges") { request, context in
            try limit(context, c)
            let fields = try RequestFields(
                try await RequestBodyReader.object(request, limit: RequestBodyReader.smallLimit),
                allowed: ["domain", "policy"])
            let domain: String
            var requiredDisclosures: [String] = []
            if let name = try fields.optionalString("policy") {
                guard let policy = c.policies.first(where: { $0.name == name }) else {
                    throw APIProblem("unknown-policy", status: .badRequest, detail: "no verifier policy named '\(name)'")
                }
                domain = try fields.optionalString("domain") ?? policy.domain
                requiredDisclosures = policy.requiredDisclosures
            } else {
                domain = try fields.string("domain")
            }
            let challenge: Challenge
            do { challenge = try await c.challenges.issue(domain: domain) } catch let error as AuthError {
                throw APIProblem(
                    error.code, status: error.code == "invalid-domain" ? .badRequest : .internalServerError,
                    detail: error.reason)
            }
            // What a selective-disclosure presentation must reveal, so a wallet discloses no more than that.
            return Responses.json(
                [
                    "challenge": .string(challenge.challenge), "domain": .string(challenge.domain),
                    "expires": Responses.time(challenge.expiresAt),
                    "requiredDisclosures": .array(requiredDisclosures.map { .string($0) }),
                ], status: .created)
        }
        router.post("/auth/login") { request, context in
            try limit(context, c)
            let fields = try RequestFields(
                try await RequestBodyReader.object(request, limit: RequestBodyReader.documentLimit),
                allowed: ["presentation", "verifiablePresentation", "policy"])
            let policy = try fields.string("policy")
            let bytes = try securedBytes(fields, fields.object["presentation"] != nil ? "presentation" : "verifiablePresentation")
            let session: Session
            do throws(LoginError) {
                session = try await c.login.login(presentation: bytes, policy: policy)
            } catch {
                _ = try await c.audit.record(
                    AuditEvent(action: "auth.login-refused", actor: "anonymous", subject: policy, details: ["code": error.code]))
                var extensions: JSONObject = ["reason": .string(error.reason)]
                if let verification = error.verification { extensions["verification"] = verification.json }
                let status: HTTPResponse.Status =
                    ["unknown-policy", "invalid-presentation", "challenge-missing"].contains(error.code) ? .badRequest : .unauthorized
                throw APIProblem(error.code, status: status, detail: error.reason, extensions: extensions)
            }
            _ = try await c.audit.record(AuditEvent(action: "auth.login", actor: session.holder, subject: policy))
            return Responses.json(sessionJSON(session))
        }
        router.get("/auth/session") { request, _ in
            var challenge = HTTPFields()
            challenge[.wwwAuthenticate] = "Bearer realm=\"medcred\", error=\"invalid_token\""
            guard let token = Authorization.bearer(request) else {
                throw APIProblem(
                    "session-missing", status: .unauthorized, detail: "an Authorization: Bearer session token is required",
                    headers: challenge)
            }
            do throws(LoginError) { return Responses.json(sessionJSON(try await c.login.introspect(token: token))) } catch {
                throw APIProblem(error.code, status: .unauthorized, detail: error.reason, headers: challenge)
            }
        }
    }

    /// A credential or presentation as received: a JSON object, or a compact JWS given as a JSON string.
    static func securedBytes(_ fields: RequestFields, _ name: String) throws -> [UInt8] {
        switch fields.object[name] {
        case .object(let object): return JSONValue.object(object).utf8Bytes
        case .string(let jws): return Array(jws.utf8)
        case nil: throw APIProblem.malformed("'\(name)' is required", pointer: "/" + name)
        default: throw APIProblem.malformed("'\(name)' must be an object or a compact JWS string", pointer: "/" + name)
        }
    }

    static func limit(_ context: ServiceRequestContext, _ c: ServiceComponents) throws {
        guard let wait = c.authLimiter.acquire(client: context.clientAddress ?? "unknown") else { return }
        var headers = HTTPFields()
        headers[.retryAfter] = "\(Int(wait.rounded(.up)))"
        throw APIProblem("rate-limited", status: .tooManyRequests, detail: "too many requests; retry later", headers: headers)
    }

    static func cannotVerify(_ error: VerificationError) -> APIProblem {
        APIProblem("verification-unavailable", status: .badGateway, detail: "the verification could not be completed: \(error)")
    }

    static func sessionJSON(_ session: Session) -> JSONValue {
        [
            "token": .string(session.token), "tokenType": "Bearer", "holder": .string(session.holder),
            "policy": .string(session.policy), "claims": session.claims, "issuedAt": Responses.time(session.issuedAt),
            "expiresAt": Responses.time(session.expiresAt),
        ]
    }
}
