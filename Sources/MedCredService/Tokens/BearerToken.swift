import MedCredCore
import MedCredCrypto

/// The text form of an API token, `mc_<kind>_<id>_<secret>`: kind `adm` or `iss`, a 24-digit lowercase hex id,
/// and a 256-bit random secret in base64url (43 characters).
///
/// Parsing is strict and bounded, so a hostile header costs nothing beyond a length check.
struct BearerToken: Sendable {
    let kind: String
    let id: String
    /// The secret's decoded 32 bytes.
    let secret: [UInt8]

    static let idLength = 24
    static let secretByteCount = 32
    static let secretLength = 43
    static let length = "mc_".count + 3 + 1 + idLength + 1 + secretLength

    /// A fresh token of `kind` with a random id and secret.
    static func generate(kind: String) -> BearerToken {
        BearerToken(
            kind: kind, id: hex(SecureRandom.bytes(count: idLength / 2)),
            secret: SecureRandom.bytes(count: secretByteCount))
    }

    /// The text the holder presents; shown once, never stored.
    var text: String { "mc_\(kind)_\(id)_\(Base64URL.encode(secret))" }

    /// SHA-256 of the secret: what the store keeps. The secret is 256-bit random, so no slow hash is needed.
    var secretHash: [UInt8] { SHA256.hash(secret) }

    private init(kind: String, id: String, secret: [UInt8]) {
        self.kind = kind
        self.id = id
        self.secret = secret
    }

    /// Parses a bearer value: the token itself, or a whole `Bearer <token>` header value.
    /// - Throws: ``TokenError/missing`` for `nil` or blank, ``TokenError/malformed`` for anything else not of the form.
    static func parse(_ bearer: String?) throws(TokenError) -> BearerToken {
        guard let bearer, !bearer.isEmpty else { throw .missing }
        var bytes = Array(bearer.utf8.prefix(length + 17))
        guard bytes.count <= length + 16 else { throw .malformed }
        let scheme = Array("bearer ".utf8)
        if bytes.count >= scheme.count, zip(bytes, scheme).allSatisfy({ $0 | 0x20 == $1 }) {
            bytes.removeFirst(scheme.count)
        }
        while bytes.first == UInt8(ascii: " ") { bytes.removeFirst() }
        guard !bytes.isEmpty else { throw .missing }
        guard bytes.count == length, bytes.starts(with: Array("mc_".utf8)) else { throw .malformed }
        let kind = String(decoding: bytes[3..<6], as: UTF8.self)
        let idRange = 7..<(7 + idLength)
        let secretStart = idRange.upperBound + 1
        let underscore = UInt8(ascii: "_")
        guard kind == "adm" || kind == "iss", bytes[6] == underscore, bytes[idRange.upperBound] == underscore else {
            throw .malformed
        }
        guard bytes[idRange].allSatisfy(isLowerHex) else { throw .malformed }
        let secretText = String(decoding: bytes[secretStart...], as: UTF8.self)
        guard let secret = try? Base64URL.decode(secretText), secret.count == secretByteCount else {
            throw .malformed
        }
        return BearerToken(kind: kind, id: String(decoding: bytes[idRange], as: UTF8.self), secret: secret)
    }

    private static func isLowerHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }

    /// Compares two hashes without an early exit, so timing does not reveal how many leading bytes matched.
    static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }

    /// Lowercase hex of `bytes`.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
