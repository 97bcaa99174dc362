public import MedCredCrypto

import Foundation

/// The 32-byte key that seals every private key in the vault (secretbox, XSalsa20-Poly1305).
///
/// Kept in its own file, apart from `accounts.sqlite`, so a copy of the database alone reveals no key. The file
/// holds the key as 64 hex digits and is created with mode 0600, never over an existing key.
public struct MasterKey: Sendable, CustomStringConvertible {
    /// The key bytes.
    let bytes: SecretBytes

    /// Wraps key bytes.
    /// - Throws: ``AccountError/invalidMasterKey(length:)`` unless there are exactly 32 bytes.
    public init(bytes: SecretBytes) throws {
        guard bytes.count == SecretBox.keyLength else { throw AccountError.invalidMasterKey(length: bytes.count) }
        self.bytes = bytes
    }

    /// Reads the key at `path`, or creates a fresh random one there (mode 0600) when the file is absent.
    /// - Throws: ``AccountError/masterKeyFile(path:errno:)`` when the file cannot be read or written,
    ///   ``AccountError/invalidMasterKey(length:)`` when it does not hold 64 hex digits.
    public static func loadOrCreate(path: String) throws -> MasterKey {
        if let text = try readText(path: path) { return try parse(text) }
        let key = SecretBytes(randomCount: SecretBox.keyLength)
        var raw = key.exportBytes()
        defer { for index in raw.indices { raw[index] = 0 } }
        let digits = Array("0123456789abcdef".utf8)
        var hex = raw.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] } + [UInt8(ascii: "\n")]
        defer { for index in hex.indices { hex[index] = 0 } }
        // Written whole to a private temporary file, then hard-linked into place: link(2) fails when the name
        // exists, so a racing second start never overwrites a key already in use, and uses that one instead.
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        guard
            FileManager.default.createFile(
                atPath: temporary.path, contents: Data(hex), attributes: [.posixPermissions: 0o600])
        else { throw AccountError.masterKeyFile(path: path, errno: EACCES) }
        defer { try? FileManager.default.removeItem(at: temporary) }
        do {
            let handle = try FileHandle(forUpdating: temporary)
            try handle.synchronize()
            try handle.close()
            try FileManager.default.linkItem(at: temporary, to: url)
        } catch {
            if let text = try readText(path: path) { return try parse(text) }
            throw AccountError.masterKeyFile(path: path, errno: Self.errno(of: error))
        }
        return try MasterKey(bytes: key)
    }

    /// Never prints the key.
    public var description: String { "MasterKey(redacted)" }

    private static func readText(path: String) throws -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AccountError.masterKeyFile(path: path, errno: EACCES)
        }
        guard data.count <= 256 else { throw AccountError.invalidMasterKey(length: data.count / 2) }
        return String(decoding: data, as: UTF8.self)
    }

    private static func errno(of error: any Error) -> Int32 {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        return Int32(truncatingIfNeeded: underlying?.code ?? (error as NSError).code)
    }

    private static func parse(_ text: String) throws -> MasterKey {
        var digits = Array(text.utf8)
        while let last = digits.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") || last == 32 {
            digits.removeLast()
        }
        guard digits.count == 2 * SecretBox.keyLength else {
            throw AccountError.invalidMasterKey(length: digits.count / 2)
        }
        var bytes = [UInt8]()
        bytes.reserveCapacity(SecretBox.keyLength)
        var index = 0
        while index < digits.count {
            guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else {
                throw AccountError.invalidMasterKey(length: 0)
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        defer { for index in bytes.indices { bytes[index] = 0 } }
        return try MasterKey(bytes: SecretBytes(bytes))
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
