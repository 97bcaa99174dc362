import Foundation
import MedCredTestSupport
import Testing

/// `medcred witness key` and `medcred witness serve`, run as the real binary.
@Suite struct WitnessCommandTests {
    private static let seed = String(repeating: "0", count: 64)
    /// The Ed25519 note key (type 0x01) of the all-zero seed, named log.example/medcred, as a log would use it.
    private static let logVKey = "log.example/medcred+78119760+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"
    static let witnessVKey = "witness.example/w1+e42b2f2c+BDtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"
    private static let environment = ["MEDCRED_PASSPHRASE": "witness passphrase"]

    private let folder: URL
    private var keyPath: String { folder.appendingPathComponent("witness-key.json").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("medcred-witness-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let made = try CLIRunner.run(
            ["did", "key", "generate", "--seed", Self.seed, "--out", keyPath], environment: Self.environment)
        #expect(made.status == 0, "\(made.stderr)")
    }

    @Test func printsTheWitnessVerifierKey() throws {
        let result = try CLIRunner.run(
            ["witness", "key", "--key", keyPath, "--name", "witness.example/w1"], environment: Self.environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "name: witness.example/w1\nvkey: \(Self.witnessVKey)\n")
        let json = try CLIRunner.run(
            ["witness", "key", "--key", keyPath, "--name", "witness.example/w1", "--json"],
            environment: Self.environment)
        #expect(json.stdout == "{\"name\":\"witness.example/w1\",\"vkey\":\"\(Self.witnessVKey)\"}\n")
    }

    @Test func refusesABadKeyName() throws {
        let result = try CLIRunner.run(
            ["witness", "key", "--key", keyPath, "--name", "has space"], environment: Self.environment)
        #expect(result.status == 65)
        #expect(result.stderr == "medcred: invalid --name 'has space': invalidKeyName(\"has space\")\n")
    }

    @Test(arguments: [
        (["--log", "no-equals"], "medcred: invalid --log 'no-equals': expected ORIGIN=VKEY\n"),
        (["--log", "=\(logVKey)"], "medcred: invalid --log '=\(logVKey)': expected ORIGIN=VKEY\n"),
        (["--log", "o=not-a-vkey"], "medcred: invalid --log 'o=not-a-vkey': malformedVerifierKey(\"not-a-vkey\")\n"),
        ([], "medcred: no --log given: the witness would follow no log\n"),
        (
            ["--log", "o=\(witnessVKey)"],
            "medcred: cannot configure the witness: logKeyTypeInvalid(origin: \"o\")\n"
        ),
    ])
    func refusesABadLogOption(_ extra: [String], _ message: String) throws {
        let result = try CLIRunner.run(
            ["witness", "serve", "--key", keyPath, "--name", "witness.example/w1", "--data", folder.path] + extra,
            environment: Self.environment)
        #expect(result.status == 65)
        #expect(result.stderr == message)
    }

    @Test func servesAndStopsGracefullyOnSIGTERM() throws {
        let data = folder.appendingPathComponent("state").path
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = [
            "witness", "serve", "--key", keyPath, "--name", "witness.example/w1", "--log",
            "log.example/medcred=\(Self.logVKey)", "--data", data, "--port", "0",
        ]
        process.environment = ProcessInfo.processInfo.environment.merging(Self.environment) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try ProcessLauncher.run(process)
        let printed = ServeProcess.readUntilListening(out)
        let lines = printed.split(separator: "\n").filter { !$0.contains("[HummingbirdCore]") }
        #expect(lines.prefix(2) == ["name: witness.example/w1", "vkey: \(Self.witnessVKey)"])
        #expect(lines.last?.hasPrefix("listening: http://127.0.0.1:") == true)
        #expect(lines.last?.hasSuffix(":0") == false)
        process.terminate()  // SIGTERM
        _ = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: data + "/witness.sqlite"))
    }
}
