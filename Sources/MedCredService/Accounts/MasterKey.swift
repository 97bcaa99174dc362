public import MedCredCrypto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The 32-byte key that seals every private key in the vault (secretbox, XSalsa20-Poly1305).
///
/// Kept in its own file, apart from `accounts.sqlite`, so a copy of the database alone reveals no key. The file
/// holds the key as 64 hex digits and is created with mode 0600 (`O_EXCL`, so a racing second start never
/// overwrites a key already in use).
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
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            // Another process created it between our read and our create: use the key it wrote.
            if errno == EEXIST, let text = try readText(path: path) { return try parse(text) }
            throw AccountError.masterKeyFile(path: path, errno: errno)
        }
        defer { close(descriptor) }
        let written = hex.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == hex.count, fsync(descriptor) == 0 else {
            throw AccountError.masterKeyFile(path: path, errno: errno)
        }
        return try MasterKey(bytes: key)
    }

    /// Never prints the key.
    public var description: String { "MasterKey(redacted)" }

    private static func readText(path: String) throws -> String? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw AccountError.masterKeyFile(path: path, errno: errno)
        }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count >= 0 else { throw AccountError.masterKeyFile(path: path, errno: errno) }
        defer { for index in buffer.indices { buffer[index] = 0 } }
        return String(decoding: buffer[..<count], as: UTF8.self)
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
