/// One JSON-LD context MedCred accepts: its URL, the cache file holding it and its SHA-256.
///
/// DESIGN.md "JSON-LD contexts": the digest is committed in `contexts/pins.json`; the document comes from
/// a local cache folder (or, for a context MedCred defines, is compiled in).
public struct ContextPin: Hashable, Sendable {
    /// The exact URL used in `@context`.
    public let url: String
    /// The file name in the cache folder (a bare name, no `/`).
    public let file: String
    /// The SHA-256 (FIPS 180-4) of the document bytes, 32 bytes.
    public let sha256: [UInt8]
    /// Whether MedCred wrote this context and compiles it into MedCredCore, so it is never fetched or cached.
    public let isEmbedded: Bool

    /// The digest as 64 lower-case hex digits, as `pins.json` writes it.
    public var sha256Hex: String { Self.hex(sha256) }

    /// Creates a pin.
    /// - Parameters:
    ///   - url: the exact `@context` URL.
    ///   - file: the cache file name.
    ///   - sha256: the 32-byte digest of the document.
    ///   - isEmbedded: whether MedCredCore carries the document itself.
    public init(url: String, file: String, sha256: [UInt8], isEmbedded: Bool = false) {
        self.url = url
        self.file = file
        self.sha256 = sha256
        self.isEmbedded = isEmbedded
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0f)]] })
    }

    /// Exactly 64 lower-case hex digits as 32 bytes, else `nil`.
    static func digest(hex text: String) -> [UInt8]? {
        let values = text.utf8.map { byte -> UInt8? in
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            default: nil
            }
        }
        guard values.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for index in stride(from: 0, to: 64, by: 2) {
            guard let high = values[index], let low = values[index + 1] else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }
}
