/// A multicodec code: the number, written as an unsigned varint prefix, that says what the following bytes are.
///
/// Specified by the multicodec table (https://github.com/multiformats/multicodec, `table.csv`) and used by
/// Multikey in W3C Controlled Identifiers v1.0 (https://www.w3.org/TR/cid-1.0/#Multikey). Any code can be
/// represented; the named constants are the table entries MedCred uses.
public struct Multicodec: Hashable, Sendable, RawRepresentable, CustomStringConvertible {
    /// The code, e.g. `0xed` for an Ed25519 public key.
    public let rawValue: UInt64

    /// Wraps a code, known to MedCred or not.
    /// - Parameter rawValue: the code from the multicodec table.
    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// `identity` (0x00, multihash): the bytes themselves, unhashed.
    public static let identity = Multicodec(rawValue: 0x00)
    /// `sha2-256` (0x12, multihash): a SHA-256 digest.
    public static let sha2_256 = Multicodec(rawValue: 0x12)
    /// `x25519-pub` (0xec, key): a Curve25519 public key.
    public static let x25519Pub = Multicodec(rawValue: 0xec)
    /// `ed25519-pub` (0xed, key): an Ed25519 public key.
    public static let ed25519Pub = Multicodec(rawValue: 0xed)
    /// `p256-pub` (0x1200, key): a compressed P-256 public key; named so errors can say which key was refused.
    public static let p256Pub = Multicodec(rawValue: 0x1200)
    /// `ed25519-priv` (0x1300, key): an Ed25519 private key (the 32-byte seed).
    public static let ed25519Priv = Multicodec(rawValue: 0x1300)
    /// `x25519-priv` (0x1302, key): a Curve25519 private key.
    public static let x25519Priv = Multicodec(rawValue: 0x1302)

    /// The name in the multicodec table, e.g. `ed25519-pub`, or `nil` for a code MedCred does not name.
    public var name: String? {
        switch self {
        case .identity: "identity"
        case .sha2_256: "sha2-256"
        case .x25519Pub: "x25519-pub"
        case .ed25519Pub: "ed25519-pub"
        case .p256Pub: "p256-pub"
        case .ed25519Priv: "ed25519-priv"
        case .x25519Priv: "x25519-priv"
        default: nil
        }
    }

    /// The table name and hex code, e.g. `ed25519-pub (0xed)`, or just `0x…` for an unnamed code.
    public var description: String {
        let hex = "0x" + String(rawValue, radix: 16)
        return name.map { "\($0) (\(hex))" } ?? hex
    }

    /// Puts a codec's varint in front of bytes (multicodec table; unsigned-varint "Spec").
    /// - Parameters:
    ///   - bytes: the payload, e.g. a raw 32-byte public key.
    ///   - codec: what the payload is.
    /// - Returns: the unsigned varint of the code followed by the payload.
    public static func prefix(_ bytes: some Collection<UInt8>, with codec: Multicodec) -> [UInt8] {
        var out = UnsignedVarint.encode(codec.rawValue)
        out.append(contentsOf: bytes)
        return out
    }

    /// Reads the codec varint at the start of bytes and returns it with the rest (multicodec table).
    ///
    /// Any code is accepted; the caller checks it is the one it expects and that the payload length fits.
    /// - Parameter bytes: a varint code followed by a payload.
    /// - Returns: the codec and the bytes after its varint.
    /// - Throws: ``MulticodecError/malformedCode(_:)`` when the bytes do not start with a valid minimal varint;
    ///   ``MulticodecError/missingPayload(_:)`` when nothing follows the code.
    public static func split(_ bytes: some Collection<UInt8>) throws(MulticodecError) -> (
        codec: Multicodec, payload: [UInt8]
    ) {
        let code: (value: UInt64, length: Int)
        do throws(VarintError) {
            code = try UnsignedVarint.decode(bytes)
        } catch {
            throw .malformedCode(error)
        }
        let codec = Multicodec(rawValue: code.value)
        let payload = Array(bytes.dropFirst(code.length))
        guard !payload.isEmpty else { throw .missingPayload(codec) }
        return (codec, payload)
    }
}

/// Why bytes could not be split into a multicodec code and a payload (https://github.com/multiformats/multicodec).
public enum MulticodecError: Error, Equatable, Sendable {
    /// The bytes do not start with a valid unsigned varint; the wrapped error says how it is broken.
    case malformedCode(VarintError)
    /// Nothing follows this codec's varint.
    case missingPayload(Multicodec)
}
