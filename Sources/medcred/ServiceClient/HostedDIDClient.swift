import Foundation
import MedCredClient
import MedCredCore
import MedCredLedger

/// The MedCred routes for DIDs a server hosts for their holders: `GET /healthz` (its `didDomain`), `POST /dids`,
/// `POST /dids/{did}/log` and `GET /people/{name}/did.jsonl`. Only signed entries are sent.
struct HostedDIDClient {
    let service: ServiceClient

    init(server: String) throws(CLIError) {
        guard server.httpOrigin != nil else {
            throw CLIError(description: "invalid server URL \(Terminal.quoted(server))", exitCode: 64)
        }
        service = ServiceClient(baseURL: server, token: nil)
    }

    /// The did:webvh domain part of the DIDs the server hosts.
    func didDomain() async throws(CLIError) -> String {
        let health = try await service.get("/healthz")
        guard let domain = health["didDomain"]?.stringValue, !domain.isEmpty else {
            throw CLIError(description: "\(service.baseURL) does not say which DID domain it hosts", exitCode: 2)
        }
        return domain
    }

    /// Posts the first entry; the server's answer `{did, versionId, ledgerIndex, log}`.
    func create(_ entry: WebVHLogEntry) async throws(CLIError) -> JSONValue {
        try await service.post("/dids", ["log": .string(entry.line)])
    }

    /// Posts the next entry of `did`'s log.
    func append(_ entry: WebVHLogEntry, to did: String) async throws(CLIError) -> JSONValue {
        try await service.post("/dids/\(did)/log", ["log": .string(entry.line)])
    }

    /// The hosted log of the DID at `/people/<name>`, parsed; a log that does not parse is an error.
    func log(name: String) async throws(CLIError) -> WebVHLog {
        let url = service.baseURL + "/people/\(name)/did.jsonl"
        let response: HTTPResponse
        do { response = try await service.http.send(HTTPRequest(method: .get, url: url, headers: [])) } catch {
            throw ServiceClient.transportError(error, baseURL: service.baseURL)
        }
        guard response.status == 200 else {
            throw ServiceProblem(status: response.status, json: try? JSONValue(parsing: response.body)).error
        }
        let log = WebVHLog(parsing: String(decoding: response.body, as: UTF8.self))
        if let failure = log.parseFailure {
            throw .failed("the log at \(url) does not parse: \(DIDWebVHText.describe(failure))")
        }
        return log
    }
}
