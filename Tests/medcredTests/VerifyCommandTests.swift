import Foundation
import MedCredCore
import MedCredTestSupport
import Testing

/// `medcred verify`: online through a real `medcred serve`, and `--offline` with the CLI's own verifier.
@Suite struct VerifyCommandTests {
    private let env = ["MEDCRED_PASSPHRASE": "test passphrase"]

    /// A did:key-signed licence made with `medcred credential sign`, in `folder`.
    private func signedLicence(in server: CLIServer, format: String = "di") throws -> String {
        let key = server.path("issuer.key")
        let generated = try CLIRunner.run(
            ["did", "key", "generate", "--seed", String(repeating: "22", count: 32), "--out", key], environment: env)
        #expect(generated.status == 0, "\(generated.stderr)")
        let draft = server.path("draft.json")
        let text = """
            {"@context": ["https://www.w3.org/ns/credentials/v2"],
             "type": ["VerifiableCredential", "MedicalLicenseCredential"],
             "credentialSubject": \(IssueCommandTests.subject())}
            """
        try text.write(toFile: draft, atomically: true, encoding: .utf8)
        let signed = server.path("signed.\(format)")
        let result = try CLIRunner.run(
            ["credential", "sign", draft, "--key", key, "--format", format, "--out", signed], environment: env)
        #expect(result.status == 0, "\(result.stderr)")
        return signed
    }

    private var contexts: [String: String] {
        get throws { ["MEDCRED_CONTEXTS": try Vectors.url("contexts").path] }
    }

    @Test(arguments: ["di", "jwt"])
    func verifiesADIDKeyCredentialOffline(format: String) throws {
        let server = try CLIServer.start()
        defer { server.stop() }
        let signed = try signedLicence(in: server, format: format)
        // --offline needs no server: point --server nowhere to prove it is not used.
        let result = try CLIRunner.run(
            ["verify", signed, "--offline", "--server", "http://127.0.0.1:1"], environment: try contexts,
            removing: CLIServer.environmentToClear)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        for check in ["parsing", "proof", "proofController", "dataModel", "validityPeriod", "schema"] {
            #expect(result.stdout.contains("✓ \(check)\n"), "missing \(check)")
        }
        let stdin = try CLIRunner.run(
            ["verify", "-", "--offline"], environment: try contexts, removing: CLIServer.environmentToClear,
            stdin: try String(contentsOfFile: signed, encoding: .utf8))
        #expect(stdin.status == 0, "\(stdin.stdout)")
    }

    @Test func aTamperedCredentialIsNotVerifiedOfflineOrOnline() throws {
        let server = try CLIServer.start()
        defer { server.stop() }
        let signed = try signedLicence(in: server)
        let text = try String(contentsOfFile: signed, encoding: .utf8).replacingOccurrences(
            of: "MD-12345", with: "MD-99999")
        let tampered = server.path("tampered.json")
        try text.write(toFile: tampered, atomically: true, encoding: .utf8)
        let offline = try CLIRunner.run(
            ["verify", tampered, "--offline"], environment: try contexts, removing: CLIServer.environmentToClear)
        #expect(offline.status == 1)
        #expect(offline.stdout.contains("✗ proof\n"), "\(offline.stdout)")
        let online = try server.run(["verify", tampered, "--json"])
        #expect(online.status == 1)
        let body = try JSONValue(parsing: online.stdout)
        #expect(body["verified"] == .bool(false))
        #expect(body["errors"]?.arrayValue?.contains { $0["check"]?.stringValue == "proof" } == true)
    }

    @Test func verifiesAPresentationOnlineAgainstChallengeAndDomain() throws {
        let server = try CLIServer.start()
        defer { server.stop() }
        let board = try server.createBoard()
        let holderKey = server.path("holder.key")
        let generated = try CLIRunner.run(
            ["did", "key", "generate", "--seed", String(repeating: "11", count: 32), "--out", holderKey, "--json"],
            environment: env)
        #expect(generated.status == 0, "\(generated.stderr)")
        let holder = try #require(try JSONValue(parsing: generated.stdout)["did"]?.stringValue)
        let licence = server.path("licence.json")
        _ = try IssueCommandTests.issue(server, tokenFile: board.tokenFile, format: "di", into: licence, holder: holder)
        let presentation = server.path("presentation.json")
        let signed = try CLIRunner.run(
            [
                "presentation", "sign", "--credential", licence, "--key", holderKey, "--challenge", "c-123", "--domain",
                "clinic.example", "--out", presentation,
            ], environment: env)
        #expect(signed.status == 0, "\(signed.stderr)")
        let good = try server.run(["verify", presentation, "--challenge", "c-123", "--domain", "clinic.example"])
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        #expect(good.stdout.hasPrefix("verified: yes\n"))
        let replayed = try server.run(["verify", presentation, "--challenge", "other", "--domain", "clinic.example"])
        #expect(replayed.status == 1, "\(replayed.stdout)")
        #expect(replayed.stdout.hasPrefix("verified: NO\n"))
    }

    @Test func cannotCheckWhenTheServerIsDownOrTheFileIsMissing() throws {
        let down = try CLIRunner.run(
            ["verify", "/dev/null", "--server", "http://127.0.0.1:1"], removing: CLIServer.environmentToClear,
            stdin: nil)
        #expect(down.status == 65 || down.status == 2)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vc-\(UUID().uuidString).json")
        try #"{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"]}"#.write(
            to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let unreachable = try CLIRunner.run(
            ["verify", file.path, "--server", "http://127.0.0.1:1"], removing: CLIServer.environmentToClear)
        #expect(unreachable.status == 2)
        #expect(unreachable.stderr.contains("cannot reach"), "\(unreachable.stderr)")
        let missing = try CLIRunner.run(["verify", "/nonexistent/vc.json"], removing: CLIServer.environmentToClear)
        #expect(missing.status == 2)
    }
}
