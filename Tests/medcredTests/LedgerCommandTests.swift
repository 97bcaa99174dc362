import Foundation
import MedCredTestSupport
import Testing

/// `medcred ledger …` end to end: a real witness and a real ledger server, driven by the client commands.
@Suite struct LedgerCommandTests {
    /// The Ed25519 note key (type 0x01) of the all-zero seed named log.example/medcred.
    private static let logVKey = "log.example/medcred+78119760+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"
    private static let environment = ["MEDCRED_PASSPHRASE": "ledger passphrase"]

    private let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("medcred-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    private func run(_ arguments: [String]) throws -> CLIRunner.Output {
        try CLIRunner.run(arguments, environment: Self.environment)
    }

    private func makeKey(_ name: String, seed: Character) throws {
        let made = try run([
            "did", "key", "generate", "--seed", String(repeating: seed, count: 64), "--out", path(name),
        ])
        #expect(made.status == 0, "\(made.stderr)")
    }

    private func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        return path(name)
    }

    private var logOptions: [String] {
        ["--data", path("ledger"), "--key", path("log-key.json"), "--name", "log.example/medcred"]
    }

    @Test func servesPublishesProvesAndAudits() throws {
        try makeKey("log-key.json", seed: "0")
        try makeKey("witness-key.json", seed: "1")
        let witnessKey = try run(["witness", "key", "--key", path("witness-key.json"), "--name", "witness.example/w1"])
        let witnessVKey = try #require(witnessKey.stdout.split(separator: "\n").last?.split(separator: " ").last)
        let witness = try ServerProcess(
            [
                "witness", "serve", "--key", path("witness-key.json"), "--name", "witness.example/w1", "--log",
                "log.example/medcred=\(Self.logVKey)", "--data", path("witness"), "--port", "0",
            ],
            environment: Self.environment)
        defer { witness.stop() }
        for index in 0..<2 {
            let appended = try run(["ledger", "append"] + logOptions + [try write("entry\(index)", "entry \(index)")])
            #expect(appended.stdout == "index: \(index)\nsize:  \(index + 1)\n", "\(appended.stderr)")
        }
        let ledger = try ServerProcess(
            ["ledger", "serve"] + logOptions + [
                "--witness", "\(witness.url)=\(witnessVKey)", "--threshold", "1", "--publish-interval", "0.2",
                "--port", "0",
            ],
            environment: Self.environment)
        defer { ledger.stop() }
        #expect(ledger.printed.contains("vkey:   \(Self.logVKey)"))
        try waitForCheckpoint(server: ledger.url, size: 2, cosigned: true)

        let checked = try run(
            [
                "ledger", "checkpoint", "--server", ledger.url, "--log-key", Self.logVKey, "--out",
                path("old.checkpoint"),
            ])
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout.contains("size:         2\n"))
        #expect(checked.stdout.contains("cosignatures: 1\n"))

        let proof = try run(["ledger", "proof", "0", "--server", ledger.url, "--out", path("bundle")])
        #expect(proof.status == 0, "\(proof.stderr)")
        let verifyArguments = [
            "ledger", "verify-proof", path("bundle"), "--entry", path("entry0"), "--log-key", Self.logVKey,
            "--witness", String(witnessVKey), "--threshold", "1",
        ]
        let verified = try run(verifyArguments)
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(verified.stdout.hasPrefix("verified:  yes\n"))
        let json = try run(verifyArguments + ["--json"])
        #expect(json.stdout.contains("\"verified\":true"))

        for index in 2..<5 {
            let appended = try run(["ledger", "append"] + logOptions + [try write("entry\(index)", "entry \(index)")])
            #expect(appended.status == 0, "\(appended.stderr)")
        }
        try waitForCheckpoint(server: ledger.url, size: 5, cosigned: false)
        let audited = try run(
            [
                "ledger", "audit", "--server", ledger.url, "--from", path("old.checkpoint"), "--log-key", Self.logVKey,
                "--save", path("new.checkpoint"),
            ])
        #expect(audited.status == 0, "\(audited.stdout)\(audited.stderr)")
        #expect(audited.stdout.contains("from:   2\n") && audited.stdout.contains("added:  3\n"))
        #expect(audited.stdout.hasSuffix("result: OK\n"))
        let again = try run(
            [
                "ledger", "audit", "--server", ledger.url, "--from", path("new.checkpoint"), "--log-key", Self.logVKey,
                "--json",
            ])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("\"added\":\"0\"") && again.stdout.contains("\"result\":\"OK\""))

        try checkFailures(server: ledger.url, witnessVKey: String(witnessVKey))
        #expect(ledger.stop() == 0)
        #expect(witness.stop() == 0)
    }

    /// A wrong entry, a tampered bundle or checkpoint and a wrong log key fail (1); garbage is malformed (65).
    private func checkFailures(server: String, witnessVKey: String) throws {
        let verify = ["ledger", "verify-proof", path("bundle"), "--log-key", Self.logVKey, "--witness", witnessVKey]
        let wrongEntry = try run(verify + ["--entry", path("entry1")])
        #expect(wrongEntry.status == 1)
        #expect(wrongEntry.stdout.contains("inclusionProofInvalid"))
        let bundle = try String(contentsOfFile: path("bundle"), encoding: .utf8)
        let tampered = try write("tampered", bundle.replacingOccurrences(of: "\n2\n", with: "\n3\n"))
        let forged = try run(["ledger", "verify-proof", tampered, "--entry", path("entry0"), "--log-key", Self.logVKey])
        #expect(forged.status == 1)
        #expect(forged.stdout.contains("logSignatureInvalid"))
        let garbage = try run([
            "ledger", "verify-proof", try write("garbage", "not a proof\n\n"), "--entry",
            path("entry0"), "--log-key", Self.logVKey,
        ])
        #expect(garbage.status == 65)
        #expect(garbage.stderr.hasPrefix("medcred: the bundle is not a tlog-proof: "))

        let wrongKey = try run(["ledger", "checkpoint", "--server", server, "--log-key", witnessVKey])
        #expect(wrongKey.status == 1)
        #expect(wrongKey.stderr.hasPrefix("medcred: the served checkpoint is from origin 'log.example/medcred'"))
        let badKey = try run(["ledger", "checkpoint", "--server", server, "--log-key", "nope"])
        #expect(badKey.status == 65)
        let old = try String(contentsOfFile: path("old.checkpoint"), encoding: .utf8)
        let lines = old.split(separator: "\n", omittingEmptySubsequences: false)
        let rewritten = ([lines[0], "1"] + lines.dropFirst(2)).joined(separator: "\n")
        let audit = try run([
            "ledger", "audit", "--server", server, "--from", try write("bad.checkpoint", rewritten),
            "--log-key", Self.logVKey,
        ])
        #expect(audit.status == 1)
        let missing = try run(["ledger", "proof", "99", "--server", server])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("medcred: the ledger answered 404 to GET /ledger/bundles/99: "))
    }

    @Test func reportsAnUnreachableServerAsCouldNotCheck() throws {
        let checkpoint = try run(["ledger", "checkpoint", "--server", "http://127.0.0.1:1"])
        #expect(checkpoint.status == 2)
        #expect(checkpoint.stderr.hasPrefix("medcred: cannot reach the ledger: "))
        let proof = try run(["ledger", "proof", "0", "--server", "http://127.0.0.1:1"])
        #expect(proof.status == 2)
    }

    @Test func refusesABadWitnessOption() throws {
        try makeKey("log-key.json", seed: "0")
        let result = try run(["ledger", "serve"] + logOptions + ["--witness", "no-equals"])
        #expect(result.status == 65)
        #expect(result.stderr == "medcred: invalid --witness 'no-equals': expected URL=VKEY\n")
    }

    /// Polls `ledger checkpoint` until it has `size` entries (and a cosignature), for at most ten seconds.
    private func waitForCheckpoint(server: String, size: Int, cosigned: Bool) throws {
        let deadline = Date().addingTimeInterval(10)
        var last = ""
        while Date() < deadline {
            let result = try run(["ledger", "checkpoint", "--server", server])
            last = result.stdout + result.stderr
            let lines = result.stdout.split(separator: "\n")
            let signatures = lines.filter { $0.hasPrefix("— ") }.count
            if lines.count > 1, lines[1] == "\(size)", !cosigned || signatures >= 2 { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("no checkpoint of size \(size) (cosigned: \(cosigned)) within ten seconds; last: \(last)")
        throw CancellationError()
    }
}

/// A `medcred … serve` process: started, read until it prints its `listening:` line, stopped with SIGTERM.
final class ServerProcess {
    let process = Process()
    let printed: String
    let url: String
    private let out = Pipe()

    init(_ arguments: [String], environment: [String: String]) throws {
        process.executableURL = CLIRunner.executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try ProcessLauncher.run(process)
        var text = ""
        while !text.contains("listening: ") || !text.hasSuffix("\n") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        printed = text
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("listening: ") }) else {
            process.terminate()
            process.waitUntilExit()
            throw CocoaError(.fileReadUnknown)
        }
        url = String(line.dropFirst("listening: ".count))
    }

    /// Sends SIGTERM (once) and returns the exit status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning {
            process.terminate()
            _ = out.fileHandleForReading.readDataToEndOfFile()
        }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
