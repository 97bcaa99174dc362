import MedCredClient
import MedCredService

/// Sends tlog-witness `add-checkpoint` requests over HTTP with the libcurl client.
///
/// ``WitnessEndpoint/url`` is the witness's base URL; the request goes to `<url>/add-checkpoint`.
struct HTTPWitnessTransport: WitnessTransport {
    let client: HTTPClient

    init(client: HTTPClient = HTTPClient()) {
        self.client = client
    }

    func addCheckpoint(witness: WitnessEndpoint, body: [UInt8]) async throws -> (status: Int, body: [UInt8]) {
        var base = witness.url
        while base.hasSuffix("/") { base.removeLast() }
        let request = HTTPRequest(
            method: .post, url: base + "/add-checkpoint", headers: [("Content-Type", "text/plain; charset=utf-8")],
            body: body)
        let response = try await client.send(request)
        return (response.status, response.body)
    }
}
