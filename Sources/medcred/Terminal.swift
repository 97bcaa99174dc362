import ArgumentParser
import Foundation
import MedCredCore

/// Standard output and error for commands; stdout carries results, stderr diagnostics only.
enum Terminal {
    static func printLine(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func printError(_ text: String) {
        // One line: a multi-line message would break scripts that read the first line.
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        FileHandle.standardError.write(Data((oneLine + "\n").utf8))
    }

    static func exit(code: Int32) -> Never {
        Foundation.exit(code)
    }
}

/// Options every command shares.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print machine-readable JSON on stdout.")
    var json = false
}

extension Terminal {
    /// Prints named fields: aligned `name: value` lines, or one JSON object with `--json`.
    static func printRecord(_ fields: [(String, String)], json: Bool) {
        if json {
            printLine(JSONValue.object(JSONObject(fields.map { ($0.0, JSONValue.string($0.1)) })).serialized())
            return
        }
        let width = (fields.map(\.0.count).max() ?? 0) + 1
        for (name, value) in fields {
            printLine((name + ":").padding(toLength: width, withPad: " ", startingAt: 0) + " " + value)
        }
    }

    /// Quotes user input for an error message, cut to a readable length and with control characters escaped.
    static func quoted(_ text: String, limit: Int = 80) -> String {
        let escaped = text.unicodeScalars.map { scalar in
            scalar.value < 0x20 || scalar.value == 0x7f ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
        return "'" + (escaped.count > limit ? escaped.prefix(limit) + "…" : escaped) + "'"
    }
}
