import Foundation
import MedCredTestSupport

/// A `medcred serve` subprocess on 127.0.0.1, port 0, over `data`, as the CLI tests run it: started, read until
/// it says where it listens (a blocking read, no sleeps), stopped with SIGTERM.
struct ServeProcess {
    let process: Process
    let output: Pipe
    /// The lines it printed before listening (did, data, adminToken, listening).
    let printed: [String]
    /// `http://127.0.0.1:<port>`, or empty when it did not start.
    let url: String

    /// Starts the server; `extra` arguments are appended. With a `port`, the public URL names it, so the
    /// status list and DID URLs the server writes into credentials reach it.
    static func start(data: String, port: Int = 0, extra: [String] = []) throws -> ServeProcess {
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments =
            [
                "serve", "--data", data, "--port", String(port), "--public-url",
                "http://medcred.localhost:\(port == 0 ? 8080 : port)",
                "--contexts", try Vectors.url("contexts").path, "--log-level", "warning",
            ] + extra
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try ProcessLauncher.run(process)
        let printed = readUntilListening(out)
        let lines = printed.split(separator: "\n").map(String.init)
        let address = lines.last { $0.hasPrefix("listening: ") }.map { String($0.dropFirst("listening: ".count)) }
        return ServeProcess(process: process, output: out, printed: lines, url: address ?? "")
    }

    /// What a starting server (`serve` or `witness serve`) printed up to and including its `listening:` line: a
    /// blocking read, no sleeps; less when it exits first.
    static func readUntilListening(_ output: Pipe) -> String {
        var printed = ""
        while !printed.contains("listening: ") || !printed.hasSuffix("\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        return printed
    }

    /// The port it listens on, or 0.
    var port: Int { Int(url.split(separator: ":").last ?? "") ?? 0 }

    /// SIGTERM, then waits for the process to exit.
    func stop() {
        if process.isRunning { process.terminate() }
        _ = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
    }
}
