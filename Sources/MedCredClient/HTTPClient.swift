internal import Foundation

/// An HTTP/1.1 and HTTP/2 client over libcurl for the CLI and the service: login, did:web resolution, ledger
/// follow and witnesses.
///
/// Each request gets its own libcurl handle and runs on its own thread, so `curl_easy_perform` never blocks the
/// cooperative pool. Only `http` and `https` are spoken, TLS certificates are always verified, redirects are off
/// unless the configuration allows them, and responses are capped (4 MiB by default).
public struct HTTPClient: Sendable {
    /// The limits and policies applied to every request.
    public let configuration: HTTPClientConfiguration

    /// A client.
    /// - Parameter configuration: limits and policies; the defaults suit the CLI.
    public init(configuration: HTTPClientConfiguration = HTTPClientConfiguration()) {
        self.configuration = configuration
    }

    /// Sends one request and returns the response, whatever its status.
    ///
    /// A 4xx or 5xx answer is a response; only a failure to get an answer throws.
    /// - Parameter request: the request.
    /// - Returns: the response.
    /// - Throws: ``HTTPClientError/invalidURL(_:)``, ``HTTPClientError/unsupportedScheme``,
    ///   ``HTTPClientError/invalidHeader(name:)``, ``HTTPClientError/couldNotConnect(host:)``,
    ///   ``HTTPClientError/timedOut``, ``HTTPClientError/responseTooLarge(limit:)``, ``HTTPClientError/tls(_:)``,
    ///   ``HTTPClientError/tooManyRedirects(limit:)``, ``HTTPClientError/cancelled`` or
    ///   ``HTTPClientError/transport(code:message:)``.
    public func send(_ request: HTTPRequest) async throws(HTTPClientError) -> HTTPResponse {
        let host = try Self.check(request)
        guard !Task.isCancelled else { throw .cancelled }
        let cancellation = CurlCancellation()
        let configuration = configuration
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation {
                (continuation: CheckedContinuation<Result<HTTPResponse, HTTPClientError>, Never>) in
                // A dedicated thread, not the cooperative pool: curl_easy_perform blocks for the whole exchange.
                let thread = Thread {
                    continuation.resume(
                        returning: CurlTransfer.perform(
                            request, host: host, configuration: configuration, cancellation: cancellation))
                }
                thread.name = "medcred-http"
                thread.start()
            }
        } onCancel: {
            cancellation.cancel()
        }
        return try result.get()
    }

    /// Checks the URL and headers before any handle is made.
    /// - Returns: the URL's host.
    static func check(_ request: HTTPRequest) throws(HTTPClientError) -> String {
        let url = request.url
        guard !url.isEmpty, !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
            throw .invalidURL(redacted(url: url))
        }
        let host: String
        switch CurlURL.parse(url) {
        case .malformed: throw .invalidURL(redacted(url: url))
        case .unsupportedScheme: throw .unsupportedScheme
        case .url(let scheme, let parsedHost):
            guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme }
            host = parsedHost
        }
        for (name, value) in request.headers {
            guard isToken(name), !value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" })
            else { throw .invalidHeader(name: String(name.prefix(64)).filter { !$0.isNewline }) }
        }
        return host
    }

    /// RFC 9110 §5.6.2 `token`: the characters a field name may use.
    private static func isToken(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                        || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar))
            }
    }

    /// The URL for an error message: user information masked, at most 200 characters.
    static func redacted(url: String) -> String {
        var text = url
        if let schemeEnd = text.range(of: "://") {
            let authorityEnd = text[schemeEnd.upperBound...].firstIndex { "/?#".contains($0) } ?? text.endIndex
            if let at = text[schemeEnd.upperBound..<authorityEnd].lastIndex(of: "@") {
                text.replaceSubrange(schemeEnd.upperBound..<at, with: "***")
            }
        }
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
