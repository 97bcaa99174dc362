import Foundation

/// Writes files the way key files and DID logs must be written: all or nothing, never half a file.
enum AtomicFile {
    /// Writes `data` to a temporary file beside `path` with `permissions`, syncs it, and renames it over
    /// `path`; rename(2) is atomic, so a reader sees the old file or the new one, never a half.
    static func write(_ data: Data, to path: String, permissions: Int) throws(CLIError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard
            FileManager.default.createFile(
                atPath: temporary.path, contents: data, attributes: [.posixPermissions: permissions])
        else { throw .failed("cannot write \(Terminal.quoted(temporary.path))") }
        do {
            let handle = try FileHandle(forUpdating: temporary)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .failed("cannot write \(Terminal.quoted(path)): \(error.localizedDescription)")
        }
    }
}
