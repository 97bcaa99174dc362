public import MedCredCore

extension HTTPClient {
    /// Fetches a JSON document and parses it strictly (RFC 8259, I-JSON, no duplicate members).
    /// - Parameters:
    ///   - url: the `http` or `https` URL.
    ///   - headers: extra header fields (for example `Authorization`); `Accept: application/json` is added.
    /// - Returns: the parsed document.
    /// - Throws: ``HTTPClientError/unexpectedStatus(_:)`` for a status other than 2xx,
    ///   ``HTTPClientError/invalidJSON(_:)`` for a body that does not parse, or any error ``send(_:)`` throws.
    public func getJSON(_ url: String, headers: [(String, String)] = []) async throws(HTTPClientError) -> JSONValue {
        let response = try await send(
            HTTPRequest(method: .get, url: url, headers: [("Accept", "application/json")] + headers))
        guard response.isSuccess else { throw .unexpectedStatus(response.status) }
        do {
            return try JSONValue(parsing: response.body)
        } catch {
            throw .invalidJSON(error)
        }
    }

    /// Posts a JSON document and returns the response, whatever its status.
    /// - Parameters:
    ///   - url: the `http` or `https` URL.
    ///   - document: the body, sent as compact UTF-8 JSON with `Content-Type: application/json`.
    ///   - headers: extra header fields (for example `Authorization`).
    /// - Returns: the response.
    /// - Throws: any error ``send(_:)`` throws.
    public func postJSON(
        _ url: String, _ document: JSONValue, headers: [(String, String)] = []
    ) async throws(HTTPClientError) -> HTTPResponse {
        try await send(
            HTTPRequest(
                method: .post, url: url,
                headers: [("Content-Type", "application/json"), ("Accept", "application/json")] + headers,
                body: document.utf8Bytes))
    }
}
