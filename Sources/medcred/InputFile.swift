import Foundation

/// Reads a command's input document: a path, or `-` for standard input, with a size cap so a wrong file
/// (a disk image, a log) fails fast with a clear message.
enum InputFile {
    static let maximumBytes = 1 << 20

    static func read(_ path: String, what: String) throws(CLIError) -> [UInt8] {
        let data: Data?
        if path == "-" {
            data = try? FileHandle.standardInput.readToEnd() ?? Data()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                throw .failed("cannot read the \(what) \(Terminal.quoted(path)): no such file")
            }
            data = FileManager.default.contents(atPath: path)
        }
        guard let data else { throw .failed("cannot read the \(what) \(Terminal.quoted(path))") }
        guard data.count <= maximumBytes else {
            throw .invalidInput("the \(what) is \(data.count) bytes; the limit is \(maximumBytes)")
        }
        return Array(data)
    }

    /// Writes `text` to `path` atomically, or to stdout when `path` is nil.
    static func write(_ text: String, to path: String?) throws(CLIError) {
        guard let path else {
            Terminal.printLine(text)
            return
        }
        do { try (text + "\n").write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw .failed("cannot write \(Terminal.quoted(path)): \(error.localizedDescription)")
        }
    }
}
