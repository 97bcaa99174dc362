import Foundation
import MedCredTestSupport

/// Runs the `medcred-ledger-stress` binary built next to the test bundle.
enum StressRunner {
    /// What one run acknowledged before it ended or was killed.
    struct Run {
        /// Acknowledged leaf index → the label whose entry was appended there.
        var acknowledged: [UInt64: String] = [:]
        var finished: Bool
        var status: Int32
        var stderr: String
    }

    /// The executable in the build products folder (the test target depends on it).
    static var executable: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        // On Linux the runner is <products>/MedCredPackageTests.xctest; on macOS it sits inside a bundle.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("medcred-ledger-stress").path),
            folder.path != "/"
        {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("medcred-ledger-stress")
    }

    /// Starts the binary, sends it SIGKILL once it has acknowledged `killAfter` appends (`nil`: let it finish),
    /// and returns every acknowledgement it printed.
    static func run(path: String, count: Int, concurrency: Int, killAfter: Int?, stderrFile: URL) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = [path, String(count), "--concurrency", String(concurrency)]
        let out = Pipe()
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        process.standardInput = FileHandle.nullDevice
        try ProcessLauncher.run(process)
        var buffer = Data()
        if let killAfter {
            while acknowledgements(in: buffer) < killAfter {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
            }
            kill(process.processIdentifier, SIGKILL)
        }
        buffer.append(out.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        var run = Run(
            finished: false, status: process.terminationStatus,
            stderr: (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "")
        // Only complete lines count: a line cut off by the kill was never an acknowledgement.
        let text = String(decoding: buffer, as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            let fields = line.split(separator: " ")
            if fields.count == 3, fields[0] == "ack", let index = UInt64(fields[1]) {
                run.acknowledged[index] = String(fields[2])
            } else if fields.first == "done" {
                run.finished = true
            }
        }
        return run
    }

    private static func acknowledgements(in data: Data) -> Int {
        data.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }

    /// The entry the stress binary appends for `label` (mirrors `StressEntry.content` in its main.swift).
    static func content(label: String) -> [UInt8] {
        let padding = label.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) % 977 }
        return Array("{\"stress\":\"\(label)\",\"pad\":\"\(String(repeating: "x", count: padding))\"}".utf8)
    }
}
