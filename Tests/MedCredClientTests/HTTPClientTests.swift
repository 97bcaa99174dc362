import MedCredClient
import Testing

/// Requests and responses over TCP against a live local server.
@Suite struct HTTPClientTests {
    private let client = HTTPClient()

    private func url(_ port: Int, _ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    private func lines(_ response: HTTPResponse) -> [String] {
        String(decoding: response.body, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func getSendsHeadersAndTheUserAgent() async throws {
        try await ClientTestServer.with { port in
            let response = try await client.send(
                HTTPRequest(url: url(port, "/headers"), headers: [("X-Test", "abc"), ("Authorization", "Bearer t")]))
            #expect(response.status == 200)
            let received = lines(response)
            #expect(received.contains("x-test: abc"))
            #expect(received.contains("authorization: Bearer t"))
            #expect(received.contains("user-agent: medcred/\(MedCredClient.version)"))
            #expect(!received.contains { $0.hasPrefix("content-type:") || $0.hasPrefix("expect:") })
        }
    }

    @Test func postRoundTripsABinaryBodyAndCapturesHeaders() async throws {
        let body = (0..<1024).map { UInt8($0 % 256) }
        try await ClientTestServer.with { port in
            let response = try await client.send(
                HTTPRequest(method: .post, url: url(port, "/echo"), headers: [("X-Test", "v 1")], body: body))
            #expect(response.status == 200)
            #expect(response.body == body)
            #expect(response.header("Content-Type") == "application/octet-stream")
            #expect(response.header("X-METHOD") == "POST")
            #expect(response.header("x-test-echo") == "v 1")
            #expect(response.header("content-length") == "1024")
            #expect(response.headers.allSatisfy { $0.0 == $0.0.lowercased() })
            #expect(response.header("x-absent") == nil)
        }
    }

    @Test(arguments: [HTTPRequest.Method.put, .delete, .post])
    func sendsEachMethod(_ method: HTTPRequest.Method) async throws {
        try await ClientTestServer.with { port in
            let response = try await client.send(HTTPRequest(method: method, url: url(port, "/echo"), body: [1, 2, 3]))
            #expect(response.header("x-method") == method.rawValue)
            #expect(response.body == [1, 2, 3])
            let bodiless = try await client.send(HTTPRequest(method: method, url: url(port, "/echo")))
            #expect(bodiless.header("x-method") == method.rawValue)
            #expect(bodiless.body.isEmpty)
        }
    }

    @Test func aLabelledBodyKeepsItsContentType() async throws {
        try await ClientTestServer.with { port in
            let response = try await client.send(
                HTTPRequest(
                    method: .post, url: url(port, "/headers"), headers: [("Content-Type", "text/plain")], body: [65]))
            #expect(lines(response).contains("content-type: text/plain"))
        }
    }

    @Test(arguments: [201, 204, 400, 404, 409, 500, 503])
    func passesEveryStatusThrough(_ status: Int) async throws {
        try await ClientTestServer.with { port in
            let response = try await client.send(HTTPRequest(url: url(port, "/status/\(status)")))
            #expect(response.status == status)
            #expect(response.isSuccess == (200..<300).contains(status))
        }
    }

    @Test func doesNotFollowRedirectsByDefault() async throws {
        try await ClientTestServer.with { port in
            let response = try await client.send(HTTPRequest(url: url(port, "/redirect")))
            #expect(response.status == 302)
            #expect(response.header("location") == "/headers")
        }
    }

    @Test func followsRedirectsWhenAllowedAndKeepsOnlyTheLastHeaders() async throws {
        let following = HTTPClient(configuration: HTTPClientConfiguration(redirects: .follow(limit: 3)))
        try await ClientTestServer.with { port in
            let response = try await following.send(HTTPRequest(url: url(port, "/redirect")))
            #expect(response.status == 200)
            #expect(response.header("location") == nil)
            #expect(lines(response).contains("user-agent: medcred/\(MedCredClient.version)"))
        }
    }

    @Test func stopsAtTheRedirectLimit() async throws {
        let following = HTTPClient(configuration: HTTPClientConfiguration(redirects: .follow(limit: 2)))
        try await ClientTestServer.with { port in
            await #expect(throws: HTTPClientError.tooManyRedirects(limit: 2)) {
                try await following.send(HTTPRequest(url: url(port, "/loop")))
            }
        }
    }

    @Test func runsTwentyRequestsAtOnce() async throws {
        try await ClientTestServer.with { port in
            let target = url(port, "/echo")
            let echoed = try await withThrowingTaskGroup(of: (Int, HTTPResponse).self) { group in
                for index in 0..<20 {
                    group.addTask {
                        let body = Array("request \(index)".utf8)
                        return (index, try await client.send(HTTPRequest(method: .post, url: target, body: body)))
                    }
                }
                return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }
            #expect(echoed.count == 20)
            for (index, response) in echoed {
                #expect(response.status == 200)
                #expect(response.body == Array("request \(index)".utf8))
            }
        }
    }

    @Test func carriesAOneMebibyteBodyBothWaysIntact() async throws {
        let body = ClientTestServer.pattern(1 << 20)
        try await ClientTestServer.with { port in
            let echoed = try await client.send(HTTPRequest(method: .post, url: url(port, "/echo"), body: body))
            let downloaded = try await client.send(HTTPRequest(url: url(port, "/bytes/\(1 << 20)")))
            let chunked = try await client.send(HTTPRequest(url: url(port, "/chunked/\(1 << 20)")))
            // Compared as Bools: a failing `==` on two 1 MiB arrays would print both.
            for (name, received) in [
                ("echoed", echoed.body), ("downloaded", downloaded.body), ("chunked", chunked.body),
            ] {
                let intact = received == body
                #expect(intact, "\(name): \(received.count) bytes")
            }
        }
    }
}
