import Foundation
import MedCredClient
import MedCredCore

/// Resolves DIDs through a MedCred server's Universal Resolver route, `GET /1.0/identifiers/{did}`: how the
/// wallet checks a credential whose issuer is a did:webvh hosted by that server.
struct UniversalResolverClient: DIDResolver {
    let baseURL: String
    let client: HTTPClient

    func resolve(_ did: DID, versionTime: String?) async throws(DIDResolutionError) -> DIDDocument {
        // A parsed DID holds only URL-safe characters (its own %-escapes included), and the route takes the DID
        // as it is written, so it goes into the path unencoded.
        var url = baseURL + "/1.0/identifiers/" + did.description
        if let versionTime {
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~:"))
            url += "?versionTime=" + (versionTime.addingPercentEncoding(withAllowedCharacters: allowed) ?? versionTime)
        }
        let response: HTTPResponse
        do {
            response = try await client.send(
                HTTPRequest(
                    method: .get, url: url, headers: [("Accept", "application/did-resolution, application/json")]))
        } catch {
            throw .notFound(did)
        }
        guard response.status == 200, let json = try? JSONValue(parsing: response.body),
            let document = json["didDocument"]
        else { throw .notFound(did) }
        do { return try DIDDocument(json: document) } catch { throw .invalidDIDDocument(error) }
    }
}

extension String {
    /// `scheme://host[:port]` of an http(s) URL, for a server's other routes.
    var httpOrigin: String? {
        guard let components = URLComponents(string: self), let scheme = components.scheme,
            scheme == "http" || scheme == "https", let host = components.host
        else { return nil }
        return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }
}
