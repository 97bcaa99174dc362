import MedCredCore

extension OpenAPIDocument {
    private typealias Op = OpenAPIOperation

    /// Challenges, DID-Auth login and sessions.
    static var authOperations: [OpenAPIOperation] {
        var challenge = Op(
            method: "post", path: "/challenges", operationID: "createChallenge",
            summary: "Get a login challenge", tag: "auth")
        challenge.description =
            "A single-use, expiring challenge bound to a verifier domain: `domain`, or the domain of the named "
            + "`policy`. Rate limited per client."
        challenge.requestBody = "ChallengeRequest"
        challenge.responses = [Op.json(201, "The challenge", "Challenge")]
        var login = Op(
            method: "post", path: "/auth/login", operationID: "login", summary: "Log in with a presentation",
            tag: "auth")
        login.description =
            "DID-Auth: a presentation with proofPurpose `authentication`, a challenge from `POST /challenges` and "
            + "its domain, whose holder is the subject of each credential, satisfying the named verifier policy. "
            + "A refusal carries `reason` and, when the presentation was verified, `verification`. Rate limited "
            + "per client; audited."
        login.requestBody = "LoginRequest"
        login.responses = [Op.json(200, "The session", "Session")]
        var session = Op(
            method: "get", path: "/auth/session", operationID: "introspectSession", summary: "Introspect a session",
            tag: "auth", security: .session)
        session.responses = [Op.json(200, "The session the token carries", "Session")]
        let retry = [Op.header("Retry-After", "seconds to wait")]
        return [
            challenge.readingBody.with(400, ["unknown-policy"]).with(429, ["rate-limited"]),
            login.readingBody.with(400, ["unknown-policy", "invalid-presentation", "challenge-missing"])
                .with(
                    401,
                    [
                        "challenge-unknown", "challenge-expired", "challenge-replayed", "wrong-domain",
                        "holder-mismatch", "credential-not-verified", "credential-expired", "issuer-not-accredited",
                        "policy-not-satisfied", "verifier-unavailable", "session-signing-failed",
                        "auth-storage-failed",
                    ]
                ).with(429, ["rate-limited"]),
            session.with(401, ["session-missing", "session-invalid", "session-expired"]),
        ].map { operation in
            guard operation.problems[429] != nil else { return operation }
            var copy = operation
            copy.responses.append(
                Op.Response(status: "429", description: "Too many requests", content: [], headers: retry))
            return copy
        }
    }

    /// DID resolution and the did:webvh logs MedCred hosts.
    static var didOperations: [OpenAPIOperation] {
        var resolve = Op(
            method: "get", path: "/1.0/identifiers/{did}", operationID: "resolveDID", summary: "Resolve a DID",
            tag: "did")
        resolve.description =
            "Universal Resolver shape. did:key, did:web, and did:webvh from this ledger with its anchors checked; "
            + "`versionId` and `versionTime` apply to did:webvh."
        resolve.parameters = [
            Op.pathParameter("did", "the DID, URL-encoded"),
            Op.queryParameter("versionId", "did:webvh: the version to resolve", OpenAPISchema.string()),
            Op.queryParameter(
                "versionTime", "did:webvh: resolve the DID as it was at this time", OpenAPISchema.dateTime()),
        ]
        let media = "application/ld+json;profile=\"https://w3id.org/did-resolution\""
        let result = OpenAPISchema.ref("DIDResolutionResult")
        resolve.responses = [
            Op.body(200, "The DID resolution result", media, result),
            Op.body(400, "A resolution result whose `didResolutionMetadata.error` says why", media, result),
            Op.body(404, "The DID was not found (resolution result with an error)", media, result),
            Op.body(501, "The DID method is not supported (resolution result with an error)", media, result),
        ]
        var serviceLog = Op(
            method: "get", path: "/.well-known/did.jsonl", operationID: "getServiceDIDLog",
            summary: "The service DID's did:webvh log", tag: "did")
        serviceLog.responses = [Op.text(200, "The did:webvh log, one JSON entry a line", "text/jsonl")]
        var issuerLog = Op(
            method: "get", path: "/issuers/{slug}/did.jsonl", operationID: "getIssuerDIDLog",
            summary: "An issuer DID's did:webvh log", tag: "did")
        issuerLog.parameters = [Op.pathParameter("slug", "the issuer's slug")]
        issuerLog.responses = [Op.text(200, "The did:webvh log, one JSON entry a line", "text/jsonl")]
        return [
            resolve.checkingPathParameter.with(400, ["invalid-did"]),
            serviceLog.with(404, ["not-found"]),
            issuerLog.checkingPathParameter.with(404, ["not-found"]),
        ] + hostedDIDOperations
    }

    /// Health, metrics and this document.
    static var serviceOperations: [OpenAPIOperation] {
        var health = Op(method: "get", path: "/healthz", operationID: "health", summary: "Health", tag: "operations")
        health.responses = [Op.json(200, "The service is up", "Health")]
        var metrics = Op(
            method: "get", path: "/metrics", operationID: "metrics", summary: "Prometheus metrics", tag: "operations")
        metrics.responses = [Op.text(200, "Prometheus text exposition format", "text/plain; version=0.0.4")]
        var openAPI = Op(
            method: "get", path: "/openapi.json", operationID: "getOpenAPIDocument", summary: "This document",
            tag: "operations")
        openAPI.responses = [Op.body(200, "The OpenAPI 3.1 document", "application/json", OpenAPISchema.anyObject())]
        return [health, metrics, openAPI]
    }
}
