import Foundation
import MedCredCore
import MedCredTestSupport
import Testing

/// `medcred admin issuer create|list|rotate-key|rotate-token` and `medcred admin accredit` against a real
/// `medcred serve`.
@Suite struct AdminCommandTests {
    @Test func createsListsAndMaintainsAnIssuer() throws {
        let server = try CLIServer.start()
        defer { server.stop() }
        let tokenFile = server.path("board.token")
        let created = try server.run([
            "admin", "issuer", "create", "--name", "Medical Board of California", "--slug", "mbc", "--type",
            "MedicalLicenseCredential", "--jurisdiction", "US-CA", "--token-out", tokenFile,
        ])
        #expect(created.status == 0, "\(created.stderr)")
        let id = try #require(CLIServer.value("id", created.stdout))
        let did = try #require(CLIServer.value("did", created.stdout))
        #expect(did.hasPrefix("did:webvh:") && did.hasSuffix(":issuers:mbc"))
        #expect(CLIServer.value("tokenFile", created.stdout) == tokenFile)
        #expect(!created.stdout.contains("mc_iss_"), "the token went to the file, not stdout")
        let token = try String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(
            in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("mc_iss_"))
        let mode = try FileManager.default.attributesOfItem(atPath: tokenFile)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let listed = try server.run(["admin", "issuer", "list"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains(id) && listed.stdout.contains(did) && listed.stdout.contains("US-CA"))
        let json = try JSONValue(parsing: try server.run(["admin", "issuer", "list", "--json"]).stdout)
        #expect(json.arrayValue?.first?["did"]?.stringValue == did)

        let rotatedKey = try server.run(["admin", "issuer", "rotate-key", id])
        #expect(rotatedKey.status == 0, "\(rotatedKey.stderr)")
        #expect(CLIServer.value("keyVersion", rotatedKey.stdout) == "2")
        #expect(CLIServer.value("verificationMethod", rotatedKey.stdout)?.hasSuffix("#key-2") == true)

        // The new token is printed once: handing it over is the command's purpose. The old one stops working.
        let rotatedToken = try server.run(["admin", "issuer", "rotate-token", id])
        #expect(rotatedToken.status == 0, "\(rotatedToken.stderr)")
        let newToken = try #require(CLIServer.value("token", rotatedToken.stdout))
        #expect(newToken.hasPrefix("mc_iss_") && newToken != token)
        let old = try server.run(["status", "revoke", "urn:uuid:0", "--token-file", tokenFile], admin: false)
        #expect(old.status == 1)
        #expect(old.stderr.contains("token-revoked"), "\(old.stderr)")

        let unknown = try server.run(["admin", "issuer", "rotate-key", "iss_nobody"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("issuer-not-found"))
    }

    @Test func accreditsAnIssuerDID() throws {
        let server = try CLIServer.start()
        defer { server.stop() }
        let did = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
        let result = try server.run([
            "admin", "accredit", "--issuer", did, "--type", "PatientIdentityCredential", "--type",
            "MedicalLicenseCredential", "--jurisdiction", "US-NY", "--valid-until", "2030-01-01",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(CLIServer.value("issuer", result.stdout) == did)
        #expect(CLIServer.value("types", result.stdout) == "PatientIdentityCredential, MedicalLicenseCredential")
        #expect(CLIServer.value("validUntil", result.stdout) == "2030-01-01T00:00:00Z")
        #expect(CLIServer.value("ledgerIndex", result.stdout) != nil)

        let notADID = try server.run([
            "admin", "accredit", "--issuer", "board", "--type", "T", "--jurisdiction", "US-NY",
        ])
        #expect(notADID.status == 1)
        #expect(notADID.stderr.contains("invalid-did"))
        let badDate = try server.run([
            "admin", "accredit", "--issuer", did, "--type", "T", "--jurisdiction", "US-NY", "--valid-until", "soon",
        ])
        #expect(badDate.status == 64)
    }

    @Test func refusesABadAdminTokenAndAnUnreachableServer() throws {
        let server = try CLIServer.start()
        defer { server.stop() }
        let bad = try server.run(
            ["admin", "issuer", "list", "--token", CLIServer.unknownToken], admin: false)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("token-unknown"), "\(bad.stderr)")
        #expect(!bad.stderr.contains(CLIServer.unknownToken), "a token is never echoed")

        let down = try CLIRunner.run(
            ["admin", "issuer", "list", "--server", "http://127.0.0.1:1", "--token", "x"],
            removing: CLIServer.environmentToClear)
        #expect(down.status == 2)
        #expect(down.stderr.contains("cannot reach"), "\(down.stderr)")
    }
}

/// A real `medcred serve` on 127.0.0.1 with a temporary data folder, for the CLI tests of its clients.
final class CLIServer {
    /// Variables from the developer's shell that would change what the CLI talks to.
    static let environmentToClear = ["MEDCRED_SERVER", "MEDCRED_TOKEN"]
    /// A well-formed issuer token the server never issued.
    static let unknownToken = "mc_iss_000000000000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"

    let folder: URL
    let url: String
    private let process: Process
    private let output: Pipe

    private init(folder: URL, url: String, process: Process, output: Pipe) {
        self.folder = folder
        self.url = url
        self.process = process
        self.output = output
    }

    static func start() throws -> CLIServer {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("medcred-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let serve = try ServeProcess.start(data: folder.appendingPathComponent("data").path)
        let server = CLIServer(folder: folder, url: serve.url, process: serve.process, output: serve.output)
        guard server.url.hasPrefix("http://127.0.0.1:") else {
            server.stop()
            throw CLIServerError(
                description: "medcred serve did not start: \(serve.printed.joined(separator: "\n"))")
        }
        return server
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    var adminTokenFile: String { folder.appendingPathComponent("data/admin.token").path }

    /// Runs `medcred` against this server; with `admin`, the admin token file is given.
    func run(_ arguments: [String], admin: Bool = true, stdin: String? = nil) throws -> CLIRunner.Output {
        var extra = ["--server", url]
        let takesService = ["admin", "issue", "status"].contains(arguments.first ?? "")
        if admin, takesService, !arguments.contains("--token"), !arguments.contains("--token-file") {
            extra += ["--token-file", adminTokenFile]
        }
        return try CLIRunner.run(
            arguments + extra, environment: ["MEDCRED_CONTEXTS": try Vectors.url("contexts").path],
            removing: Self.environmentToClear, stdin: stdin)
    }

    /// Creates an issuer for MedicalLicenseCredential in US-CA; its DID and the file holding its token.
    func createBoard(slug: String = "mbc") throws -> (id: String, did: String, tokenFile: String) {
        let tokenFile = path("\(slug).token")
        let result = try run([
            "admin", "issuer", "create", "--name", "Board \(slug)", "--slug", slug, "--type",
            "MedicalLicenseCredential", "--jurisdiction", "US-CA", "--token-out", tokenFile,
        ])
        guard result.status == 0, let id = Self.value("id", result.stdout), let did = Self.value("did", result.stdout)
        else { throw CLIServerError(description: "admin issuer create failed: \(result.stderr)") }
        return (id, did, tokenFile)
    }

    func stop() {
        if process.isRunning { process.terminate() }  // SIGTERM
        _ = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The value of a `label: value` line of `printRecord` output.
    static func value(_ label: String, _ text: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix(label + ":") }.map {
            $0.dropFirst(label.count + 1).trimmingCharacters(in: .whitespaces)
        }
    }
}

struct CLIServerError: Error, CustomStringConvertible {
    let description: String
}
