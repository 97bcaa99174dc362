// medcred-ledger-stress <db-path> <count> [--concurrency N]
//
// Appends `count` entries to the ledger database from N concurrent tasks and prints `ack <index> <label>` on
// standard output after each append is acknowledged (one unbuffered write per line). The crash test kills it
// with SIGKILL at random points and checks that every acknowledged label is stored at its index.
//
// Entry content is a pure function of the label (see `StressEntry`), and labels name the run by the size the
// log had when it started: `s<start>-t<task>-<sequence>`.
import Foundation
import MedCredLedger
import MedCredStore

/// The content of a stress entry: deterministic, of varying length, and naming its label.
enum StressEntry {
    static func content(label: String) -> [UInt8] {
        let padding = label.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) % 977 }
        return Array("{\"stress\":\"\(label)\",\"pad\":\"\(String(repeating: "x", count: padding))\"}".utf8)
    }
}

struct StressOptions {
    var path: String
    var count: Int
    var concurrency = 4

    init(arguments: [String]) throws(StressUsageError) {
        var positional: [String] = []
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--concurrency" {
                guard let value = rest.popFirst().flatMap({ Int($0) }), value > 0 else { throw .badConcurrency }
                concurrency = value
            } else {
                positional.append(argument)
            }
        }
        guard positional.count == 2, let count = Int(positional[1]), count >= 0 else { throw .usage }
        path = positional[0]
        self.count = count
    }
}

enum StressUsageError: Error {
    case usage
    case badConcurrency
}

func writeLine(_ line: String, to handle: FileHandle = .standardOutput) {
    handle.write(Data((line + "\n").utf8))
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}

let options: StressOptions
do {
    options = try StressOptions(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    writeLine("usage: medcred-ledger-stress <db-path> <count> [--concurrency N]", to: .standardError)
    exit(64)
}

do {
    let configuration = LedgerStore.Configuration(checkpointNote: { size, root in
        "medcred-ledger-stress\n\(size)\n\(hex(root))\n"
    })
    let store = try LedgerStore(path: options.path, configuration: configuration)
    let start = try await store.size()
    try await withThrowingTaskGroup(of: Void.self) { group in
        for task in 0..<options.concurrency {
            let share = options.count / options.concurrency + (task < options.count % options.concurrency ? 1 : 0)
            group.addTask {
                for sequence in 0..<share {
                    let label = "s\(start)-t\(task)-\(sequence)"
                    let index = try await store.append(StressEntry.content(label: label))
                    writeLine("ack \(index) \(label)")
                }
            }
        }
        try await group.waitForAll()
    }
    writeLine("done \(try await store.size())")
    try store.close()
} catch {
    writeLine("medcred-ledger-stress: \(error)", to: .standardError)
    exit(1)
}
