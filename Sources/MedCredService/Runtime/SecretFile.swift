import Foundation

/// Writes a secret file — the admin token, a sealed key — complete and with mode 0600 from its first byte:
/// written to a temporary file created 0600 beside it, synced, then renamed over the target, so a reader
/// (or a crash) sees the old file or the new one and never a half or a world-readable one.
public enum SecretFile {
    /// Why a secret file could not be written.
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "cannot write \(path)" }
    }

    /// Writes `bytes` to `path`, mode 0600.
    /// - Throws: ``WriteError``.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard
            FileManager.default.createFile(
                atPath: temporary.path, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
        else { throw WriteError(path: path) }
        do {
            let handle = try FileHandle(forUpdating: temporary)
            try handle.synchronize()
            try handle.close()
            if FileManager.default.fileExists(atPath: path) {
                _ = try FileManager.default.replaceItemAt(url, withItemAt: temporary)
            } else {
                try FileManager.default.moveItem(at: temporary, to: url)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path)
        }
    }

    /// The file's bytes, or `nil` when it does not exist.
    public static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { Array($0) }
    }
}
