import Foundation
import MedCredClient
import MedCredTestSupport
import Testing

/// `medcred serve` as people run it: the real binary, a temporary data folder, SIGTERM to stop.
@Suite struct ServeCommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("medcred-serve-\(UUID().uuidString)")

    /// Starts `medcred serve` and reads its first lines until it says where it listens.
    private func start(_ extra: [String] = []) throws -> (process: Process, output: Pipe, printed: [String], port: Int) {
        let serve = try ServeProcess.start(data: folder.path, extra: extra)
        return (serve.process, serve.output, serve.printed, serve.port)
    }

    /// The value of a `label: value` line.
    static func value(_ label: String, _ lines: [String]) -> String? {
        lines.first { $0.hasPrefix(label + ":") }.map { $0.dropFirst(label.count + 1).trimmingCharacters(in: .whitespaces) }
    }

    private func stop(_ process: Process, _ out: Pipe) {
        process.terminate()  // SIGTERM
        _ = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
    }

    @Test func firstStartWritesTheAdminTokenAndStopsGracefully() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try start()
        #expect(first.printed.contains { $0.hasPrefix("did:") && $0.contains("did:webvh:") })
        #expect(first.printed.contains { $0.hasPrefix("adminToken:") })
        #expect(first.port > 0)
        let token = try String(contentsOf: folder.appendingPathComponent("admin.token"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let mode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("admin.token").path)[
            .posixPermissions] as? Int
        #expect(mode == 0o600)
        let client = HTTPClient()
        let health = try await client.send(HTTPRequest(url: "http://127.0.0.1:\(first.port)/healthz"))
        #expect(health.status == 200)
        let issuers = try await client.send(
            HTTPRequest(
                url: "http://127.0.0.1:\(first.port)/admin/issuers", headers: [("Authorization", "Bearer \(token)")]))
        #expect(issuers.status == 200)
        stop(first.process, first.output)
        #expect(first.process.terminationReason == .exit)
        #expect(first.process.terminationStatus == 0)

        // A restart keeps the keys and the token, and does not print a new one.
        let second = try start()
        #expect(!second.printed.contains { $0.hasPrefix("adminToken:") })
        #expect(Self.value("did", second.printed) == Self.value("did", first.printed))
        let again = try await client.send(
            HTTPRequest(
                url: "http://127.0.0.1:\(second.port)/admin/issuers", headers: [("Authorization", "Bearer \(token)")]))
        #expect(again.status == 200)
        stop(second.process, second.output)
        #expect(second.process.terminationStatus == 0)
    }

    @Test(arguments: [
        (#"{"port": 8080, "colour": "blue"}"#, "config file: colour: unknown setting"),
        (#"{"port": "eighty"}"#, "config file: port: expected an integer"),
        (#"{"port": 1, "port": 2}"#, "duplicate member name"),
    ])
    func refusesABadConfigFile(_ settings: String, _ message: String) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("config.json")
        try Data(settings.utf8).write(to: file)
        let result = try CLIRunner.run(["serve", "--config", file.path, "--data", folder.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains(message))
    }

    @Test func refusesABadEnvironmentVariable() throws {
        let result = try CLIRunner.run(["serve", "--data", folder.path], environment: ["MEDCRED_PORT": "eighty"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("MEDCRED_PORT: expected a number"))
    }
}
