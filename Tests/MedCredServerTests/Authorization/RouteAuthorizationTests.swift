import Foundation
import MedCredClient
import MedCredCore
import MedCredServer
import Testing

/// Every protected route refuses every wrong token, one table over all routes, derived from the OpenAPI
/// document's security requirements so that a new protected route cannot be left out.
@Suite struct RouteAuthorizationTests {
    /// The bearer scheme an operation requires, as named in `components.securitySchemes`.
    enum Scheme: String, CaseIterable {
        case admin = "adminToken"
        case issuer = "issuerToken"
        case session = "sessionToken"
    }

    /// A protected operation of the document.
    struct ProtectedRoute: CustomStringConvertible {
        let method: String
        let path: String
        let scheme: Scheme

        var description: String { "\(method) \(path)" }
    }

    /// Whom a request presents itself as, and what the route must answer.
    struct Refusal {
        let name: String
        let bearer: String?
        let status: Int
        let code: String
    }

    /// A well-formed token of `kind` that the service never issued.
    static func unknownToken(_ kind: String) -> String {
        "mc_\(kind)_" + String(repeating: "0", count: 24) + "_" + String(repeating: "A", count: 43)
    }

    /// Every operation with a non-empty `security` requirement, from the served document.
    static func protectedRoutes(_ document: JSONValue) -> [ProtectedRoute] {
        let methods: Set<String> = ["get", "put", "post", "delete", "patch"]
        var routes: [ProtectedRoute] = []
        for path in document["paths"]?.objectValue ?? [:] {
            for member in path.value.objectValue ?? [:] where methods.contains(member.name) {
                let requirements = member.value["security"]?.arrayValue ?? []
                let names = requirements.flatMap { $0.objectValue?.names ?? [] }
                guard let name = names.first else { continue }
                // Unknown schemes become a row the table cannot serve, and the coverage check below fails.
                let scheme = Scheme(rawValue: name)
                #expect(scheme != nil, "\(member.name.uppercased()) \(path.name): unknown security scheme \(name)")
                #expect(names.count == 1, "\(member.name.uppercased()) \(path.name): one scheme expected, got \(names)")
                if let scheme {
                    routes.append(ProtectedRoute(method: member.name.uppercased(), path: path.name, scheme: scheme))
                }
            }
        }
        return routes
    }

    @Test func tableCoversEveryOperationWithSecurity() {
        let document = OpenAPIDocument.document(serverURL: "http://medcred.localhost:8080")
        let routes = Self.protectedRoutes(document)
        let table = Set(routes.map(\.description))
        var expected = Set<String>()
        for path in document["paths"]?.objectValue ?? [:] {
            for member in path.value.objectValue ?? [:] {
                if let security = member.value["security"]?.arrayValue, !security.isEmpty {
                    expected.insert("\(member.name.uppercased()) \(path.name)")
                }
            }
        }
        #expect(table == expected)
        #expect(routes.count == table.count, "a route appears twice")
        // The issue names these; the document must keep protecting them.
        let admin = Set(routes.filter { $0.scheme == .admin }.map(\.path))
        #expect(admin == Set(OpenAPIDocument.operations.map(\.path).filter { $0.hasPrefix("/admin/") }))
        let issuer = Set(routes.filter { $0.scheme == .issuer }.map(\.description))
        #expect(issuer == ["POST /credentials/issue", "POST /credentials/status", "GET /credentials/{id}"])
        #expect(routes.filter { $0.scheme == .session }.map(\.description) == ["GET /auth/session"])
    }

    @Test func everyProtectedRouteRefusesEveryWrongToken() async throws {
        try await withLiveServer { server in try await refusesEveryWrongToken(server) }
    }

    private func refusesEveryWrongToken(_ server: LiveServer) async throws {
        let served = try await server.send(.get, "/openapi.json")
        let routes = Self.protectedRoutes(served.json)
        try #require(routes.count >= 14, "the served document lists \(routes.count) protected routes")

        // Issuer A issues a licence, then its token is rotated: the first token is revoked by the rotation.
        let issuerA = try await OnboardedIssuer.create(on: server, slug: "board-a")
        let credentialID = try await issuerA.issueLicense(on: server)
        let rotated = try await server.send(
            .post, "/admin/issuers/\(issuerA.id)/tokens/rotate", bearer: server.adminToken)
        try #require(rotated.status == 201, "\(rotated.json)")
        let tokenA = try #require(rotated.json["token"]?.stringValue)
        // Issuer B is another issuer; issuer C's only token is revoked by id.
        let issuerB = try await OnboardedIssuer.create(on: server, slug: "board-b")
        let issuerC = try await OnboardedIssuer.create(on: server, slug: "board-c")
        let revoked = try await server.send(
            .post, "/admin/tokens/\(issuerC.tokenID)/revoke", bearer: server.adminToken)
        try #require(revoked.status == 200, "\(revoked.json)")

        let common = [
            Refusal(name: "missing", bearer: nil, status: 401, code: "token-missing"),
            Refusal(name: "malformed", bearer: "not-a-medcred-token", status: 401, code: "token-malformed"),
            Refusal(name: "unknown admin", bearer: Self.unknownToken("adm"), status: 401, code: "token-unknown"),
            Refusal(name: "unknown issuer", bearer: Self.unknownToken("iss"), status: 401, code: "token-unknown"),
            Refusal(name: "revoked", bearer: issuerC.token, status: 401, code: "token-revoked"),
            Refusal(name: "rotated out", bearer: issuerA.token, status: 401, code: "token-revoked"),
        ]
        let scoped: [Scheme: [Refusal]] = [
            .admin: common + [
                Refusal(name: "issuer on admin", bearer: issuerB.token, status: 403, code: "forbidden"),
                Refusal(name: "rotated-in issuer on admin", bearer: tokenA, status: 403, code: "forbidden"),
            ],
            .issuer: common + [
                Refusal(name: "admin on issuer", bearer: server.adminToken, status: 403, code: "forbidden")
            ],
            .session: [
                Refusal(name: "missing", bearer: nil, status: 401, code: "session-missing"),
                Refusal(name: "malformed", bearer: "not-a-jwt", status: 401, code: "session-invalid"),
                Refusal(name: "admin token", bearer: server.adminToken, status: 401, code: "session-invalid"),
                Refusal(name: "issuer token", bearer: tokenA, status: 401, code: "session-invalid"),
            ],
        ]
        for route in routes {
            for refusal in scoped[route.scheme] ?? [] {
                let response = try await server.send(
                    route.method == "GET" ? .get : .post, filledPath(route.path),
                    json: route.method == "GET" ? nil : [:], bearer: refusal.bearer)
                expectRefusal(response, status: refusal.status, code: refusal.code, "\(route) with \(refusal.name)")
                if refusal.status == 401, route.scheme != .session {
                    #expect(
                        response.header("WWW-Authenticate")?.hasPrefix("Bearer") == true,
                        "\(route) with \(refusal.name): no WWW-Authenticate")
                }
            }
            // The right token gets past authorization (dummy path values then fail later, with 4xx but not 401/403).
            let right: String? = route.scheme == .admin ? server.adminToken : route.scheme == .issuer ? tokenA : nil
            if let right {
                let response = try await server.send(
                    route.method == "GET" ? .get : .post, filledPath(route.path),
                    json: route.method == "GET" ? nil : [:], bearer: right)
                #expect(![401, 403].contains(response.status), "\(route) with the right token: \(response.json)")
            }
        }

        // Issuer B may not read or change issuer A's credential; issuer A's rotated-in token may.
        // `urn:uuid:…` goes in the path as is: ':' is allowed in a path segment (RFC 3986 §3.3).
        try #require(credentialID.hasPrefix("urn:uuid:"))
        let encodedID = credentialID
        let resourceRequests: [(String, (String) async throws -> LiveResponse)] = [
            ("GET /credentials/{id}", { try await server.send(.get, "/credentials/\(encodedID)", bearer: $0) }),
            (
                "POST /credentials/status",
                {
                    try await server.send(
                        .post, "/credentials/status",
                        json: ["credentialId": .string(credentialID), "action": "suspend"],
                        bearer: $0)
                }
            ),
        ]
        #expect(Set(resourceRequests.map(\.0)).isSubset(of: Set(routes.map(\.description))))
        for (route, send) in resourceRequests {
            let other = try await send(issuerB.token)
            expectRefusal(other, status: 403, code: "not-your-credential", "\(route) with another issuer's token")
            let own = try await send(tokenA)
            #expect(own.status == 200, "\(route) with the owner's token: \(own.json)")
        }
        let record = try await server.send(.get, "/credentials/\(encodedID)", bearer: tokenA)
        #expect(record.json["status"] == "suspended")
    }

    /// VC-API clients percent-encode the id (`encodeURIComponent`), so `urn%3Auuid%3A…` names the same credential.
    @Test
    func percentEncodedCredentialIDFindsTheCredential() async throws {
        try await withLiveServer { server in
            let issuer = try await OnboardedIssuer.create(on: server, slug: "encoding-board")
            let id = try await issuer.issueLicense(on: server)
            let encoded = id.replacingOccurrences(of: ":", with: "%3A")
            let response = try await server.send(.get, "/credentials/\(encoded)", bearer: issuer.token)
            #expect(response.status == 200, "\(response.json)")
            #expect(response.json["id"]?.stringValue == id)
        }
    }

    /// RFC 9110 §11.6.1 and RFC 6750 §3: a 401 carries `WWW-Authenticate`, for sessions too.
    @Test
    func sessionRefusalsCarryWWWAuthenticate() async throws {
        try await withLiveServer { server in
            for bearer in [nil, "not-a-jwt"] {
                let response = try await server.send(.get, "/auth/session", bearer: bearer)
                #expect(response.status == 401)
                #expect(response.header("WWW-Authenticate")?.hasPrefix("Bearer") == true, "bearer \(bearer ?? "none")")
            }
        }
    }
}

/// `response` is an `application/problem+json` refusal with `status` and `code`.
func expectRefusal(
    _ response: LiveResponse, status: Int, code: String, _ context: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        response.status == status, "\(context): status \(response.status) \(response.json)",
        sourceLocation: sourceLocation)
    #expect(response.code == code, "\(context): code \(response.code ?? "none")", sourceLocation: sourceLocation)
    #expect(
        response.header("Content-Type") == "application/problem+json", "\(context): content type",
        sourceLocation: sourceLocation)
}
