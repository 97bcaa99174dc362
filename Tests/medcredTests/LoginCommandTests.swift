import Foundation
import MedCredClient
import MedCredCore
import MedCredTestSupport
import Testing

/// `medcred login` against a real `medcred serve` subprocess on 127.0.0.1, with a wallet in a temporary folder:
/// a board onboarded with the admin token issues a licence to the wallet's DID, the holder receives it and logs
/// in; after the board suspends it the login is refused; with the server gone the login cannot reach it.
@Suite struct LoginCommandTests {
    let box: WalletSandbox
    let data: URL

    init() throws {
        box = try WalletSandbox()
        data = box.folder.appendingPathComponent("server")
    }

    /// A running `medcred serve`: its process, output pipe, base URL and admin token.
    struct Server {
        let process: Process
        let output: Pipe
        let url: String
        let adminToken: String

        func stop() {
            process.terminate()
            _ = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
        }
    }

    private func start(port: Int = 0) throws -> Server {
        let serve = try ServeProcess.start(data: data.path, port: port)
        let port = serve.port
        try #require(port > 0)
        let token = try String(contentsOf: data.appendingPathComponent("admin.token"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return Server(process: serve.process, output: serve.output, url: "http://127.0.0.1:\(port)", adminToken: token)
    }

    private func post(_ server: Server, _ path: String, _ body: JSONValue, bearer: String) async throws -> (
        Int, JSONValue
    ) {
        let response = try await HTTPClient().postJSON(
            server.url + path, body, headers: [("Authorization", "Bearer \(bearer)")])
        return (response.status, (try? JSONValue(parsing: response.body)) ?? .null)
    }

    /// Onboards a board (unless its `token` is given) and issues a physician licence to `holder`; returns the
    /// board token and the licence.
    private func issueLicence(
        _ server: Server, holder: String, format: String = "di", id: String? = nil, token given: String? = nil
    ) async throws -> (token: String, licence: JSONValue) {
        let token: String
        if let given {
            token = given
        } else {
            let (status, board) = try await post(
                server, "/admin/issuers",
                [
                    "name": "Medical Board of California", "credentialTypes": ["MedicalLicenseCredential"],
                    "jurisdiction": "US-CA",
                ], bearer: server.adminToken)
            #expect(status == 201, "\(board.serialized())")
            token = try #require(board["token"]?.stringValue)
        }
        var draft: JSONValue = [
            "@context": [.string(KnownContexts.credentialsV2), .string(MedCredContexts.credentialsV1)],
            "type": ["VerifiableCredential", "MedicalLicenseCredential"],
            "validUntil": "2036-01-01T00:00:00Z",
            "credentialSubject": [
                "id": .string(holder), "licensee": ["familyName": "Okafor", "givenName": "Adaeze"],
                "profession": "physician", "licenseNumber": "MD-12345", "jurisdiction": "US-CA",
                "licensingBoard": ["name": "Medical Board of California"], "originalLicensureDate": "2014-07-01",
                "specialty": "Internal Medicine",
            ],
        ]
        if let id { draft.setMember("id", .string(id)) }
        let (issued, body) = try await post(
            server, "/credentials/issue", ["credential": draft, "options": ["format": .string(format)]], bearer: token)
        #expect(issued == 201, "\(body.serialized())")
        return (token, try #require(body["verifiableCredential"]))
    }

    @Test func logsInThenIsRefusedAfterSuspensionAndCannotReachAStoppedServer() async throws {
        defer { box.remove() }
        let server = try start()
        var running = true
        defer { if running { server.stop() } }
        let did = try box.initWithDID()
        let (token, licence) = try await issueLicence(server, holder: did)
        let file = try box.write("licence.json", licence.serialized())
        let received = try box.run(
            ["credential", "receive", file, "--resolver", server.url, "--wallet", box.wallet])
        #expect(received.status == 0, "\(received.stdout)\(received.stderr)")
        #expect(received.stdout.contains("verified: yes"))

        let login = try box.run(["login", server.url, "--policy", "telemedicine-physician", "--wallet", box.wallet])
        #expect(login.status == 0, "\(login.stderr)")
        #expect(login.stdout.contains("holder:") && login.stdout.contains(did))
        #expect(login.stdout.contains("policy:") && login.stdout.contains("telemedicine-physician"))
        #expect(login.stdout.contains("expiresAt:"))
        #expect(login.stdout.contains("MD-12345"))
        #expect(!login.stdout.contains("token"), "the token is printed only on request")
        let json = try box.run(
            ["login", server.url + "/", "--policy", "telemedicine-physician", "--wallet", box.wallet, "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let session = try JSONValue(parsing: json.stdout)
        #expect(session["holder"]?.stringValue == did)
        let sessionToken = try #require(session["token"]?.stringValue)
        let check = try await HTTPClient().send(
            HTTPRequest(url: server.url + "/auth/session", headers: [("Authorization", "Bearer \(sessionToken)")]))
        #expect(check.status == 200)

        let credentialID = try #require(licence["id"]?.stringValue)
        let (suspended, answer) = try await post(
            server, "/credentials/status", ["credentialId": .string(credentialID), "action": "suspend"], bearer: token)
        #expect(suspended == 200, "\(answer.serialized())")
        let refused = try box.run(["login", server.url, "--policy", "telemedicine-physician", "--wallet", box.wallet])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("medcred: login refused: "), "\(refused.stderr)")
        #expect(refused.stderr.lowercased().contains("suspend"), "\(refused.stderr)")
        #expect(refused.stdout.isEmpty)

        server.stop()
        running = false
        let down = try box.run(["login", server.url, "--policy", "telemedicine-physician", "--wallet", box.wallet])
        #expect(down.status == 2)
        #expect(down.stderr.hasPrefix("medcred: cannot reach \(server.url): "), "\(down.stderr)")
    }

    /// A professional whose DID is a did:webvh hosted by the server logs in with a licence issued to it: the
    /// presentation is signed with the authentication key of the DID's current document, in any suite.
    @Test func aHostedDIDWebVHHolderLogsIn() async throws {
        defer { box.remove() }
        let server = try start()
        defer { server.stop() }
        _ = try box.run(["wallet", "init", "--wallet", box.wallet])
        let created = try box.run([
            "did", "create", "--method", "webvh", "--server", server.url, "--name", "dr-ada", "--pre-rotation",
            "--wallet", box.wallet, "--json",
        ])
        #expect(created.status == 0, "\(created.stderr)")
        let did = try #require(try JSONValue(parsing: created.stdout)["did"]?.stringValue)
        let listed = try box.run(["wallet", "list", "--wallet", box.wallet, "--json"])
        #expect(try JSONValue(parsing: listed.stdout)["hostedDIDs"]?[0]?["did"]?.stringValue == did)
        #expect(!listed.stdout.contains("secretKeyMultibase"))

        let (_, licence) = try await issueLicence(server, holder: did)
        let file = try box.write("licence.json", licence.serialized())
        let unresolved = try box.run(["credential", "receive", file, "--wallet", box.wallet])
        #expect(unresolved.status == 2)
        #expect(unresolved.stderr.contains("give --resolver URL"), "\(unresolved.stderr)")
        let received = try box.run(["credential", "receive", file, "--resolver", server.url, "--wallet", box.wallet])
        #expect(received.status == 0, "\(received.stdout)\(received.stderr)")
        #expect(!received.stderr.contains("not a wallet DID"), "\(received.stderr)")

        for suite in ["eddsa-jcs-2022", "eddsa-rdfc-2022"] {
            let login = try box.run([
                "login", server.url, "--policy", "telemedicine-physician", "--cryptosuite", suite, "--wallet",
                box.wallet, "--json",
            ])
            #expect(login.status == 0, "\(suite): \(login.stderr)")
            #expect(try JSONValue(parsing: login.stdout)["holder"]?.stringValue == did)
        }
        // After a key rotation the document still lists the same authentication key, and logins go on working.
        let rotated = try box.run(["did", "update", "--server", server.url, "--did", did, "--rotate", "--wallet", box.wallet])
        #expect(rotated.status == 0, "\(rotated.stderr)")
        let again = try box.run(["login", server.url, "--policy", "telemedicine-physician", "--wallet", box.wallet])
        #expect(again.status == 0, "\(again.stderr)")
    }

    /// `credential receive` looks the licence up in its status list: suspended, it is refused and not stored;
    /// reinstated, it is received.
    @Test func receiveRefusesASuspendedLicence() async throws {
        defer { box.remove() }
        let server = try start(port: Int.random(in: 20_000...29_999))
        defer { server.stop() }
        let did = try box.initWithDID()
        let (token, licence) = try await issueLicence(server, holder: did)
        let id = try #require(licence["id"]?.stringValue)
        let file = try box.write("licence.json", licence.serialized())
        let (suspended, _) = try await post(
            server, "/credentials/status", ["credentialId": .string(id), "action": "suspend"], bearer: token)
        #expect(suspended == 200)
        let refused = try box.run(["credential", "receive", file, "--resolver", server.url, "--wallet", box.wallet])
        #expect(refused.status == 1, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.stderr.contains("status: suspended"), "\(refused.stderr)")
        let listed = try box.run(["wallet", "list", "--wallet", box.wallet, "--json"])
        #expect(try JSONValue(parsing: listed.stdout)["credentials"]?.arrayValue?.isEmpty == true)
        let (reinstated, _) = try await post(
            server, "/credentials/status", ["credentialId": .string(id), "action": "reinstate"], bearer: token)
        #expect(reinstated == 200)
        let received = try box.run(["credential", "receive", file, "--resolver", server.url, "--wallet", box.wallet])
        #expect(received.status == 0, "\(received.stdout)\(received.stderr)")
        #expect(!received.stderr.contains("status was not checked"), "\(received.stderr)")

        // The same for an SD-JWT VC: its status claim points at the same kind of list.
        let sdJWTID = "urn:uuid:" + UUID().uuidString.lowercased()
        let (_, sdJWT) = try await issueLicence(server, holder: did, format: "sd-jwt", id: sdJWTID, token: token)
        let sdJWTFile = try box.write("licence.sd-jwt", try #require(sdJWT.stringValue))
        let (revoked, _) = try await post(
            server, "/credentials/status", ["credentialId": .string(sdJWTID), "action": "revoke"], bearer: token)
        #expect(revoked == 200)
        let refusedSDJWT = try box.run(
            ["credential", "receive", sdJWTFile, "--resolver", server.url, "--wallet", box.wallet])
        #expect(refusedSDJWT.status == 1, "\(refusedSDJWT.stdout)\(refusedSDJWT.stderr)")
        #expect(refusedSDJWT.stderr.contains("revoked"), "\(refusedSDJWT.stderr)")
    }

    /// `admin rotate-service-key`: the service DID's new key signs sessions, and still does after a restart.
    @Test func aRotatedServiceKeySignsSessionsAcrossARestart() async throws {
        defer { box.remove() }
        var server = try start()
        var running = true
        defer { if running { server.stop() } }
        let did = try box.initWithDID()
        let (_, licence) = try await issueLicence(server, holder: did)
        let file = try box.write("licence.json", licence.serialized())
        #expect(try box.run(["credential", "receive", file, "--resolver", server.url, "--wallet", box.wallet]).status == 0)
        let rotated = try box.run([
            "admin", "rotate-service-key", "--server", server.url, "--token-file", data.appendingPathComponent("admin.token").path,
            "--json",
        ])
        #expect(rotated.status == 0, "\(rotated.stderr)")
        let method = try #require(try JSONValue(parsing: rotated.stdout)["verificationMethod"]?.stringValue)
        #expect(method.hasSuffix("#key-2"), "\(method)")

        server.stop()
        running = false
        server = try start()
        running = true
        let login = try box.run([
            "login", server.url, "--policy", "telemedicine-physician", "--wallet", box.wallet, "--json", "--show-token",
        ])
        #expect(login.status == 0, "\(login.stderr)")
        let token = try #require(try JSONValue(parsing: login.stdout)["token"]?.stringValue)
        let header = try JSONValue(parsing: Base64URL.decode(String(try #require(token.split(separator: ".").first))))
        #expect(header["kid"]?.stringValue == method)
    }

    @Test func refusesWithoutAMatchingCredentialAndNamesUnknownPolicies() async throws {
        defer { box.remove() }
        let server = try start()
        defer { server.stop() }
        _ = try box.initWithDID()
        let none = try box.run(["login", server.url, "--policy", "telemedicine-physician", "--wallet", box.wallet])
        #expect(none.status == 1)
        #expect(none.stderr.contains("holds no MedicalLicenseCredential"), "\(none.stderr)")
        let unknown = try box.run(["login", server.url, "--policy", "no-such-policy", "--wallet", box.wallet])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown-policy"), "\(unknown.stderr)")
    }

    @Test func receivesACredentialByURLResolvingTheIssuerAtThatServer() async throws {
        defer { box.remove() }
        let server = try start()
        defer { server.stop() }
        let did = try box.initWithDID()
        let (_, licence) = try await issueLicence(server, holder: did)
        // The status list credential the licence points to is public: a credential anyone can fetch.
        let published = try #require(licence["credentialStatus"]?[0]?["statusListCredential"]?.stringValue)
        let path = try #require(URLComponents(string: published)?.path)
        let received = try box.run(["credential", "receive", server.url + path, "--wallet", box.wallet])
        #expect(received.status == 0, "\(received.stdout)\(received.stderr)")
        #expect(received.stdout.contains("verified: yes"))
        #expect(received.stderr.contains("warning: the credential's subject is not one of the wallet's DIDs"))
        let missing = try box.run(
            ["credential", "receive", server.url + "/status-lists/nope", "--wallet", box.wallet])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("medcred: cannot fetch the credential: "), "\(missing.stderr)")
    }
}
