import Foundation
import MedCredClient
import MedCredCore
import MedCredTestSupport
import Testing

/// `medcred verify --offline --log did.jsonl`: a licence signed by a board's hosted did:webvh key verifies
/// with no server, from the board's log file; without the log, or with a damaged one, it does not.
@Suite struct VerifyOfflineWebVHTests {
    @Test func verifiesADIDWebVHSignedLicenceFromItsLogFile() async throws {
        let server = try CLIServer.start()
        defer { server.stop() }
        let board = try server.createBoard(slug: "offline-board")
        let licence = server.path("licence.json")
        _ = try IssueCommandTests.issue(server, tokenFile: board.tokenFile, format: "di", into: licence)
        let log = try await HTTPClient().send(HTTPRequest(url: server.url + "/issuers/offline-board/did.jsonl"))
        #expect(log.status == 200)
        let logFile = server.path("did.jsonl")
        try Data(log.body).write(to: URL(fileURLWithPath: logFile))
        let contexts = ["MEDCRED_CONTEXTS": try Vectors.url("contexts").path]

        let verified = try CLIRunner.run(
            ["verify", licence, "--offline", "--log", logFile, "--server", "http://127.0.0.1:9"],
            environment: contexts)
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(verified.stdout.contains("proof"))

        let withoutLog = try CLIRunner.run(["verify", licence, "--offline"], environment: contexts)
        #expect(withoutLog.status == 1, "\(withoutLog.stdout)\(withoutLog.stderr)")

        let damaged = server.path("damaged.jsonl")
        try Data(log.body.dropLast(40)).write(to: URL(fileURLWithPath: damaged))
        let refused = try CLIRunner.run(["verify", licence, "--offline", "--log", damaged], environment: contexts)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("is not a valid did:webvh log"))

        // The anchor: the tlog-proof the service gives in the DID's resolution metadata, and the ledger's vkey.
        let health = try JSONValue(parsing: try await HTTPClient().send(HTTPRequest(url: server.url + "/healthz")).body)
        let ledgerKey = try #require(health["ledgerKey"]?.stringValue)
        let resolution = try await HTTPClient().send(HTTPRequest(url: server.url + "/1.0/identifiers/" + board.did))
        let proof = try #require(
            try JSONValue(parsing: resolution.body)["didDocumentMetadata"]?["anchor"]?["proof"]?.stringValue)
        let bundle = server.path("anchor.tlog")
        try proof.write(toFile: bundle, atomically: true, encoding: .utf8)
        let anchored = try CLIRunner.run(
            ["verify", licence, "--offline", "--log", logFile, "--bundle", bundle, "--ledger-key", ledgerKey],
            environment: contexts)
        #expect(anchored.status == 0, "\(anchored.stdout)\(anchored.stderr)")
        #expect(anchored.stdout.contains("anchor"))
        let otherKey = "other.example/ledger+01234567+AYr0hKXb6YkGOhJy3ECEeKf2pd9ZVs8FpC0ZbqBdPoxU"
        let wrongKey = try CLIRunner.run(
            ["verify", licence, "--offline", "--log", logFile, "--bundle", bundle, "--ledger-key", otherKey],
            environment: contexts)
        #expect(wrongKey.status != 0)

        // A witness policy: this server has no witnesses, so its checkpoints carry no cosignature.
        let witnessKey = WitnessCommandTests.witnessVKey
        let unwitnessed = try CLIRunner.run(
            [
                "verify", licence, "--offline", "--log", logFile, "--bundle", bundle, "--ledger-key", ledgerKey,
                "--witness", witnessKey,
            ], environment: contexts)
        #expect(unwitnessed.status == 1, "\(unwitnessed.stdout)\(unwitnessed.stderr)")
        #expect(unwitnessed.stdout.contains("cosigned by 0 of the named witnesses; 1 required"), "\(unwitnessed.stdout)")
        let noneRequired = try CLIRunner.run(
            [
                "verify", licence, "--offline", "--log", logFile, "--bundle", bundle, "--ledger-key", ledgerKey,
                "--witness", witnessKey, "--witness-threshold", "0",
            ], environment: contexts)
        #expect(noneRequired.status == 0, "\(noneRequired.stdout)\(noneRequired.stderr)")
        let tooMany = try CLIRunner.run(
            [
                "verify", licence, "--offline", "--log", logFile, "--bundle", bundle, "--ledger-key", ledgerKey,
                "--witness", witnessKey, "--witness-threshold", "2",
            ], environment: contexts)
        #expect(tooMany.status == 64, "\(tooMany.stderr)")

        let bundleWithoutKey = try CLIRunner.run(
            ["verify", licence, "--offline", "--log", logFile, "--bundle", logFile], environment: contexts)
        #expect(bundleWithoutKey.status == 64)
    }
}
