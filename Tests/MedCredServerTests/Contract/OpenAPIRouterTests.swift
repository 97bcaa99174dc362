import Foundation
import MedCredClient
import MedCredCore
import MedCredServer
import Testing

/// The OpenAPI document against the router, both ways: what is documented is served, and what is served is
/// documented.
@Suite struct OpenAPIRouterTests {
    static func key(_ method: String, _ path: String) -> String { "\(method.uppercased()) \(path)" }

    @Test func recordedRoutesEqualDocumentedOperations() async throws {
        try await withLiveServer { server in
            let (_, recorder) = ServiceServer.router(server.runtime)
            let registered = recorder.routes.map { Self.key($0.method, $0.path) }
            let documented = OpenAPIDocument.operations.map { Self.key($0.method, $0.path) }
            #expect(Set(registered).count == registered.count, "a route is registered twice: \(registered)")
            #expect(Set(documented).count == documented.count, "an operation is documented twice")
            let undocumented = Set(registered).subtracting(documented).sorted()
            let unserved = Set(documented).subtracting(registered).sorted()
            #expect(undocumented.isEmpty, "served but not documented: \(undocumented)")
            #expect(unserved.isEmpty, "documented but not registered: \(unserved)")
            #expect(registered.count >= 28)
        }
    }

    @Test func documentPathsAreTheOperations() {
        let document = OpenAPIDocument.document(serverURL: "http://medcred.localhost:8080")
        var fromPaths = Set<String>()
        for path in document["paths"]?.objectValue ?? [:] {
            for member in path.value.objectValue ?? [:] { fromPaths.insert(Self.key(member.name, path.name)) }
        }
        #expect(fromPaths == Set(OpenAPIDocument.operations.map { Self.key($0.method, $0.path) }))
    }

    /// Live: each documented operation reaches a handler. A request with dummy path values and an empty body
    /// may be refused, but never as an unknown route or a wrong method.
    @Test func everyDocumentedOperationIsServed() async throws {
        try await withLiveServer { server in
            for operation in OpenAPIDocument.operations {
                let path = filledPath(operation.path, ["index": "0", "did": "did:example:dummy"])
                let isGet = operation.method == "GET"
                let response = try await server.send(isGet ? .get : .post, path, json: isGet ? nil : [:])
                let name = Self.key(operation.method, operation.path)
                #expect(response.status != 405, "\(name): 405")
                #expect(
                    !(response.status == 404 && response.code == "route-not-found"), "\(name): route-not-found")
                #expect(response.header("X-Request-Id") != nil, "\(name): no X-Request-Id")
                // Methods the document does not list for the path are refused as such, not served.
                if !OpenAPIDocument.operations.contains(where: { $0.path == operation.path && $0.method == "PUT" }) {
                    let wrong = try await server.send(.put, path, json: [:])
                    #expect([404, 405].contains(wrong.status), "PUT \(operation.path): \(wrong.status)")
                    #expect(wrong.header("Content-Type") == "application/problem+json", "PUT \(operation.path)")
                }
            }
        }
    }

    @Test func servesTheDocumentWithItsPublicBaseURL() async throws {
        let settings = {
            var settings = ServiceSettings()
            settings.publicBaseURL = "https://board.example.org"
            return settings
        }()
        try await withLiveServer(settings: settings) { server in
            let response = try await server.send(.get, "/openapi.json")
            #expect(response.status == 200)
            #expect(response.header("Content-Type")?.hasPrefix("application/json") == true)
            #expect(response.json["openapi"] == "3.1.0")
            #expect(response.json["servers"]?[0]?["url"] == "https://board.example.org")
            #expect(response.json == OpenAPIDocument.document(serverURL: "https://board.example.org"))
        }
    }
}
