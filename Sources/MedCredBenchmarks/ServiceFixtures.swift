import Foundation
import MedCredClient
import MedCredCore
import MedCredCrypto

/// `MedCredBenchmarks service-fixtures URL ADMIN-TOKEN DIR LOGINS`: prepares the request bodies that
/// `tools/bench-service` replays with wrk against a running `medcred serve` — an accredited board and its
/// token, one licence draft, a batch of 1,000 drafts, an issued licence to verify, and LOGINS login bodies,
/// each with its own challenge, since challenges are single use.
func serviceFixtures(arguments: [String]) async throws {
    guard arguments.count == 4, let logins = Int(arguments[3]) else {
        throw FixtureError("usage: MedCredBenchmarks service-fixtures URL ADMIN-TOKEN DIR LOGINS")
    }
    let (base, admin, folder) = (arguments[0], arguments[1], URL(fileURLWithPath: arguments[2]))
    let client = HTTPClient()
    let board = try await post(
        client, base + "/admin/issuers", bearer: admin,
        body: [
            "name": "Benchmark Medical Board", "credentialTypes": ["MedicalLicenseCredential"],
            "jurisdiction": "US-CA",
        ])
    guard let token = board["token"]?.stringValue else { throw FixtureError("no issuer token: \(board.serialized())") }
    // The board is accredited from this second on; what it issues must not predate that.
    try await Task.sleep(for: .milliseconds(1100))
    try write(Array(token.utf8), folder, "issuer.token")

    let holderKey = Ed25519.PrivateKey()
    let holder = try DIDKey(publicKey: holderKey.publicKey)
    let draft = try licenceDraft(subject: holder.did.description)
    try write(JSONValue.object(["credential": draft]).utf8Bytes, folder, "issue.json")
    let batch = (0..<1000).map { _ in try? licenceDraft(subject: holder.did.description) }.compactMap { $0 }
    try write(JSONValue.object(["credentials": .array(batch)]).utf8Bytes, folder, "batch.json")

    let issued = try await post(client, base + "/credentials/issue", bearer: token, body: ["credential": draft])
    guard let licence = issued["verifiableCredential"] else { throw FixtureError("issue failed: \(issued.serialized())") }
    try write(JSONValue.object(["verifiableCredential": licence]).utf8Bytes, folder, "verify.json")

    // The same with eddsa-rdfc-2022 (issue #8): single and batch issue bodies, and a licence to verify.
    let rdfc: JSONValue = ["cryptosuite": "eddsa-rdfc-2022"]
    try write(JSONValue.object(["credential": draft, "options": rdfc]).utf8Bytes, folder, "issue-rdfc.json")
    try write(
        JSONValue.object(["credentials": .array(batch), "options": rdfc]).utf8Bytes, folder, "batch-rdfc.json")
    let issuedRDFC = try await post(
        client, base + "/credentials/issue", bearer: token, body: ["credential": draft, "options": rdfc])
    guard let rdfcLicence = issuedRDFC["verifiableCredential"] else {
        throw FixtureError("rdfc issue failed: \(issuedRDFC.serialized())")
    }
    try write(JSONValue.object(["verifiableCredential": rdfcLicence]).utf8Bytes, folder, "verify-rdfc.json")

    let signer = Ed25519Signer(privateKey: holderKey, verificationMethod: holder.verificationMethodID.description)
    var lines: [UInt8] = []
    for _ in 0..<logins {
        let challenge = try await post(client, base + "/challenges", bearer: nil, body: ["policy": "telemedicine-physician"])
        guard let nonce = challenge["challenge"]?.stringValue, let domain = challenge["domain"]?.stringValue else {
            throw FixtureError("no challenge: \(challenge.serialized())")
        }
        let presentation: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
            "holder": .string(holder.did.description), "verifiableCredential": [licence],
        ]
        let options = ProofOptions(
            proofPurpose: VerificationRelationship.authentication.rawValue, created: XSDDateTime(Date()),
            challenge: nonce, domain: [domain])
        let signed = try DataIntegrity.addProof(to: presentation, options: options, signer: signer)
        lines += JSONValue.object(["presentation": signed, "policy": "telemedicine-physician"]).utf8Bytes + [0x0A]
    }
    try write(lines, folder, "logins.jsonl")
    print("fixtures written to \(folder.path): issuer \(board["did"]?.stringValue ?? "?"), \(logins) logins")
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

private func licenceDraft(subject: String) throws -> JSONValue {
    var draft = try JSONValue(parsing: licenceDraftJSON)
    guard var object = draft.objectValue, var credentialSubject = object["credentialSubject"]?.objectValue else {
        throw FixtureError("bad draft")
    }
    object["@context"] = ["https://www.w3.org/ns/credentials/v2"]
    // No id: the service assigns one, so the same body can be issued again and again.
    object["id"] = nil
    // No validFrom: the service sets the issuance time, which is after the board's accreditation.
    object["validFrom"] = nil
    credentialSubject["id"] = .string(subject)
    object["credentialSubject"] = .object(credentialSubject)
    draft = .object(object)
    return draft
}

private func post(_ client: HTTPClient, _ url: String, bearer: String?, body: JSONValue) async throws -> JSONValue {
    var headers = [("Content-Type", "application/json")]
    if let bearer { headers.append(("Authorization", "Bearer \(bearer)")) }
    let response = try await client.send(HTTPRequest(method: .post, url: url, headers: headers, body: body.utf8Bytes))
    return try JSONValue(parsing: response.body)
}

private func write(_ bytes: [UInt8], _ folder: URL, _ name: String) throws {
    try Data(bytes).write(to: folder.appendingPathComponent(name))
}
