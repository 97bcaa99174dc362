import Foundation
import MedCredClient
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

        let bundleWithoutKey = try CLIRunner.run(
            ["verify", licence, "--offline", "--log", logFile, "--bundle", logFile], environment: contexts)
        #expect(bundleWithoutKey.status == 64)
    }
}
