import Foundation
import MedCredClient
import MedCredCore
import MedCredServer
import Testing

/// `application/problem+json` everywhere, body limits, and the public operational routes: health, metrics,
/// DID resolution and the service's DID log.
@Suite struct ProblemTests {
    /// RFC 9457 members with MedCred's stable `type` and `code`, and the request id of the response header.
    static func expectFullProblem(
        _ response: LiveResponse, status: Int, code: String, _ context: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        expectRefusal(response, status: status, code: code, context, sourceLocation: sourceLocation)
        let body = response.json
        #expect(
            body["type"]?.stringValue == "https://medcred.dev/problems/\(code)", "\(context)",
            sourceLocation: sourceLocation)
        #expect(body["status"] == .number(Double(status)), "\(context)", sourceLocation: sourceLocation)
        #expect(body["title"]?.stringValue?.isEmpty == false, "\(context): title", sourceLocation: sourceLocation)
        #expect(body["detail"]?.stringValue?.isEmpty == false, "\(context): detail", sourceLocation: sourceLocation)
        let requestID = response.header("X-Request-Id")
        #expect(requestID != nil, "\(context): X-Request-Id", sourceLocation: sourceLocation)
        #expect(body["requestId"]?.stringValue == requestID, "\(context): requestId", sourceLocation: sourceLocation)
    }

    @Test func malformedJSONIsRefused() async throws {
        let bodies: [(String, [UInt8])] = [
            ("duplicate member", Array(#"{"verifiableCredential":{},"verifiableCredential":{}}"#.utf8)),
            ("trailing data", Array(#"{"verifiableCredential":{}} {}"#.utf8)),
            ("byte order mark", [0xEF, 0xBB, 0xBF] + Array(#"{"verifiableCredential":{}}"#.utf8)),
            ("truncated", Array(#"{"verifiableCredential":{"#.utf8)),
            ("invalid UTF-8", Array(#"{"verifiableCredential":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)),
        ]
        try await withLiveServer { server in
            for path in ["/credentials/verify", "/challenges"] {
                for (name, bytes) in bodies {
                    let response = try await server.send(.post, path, bytes: bytes)
                    Self.expectFullProblem(response, status: 400, code: "malformed-json", "\(path): \(name)")
                }
            }
        }
    }

    @Test func wrongContentTypeIs415() async throws {
        try await withLiveServer { server in
            for contentType in ["text/plain", "application/x-www-form-urlencoded", "application/xml"] {
                let response = try await server.send(
                    .post, "/credentials/verify", bytes: Array(#"{"verifiableCredential":{}}"#.utf8),
                    contentType: contentType)
                Self.expectFullProblem(response, status: 415, code: "unsupported-media-type", contentType)
            }
        }
    }

    @Test func oversizedBodiesAre413() async throws {
        try await withLiveServer { server in
            // Over the limit: 64 KiB on /challenges, 1 MiB on /credentials/verify.
            let challenge = try await server.send(.post, "/challenges", bytes: Self.padded(64 * 1024 + 1))
            Self.expectFullProblem(challenge, status: 413, code: "body-too-large", "/challenges over 64 KiB")
            let verify = try await server.send(.post, "/credentials/verify", bytes: Self.padded(1024 * 1024 + 1))
            Self.expectFullProblem(verify, status: 413, code: "body-too-large", "/credentials/verify over 1 MiB")
            // At the limit the body is read and judged on its content.
            let atChallengeLimit = try await server.send(.post, "/challenges", bytes: Self.padded(64 * 1024))
            #expect(atChallengeLimit.status != 413, "\(atChallengeLimit.json)")
            let atVerifyLimit = try await server.send(.post, "/credentials/verify", bytes: Self.padded(1024 * 1024))
            #expect(atVerifyLimit.status != 413, "\(atVerifyLimit.json)")
        }
    }

    /// `{"verifiableCredential":{}}` padded with spaces to `count` bytes.
    static func padded(_ count: Int) -> [UInt8] {
        let json = Array(#"{"verifiableCredential":{}}"#.utf8)
        return json + [UInt8](repeating: 0x20, count: count - json.count)
    }

    @Test func unknownMembersAndFormatsAreNamed() async throws {
        try await withLiveServer { server in
            let verify = try await server.send(
                .post, "/credentials/verify", json: ["verifiableCredential": [:], "colour": "blue"])
            Self.expectFullProblem(verify, status: 400, code: "unknown-member", "verify")
            #expect(verify.json["pointer"] == "/colour")
            let challenge = try await server.send(
                .post, "/challenges", json: ["domain": "example.org", "policy ": "x"])
            Self.expectFullProblem(challenge, status: 400, code: "unknown-member", "challenge")
            #expect(challenge.json["pointer"] == "/policy ")

            let issuer = try await OnboardedIssuer.create(on: server, slug: "format-board")
            let draft = try OnboardedIssuer.licenseDraft()
            for format in ["ldp", "JWT", "sd_jwt"] as [JSONValue] + [.number(1)] {
                let response = try await server.send(
                    .post, "/credentials/issue", json: ["credential": draft, "options": ["format": format]],
                    bearer: issuer.token)
                Self.expectFullProblem(response, status: 400, code: "unsupported-format", "format \(format)")
                #expect(response.json["pointer"] == "/options/format")
            }
            let extra = try await server.send(
                .post, "/credentials/issue", json: ["credential": draft, "extra": true], bearer: issuer.token)
            Self.expectFullProblem(extra, status: 400, code: "unknown-member", "issue")
            #expect(extra.json["pointer"] == "/extra")
        }
    }

    @Test func unknownRoutesAndMethodsAreProblems() async throws {
        try await withLiveServer { server in
            let missing = try await server.send(.get, "/no/such/route")
            Self.expectFullProblem(missing, status: 404, code: "route-not-found", "unknown route")
            let wrongMethod = try await server.send(.delete, "/healthz")
            #expect([404, 405].contains(wrongMethod.status))
            #expect(wrongMethod.header("Content-Type") == "application/problem+json")
        }
    }

    /// The ledger's own problems keep their status and code when they pass the server-wide middleware.
    @Test
    func ledgerProblemsKeepTheirCodes() async throws {
        try await withLiveServer { server in
            let outOfRange = try await server.send(.get, "/ledger/bundles/999999")
            expectRefusal(outOfRange, status: 404, code: "out-of-range", "bundle beyond the log")
            let invalid = try await server.send(.get, "/ledger/bundles/x")
            expectRefusal(invalid, status: 400, code: "invalid-parameter", "non-decimal index")
            #expect(invalid.header("X-Request-Id") != nil)
        }
    }

    @Test func healthAndMetrics() async throws {
        try await withLiveServer { server in
            let health = try await server.send(.get, "/healthz")
            #expect(health.status == 200)
            #expect(health.json["status"] == "ok")
            #expect(health.json["did"]?.stringValue?.hasPrefix("did:webvh:") == true)
            for _ in 0..<3 { _ = try await server.send(.get, "/healthz") }
            _ = try await server.send(.get, "/no/such/route")
            let metrics = try await server.send(.get, "/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.header("Content-Type")?.hasPrefix("text/plain") == true)
            let text = String(decoding: metrics.body, as: UTF8.self)
            #expect(text.contains("# TYPE "), "not Prometheus text")
            #expect(text.contains("hb_requests") || text.contains("hb.requests"), "no Hummingbird request counter")
            #expect(text.contains("/healthz"), "no per-route request metrics")
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                #expect(line.split(separator: " ").count >= 2, "not a sample line: \(line)")
            }
        }
    }

    @Test func resolvesDIDsLikeTheUniversalResolver() async throws {
        try await withLiveServer { server in
            let key = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
            let didKey = try await server.send(.get, "/1.0/identifiers/\(key)")
            #expect(didKey.status == 200, "\(didKey.json)")
            #expect(didKey.header("Content-Type")?.contains("did-resolution") == true)
            #expect(didKey.json["didDocument"]?["id"]?.stringValue == key)
            #expect(didKey.json["didResolutionMetadata"]?.objectValue != nil)
            #expect(didKey.json["didDocumentMetadata"]?.objectValue != nil)

            let serviceDID = try #require(try await server.send(.get, "/healthz").json["did"]?.stringValue)
            let service = try await server.send(.get, "/1.0/identifiers/\(serviceDID)")
            #expect(service.status == 200, "\(service.json)")
            #expect(service.json["didDocument"]?["id"]?.stringValue == serviceDID)
            #expect(service.json["didDocumentMetadata"]?["anchor"]?["verified"] == true, "\(service.json)")

            for invalid in ["not-a-did", "did:", "did:Key:abc", "did:key"] {
                let response = try await server.send(.get, "/1.0/identifiers/\(invalid)")
                Self.expectFullProblem(response, status: 400, code: "invalid-did", invalid)
            }
        }
    }

    @Test func servesTheServiceDIDLog() async throws {
        try await withLiveServer { server in
            let serviceDID = try #require(try await server.send(.get, "/healthz").json["did"]?.stringValue)
            let log = try await server.send(.get, "/.well-known/did.jsonl")
            #expect(log.status == 200)
            #expect(log.header("Content-Type")?.hasPrefix("text/jsonl") == true)
            let lines = String(decoding: log.body, as: UTF8.self).split(separator: "\n")
            #expect(!lines.isEmpty)
            for line in lines {
                let entry = try JSONValue(parsing: Array(line.utf8))
                #expect(entry["versionId"]?.stringValue != nil, "\(line)")
            }
            let last = try JSONValue(parsing: Array(try #require(lines.last).utf8))
            #expect(last["state"]?["id"]?.stringValue == serviceDID)
        }
    }
}
