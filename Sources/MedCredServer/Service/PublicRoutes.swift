import Foundation
import Hummingbird
import MedCredCore
import MedCredLedger
import MedCredService

/// What anyone may read: DID resolution (Universal Resolver shape), the did:webvh logs MedCred hosts, the
/// ledger, health, metrics and the OpenAPI document.
enum PublicRoutes {
    static func register(on router: RouteRecorder, _ c: ServiceComponents, metrics: @escaping @Sendable () -> String) {
        router.get("/1.0/identifiers/{did}") { request, context in
            let text = try AdminRoutes.parameter(context, "did")
            let did: DID
            do { did = try DID(parsing: text) } catch {
                throw APIProblem("invalid-did", status: .badRequest, detail: "not a DID: \(error)")
            }
            let result: DIDResolutionResult
            if did.method == "webvh" {
                result = try await c.registry.resolveWithMetadata(
                    did, versionId: request.uri.queryParameters.get("versionId"),
                    versionTime: request.uri.queryParameters.get("versionTime"))
            } else {
                do throws(DIDResolutionError) { result = .success(try await c.resolver.resolve(did, versionTime: nil), documentMetadata: [:]) } catch {
                    result = .failure(error)
                }
            }
            let status: HTTPResponse.Status
            switch result.error {
            case nil: status = .ok
            case .some(.methodNotSupported): status = .notImplemented
            case .some(.notFound): status = .notFound
            case .some: status = .badRequest
            }
            var response = Responses.json(result.json, status: status, cache: "no-cache")
            response.headers[.contentType] = "application/ld+json;profile=\"https://w3id.org/did-resolution\""
            return response
        }
        router.get("/.well-known/did.jsonl") { _, _ in try await didLog(c.identity.did, c) }
        router.get("/issuers/{slug}/did.jsonl") { _, context in
            let slug = try AdminRoutes.parameter(context, "slug")
            guard let account = try await c.accounts.issuers().first(where: { $0.slug == slug }) else {
                throw APIProblem.notFound("no DID is hosted at /issuers/\(slug)")
            }
            return try await didLog(account.did, c)
        }
        router.get("/healthz") { _, _ in
            let size = try await c.ledger.checkpoint().map { _ in true } ?? false
            return Responses.json([
                "status": "ok", "ledgerCheckpoint": .bool(size), "did": .string(c.identity.did),
                "didDomain": .string(c.configuration.didDomain),
                "ledgerKey": .string(c.ledger.verifierKey.description),
            ])
        }
        router.get("/.well-known/vct/{type}/v1") { _, context in
            let type = try AdminRoutes.parameter(context, "type")
            guard let metadata = TypeMetadata.document(forType: type) else {
                throw APIProblem.notFound("MedCred defines no credential type \(type)")
            }
            return Responses.json(metadata, cache: "public, max-age=3600")
        }
        router.get("/metrics") { _, _ in
            Responses.bytes(Array(metrics().utf8), contentType: "text/plain; version=0.0.4", cache: "no-store")
        }
        router.get("/openapi.json") { _, _ in
            Responses.bytes(OpenAPIDocument.bytes(serverURL: c.configuration.baseURL), contentType: "application/json", cache: "public, max-age=300")
        }
    }

    private static func didLog(_ didText: String, _ c: ServiceComponents) async throws -> Response {
        guard let did = try? DID(parsing: didText), let log = try await c.registry.logText(for: did) else {
            throw APIProblem.notFound("no DID log is hosted here")
        }
        return Responses.bytes(Array(log.utf8), contentType: "text/jsonl", cache: "no-cache")
    }
}
