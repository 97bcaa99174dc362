import ArgumentParser
import Foundation

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
