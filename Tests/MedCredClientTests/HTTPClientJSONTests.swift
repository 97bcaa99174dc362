import MedCredClient
import MedCredCore
import Testing

/// `getJSON` and `postJSON` against a live local server.
@Suite struct HTTPClientJSONTests {
    private let client = HTTPClient()

    private func url(_ port: Int, _ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    @Test func getJSONParsesTheBody() async throws {
        try await ClientTestServer.with { port in
            let document = try await client.getJSON(url(port, "/json"))
            #expect(document == ["id": "did:web:example.com", "n": [1, 2.5]])
        }
    }

    @Test func getJSONRefusesAnErrorStatus() async throws {
        try await ClientTestServer.with { port in
            await #expect(throws: HTTPClientError.unexpectedStatus(404)) {
                try await client.getJSON(url(port, "/status/404"))
            }
        }
    }

    @Test func getJSONParsesStrictly() async throws {
        try await ClientTestServer.with { port in
            await #expect {
                try await client.getJSON(url(port, "/badjson"))
            } throws: { error in
                guard case .invalidJSON(.duplicateMemberName("a", _)) = error as? HTTPClientError else { return false }
                return true
            }
        }
    }

    @Test func getJSONSendsAccept() async throws {
        try await ClientTestServer.with { port in
            await #expect {
                try await client.getJSON(url(port, "/headers"))
            } throws: { error in
                // The listing is not JSON, which proves the request went through; the header check is below.
                guard case .invalidJSON = error as? HTTPClientError else { return false }
                return true
            }
            let response = try await client.send(
                HTTPRequest(url: url(port, "/headers"), headers: [("Accept", "application/json")]))
            #expect(String(decoding: response.body, as: UTF8.self).contains("accept: application/json"))
        }
    }

    @Test func postJSONSendsCompactJSONWithItsContentType() async throws {
        let document: JSONValue = ["verifiableCredential": ["type": ["VerifiableCredential"]], "n": 1]
        try await ClientTestServer.with { port in
            let echoed = try await client.postJSON(url(port, "/echo"), document)
            #expect(echoed.status == 200)
            #expect(echoed.body == document.utf8Bytes)
            #expect(try JSONValue(parsing: echoed.body) == document)
            let listed = try await client.postJSON(url(port, "/headers"), document, headers: [("Authorization", "x")])
            let text = String(decoding: listed.body, as: UTF8.self)
            #expect(text.contains("content-type: application/json"))
            #expect(text.contains("authorization: x"))
        }
    }
}
