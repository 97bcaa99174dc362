import MedCredClient
import MedCredCore
import Testing

/// Every way an exchange can fail, and what the error says.
@Suite struct HTTPClientErrorTests {
    private func url(_ port: Int, _ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    @Test func refusesAResponsePastTheLimit() async throws {
        let client = HTTPClient(configuration: HTTPClientConfiguration(maxResponseBytes: 64 << 10))
        try await ClientTestServer.with { port in
            // Announced by Content-Length, and discovered while reading a chunked body.
            for path in ["/bytes/\(64 << 10 + 1)", "/chunked/\(200 << 10)"] {
                await #expect(throws: HTTPClientError.responseTooLarge(limit: 64 << 10), "\(path)") {
                    try await client.send(HTTPRequest(url: url(port, path)))
                }
            }
            // Headers count too, so a body just under the limit still fits only without them.
            let fits = try await client.send(HTTPRequest(url: url(port, "/bytes/\(60 << 10)")))
            #expect(fits.body.count == 60 << 10)
        }
    }

    @Test func theDefaultLimitIsFourMebibytes() {
        #expect(HTTPClientConfiguration().maxResponseBytes == 4 << 20)
        #expect(HTTPClientConfiguration().redirects == .none)
        #expect(HTTPClientConfiguration().userAgent == "medcred/\(MedCredClient.version)")
    }

    @Test func timesOut() async throws {
        let client = HTTPClient(configuration: HTTPClientConfiguration(timeout: .milliseconds(300)))
        try await ClientTestServer.with { port in
            let clock = ContinuousClock()
            let start = clock.now
            await #expect(throws: HTTPClientError.timedOut) {
                try await client.send(HTTPRequest(url: url(port, "/slow")))
            }
            #expect(clock.now - start < ClientTestServer.slowDelay)
        }
    }

    @Test func aTLSHandshakeWithAPlainHTTPServerFailsAsTLS() async throws {
        try await ClientTestServer.with { port in
            await #expect {
                try await HTTPClient().send(HTTPRequest(url: "https://127.0.0.1:\(port)/headers"))
            } throws: { error in
                guard case .tls(let message) = error as? HTTPClientError else { return false }
                return !message.isEmpty
            }
        }
    }

    @Test func aClosedPortCannotBeConnected() async throws {
        // Port 1 (tcpmux) has no listener here; loopback refuses at once.
        await #expect(throws: HTTPClientError.couldNotConnect(host: "127.0.0.1")) {
            try await HTTPClient().send(HTTPRequest(url: "http://127.0.0.1:1/"))
        }
    }

    @Test(arguments: [
        "", "not a url", "http://", "http://exa mple.com/", "127.0.0.1/x", "http://a\nb/", "http://[::1/",
    ])
    func rejectsAnInvalidURL(_ text: String) async {
        await #expect {
            try await HTTPClient().send(HTTPRequest(url: text))
        } throws: { error in
            guard case .invalidURL = error as? HTTPClientError else { return false }
            return true
        }
    }

    @Test(arguments: [
        "ftp://127.0.0.1/file", "file:///etc/passwd", "gopher://127.0.0.1/", "dict://127.0.0.1/", "ldap://x/",
    ])
    func refusesSchemesOtherThanHTTP(_ text: String) async {
        await #expect(throws: HTTPClientError.unsupportedScheme) {
            try await HTTPClient().send(HTTPRequest(url: text))
        }
    }

    @Test(arguments: [("X-Bad", "a\r\nInjected: 1"), ("Bad Name", "v"), ("", "v"), ("X-Nul", "a\0b"), ("Ünï", "v")])
    func rejectsAnInvalidHeader(_ header: (String, String)) async {
        await #expect {
            try await HTTPClient().send(HTTPRequest(url: "http://127.0.0.1:1/", headers: [header]))
        } throws: { error in
            guard case .invalidHeader(let name) = error as? HTTPClientError else { return false }
            return !name.contains("Injected") && !name.contains("\n")
        }
    }

    @Test func anInvalidURLMasksItsCredentials() async {
        await #expect {
            try await HTTPClient().send(HTTPRequest(url: "http://alice:s3cret@exa mple.com/path"))
        } throws: { error in
            let text = String(describing: error)
            return !text.contains("s3cret") && !text.contains("alice") && text.contains("exa mple.com")
        }
    }

    /// Sends from a child of a group cancelled before or just after the child starts.
    private func sendCancelled(_ request: HTTPRequest, client: HTTPClient, early: Bool) async
        -> Result<HTTPResponse, HTTPClientError>
    {
        await withTaskGroup(of: Result<HTTPResponse, HTTPClientError>.self) { group in
            if early { group.cancelAll() }
            group.addTask {
                do throws(HTTPClientError) { return .success(try await client.send(request)) } catch {
                    return .failure(error)
                }
            }
            if !early { group.cancelAll() }
            return await group.next() ?? .failure(.cancelled)
        }
    }

    @Test func aCancelledTaskSendsNothing() async {
        let result = await sendCancelled(HTTPRequest(url: "http://127.0.0.1:1/"), client: HTTPClient(), early: true)
        #expect(result == .failure(.cancelled))
    }

    @Test func cancellingStopsARequestInFlight() async throws {
        let client = HTTPClient(configuration: HTTPClientConfiguration(timeout: .seconds(30)))
        try await ClientTestServer.with { port in
            let clock = ContinuousClock()
            let start = clock.now
            let result = await sendCancelled(HTTPRequest(url: url(port, "/slow")), client: client, early: false)
            #expect(result == .failure(.cancelled))
            #expect(clock.now - start < ClientTestServer.slowDelay)
        }
    }

    @Test func descriptionsAreOneLine() {
        let errors: [HTTPClientError] = [
            .invalidURL("x"), .unsupportedScheme, .invalidHeader(name: "X"), .couldNotConnect(host: "h"), .timedOut,
            .responseTooLarge(limit: 4), .tls("certificate verify failed"), .tooManyRedirects(limit: 1), .cancelled,
            .transport(code: 56, message: "recv failure"), .unexpectedStatus(404), .invalidJSON(.empty),
        ]
        for error in errors {
            #expect(!error.description.isEmpty && !error.description.contains("\n"), "\(error)")
        }
        #expect(HTTPClientError.responseTooLarge(limit: 4).description == "the response exceeds the 4-byte limit")
    }
}
