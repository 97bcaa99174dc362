import MedCredClient
import MedCredCore
import MedCredService

/// Why a fetch over HTTP did not return a document.
struct HTTPFetchError: Error, CustomStringConvertible {
    let url: String
    let reason: String
    var description: String { "\(url): \(reason)" }
}

/// did:web documents over HTTPS with the libcurl client.
struct HTTPDIDWebFetcher: DIDWebDocumentFetcher {
    let client: HTTPClient

    func fetch(url: String) async throws -> [UInt8] {
        try await HTTPFetch.body(client, url: url, accept: "application/did+json, application/json")
    }
}

/// Remote status list credentials with the libcurl client.
struct HTTPStatusListFetcher: StatusListFetcher {
    let client: HTTPClient

    func fetch(_ url: String) async throws -> JSONValue {
        let body = try await HTTPFetch.body(client, url: url, accept: "application/vc, application/json")
        do { return try JSONValue(parsing: body) } catch { throw HTTPFetchError(url: url, reason: "\(error)") }
    }
}

enum HTTPFetch {
    static func body(_ client: HTTPClient, url: String, accept: String) async throws -> [UInt8] {
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
            throw HTTPFetchError(url: url, reason: "only http(s) URLs are fetched")
        }
        let response = try await client.send(HTTPRequest(method: .get, url: url, headers: [("Accept", accept)]))
        guard response.status == 200 else { throw HTTPFetchError(url: url, reason: "HTTP status \(response.status)") }
        return response.body
    }
}
