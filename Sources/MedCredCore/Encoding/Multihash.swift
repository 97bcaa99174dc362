internal import MedCredCrypto

/// Multihash: a digest behind two unsigned varints, the hash function's multicodec code and the digest length.
///
/// Specified by https://github.com/multiformats/multihash (section "Format": `<hash-func-type><digest-length>
/// <digest-value>`) and referenced by W3C Controlled Identifiers v1.0 (https://www.w3.org/TR/cid-1.0/#multihash).
/// MedCred produces sha2-256 only; decoding reads any code and checks the length of sha2-256 digests.
public enum Multihash {
    /// Hashes data with SHA-256 and wraps the digest as a multihash: `12 20 <32-byte digest>`.
    /// - Parameter data: the bytes to hash.
    /// - Returns: the 34-byte multihash.
    public static func sha256(_ data: some Collection<UInt8>) -> [UInt8] {
        var out = UnsignedVarint.encode(Multicodec.sha2_256.rawValue)
        out.append(contentsOf: UnsignedVarint.encode(UInt64(SHA256.byteCount)))
        out.append(contentsOf: SHA256.hash(data))
        return out
    }

    /// Reads a multihash: its hash function code and its digest (multihash "Format").
    ///
    /// The digest must be exactly as long as declared, so trailing bytes are an error too.
    /// - Parameter bytes: a whole multihash.
    /// - Returns: the hash function's codec and the digest.
    /// - Throws: ``MultihashError/malformedCode(_:)`` or ``MultihashError/malformedLength(_:)`` when either
    ///   varint is broken; ``MultihashError/digestLengthMismatch(declared:actual:)`` when the digest is shorter
    ///   or longer than declared; ``MultihashError/unexpectedDigestLength(codec:declared:expected:)`` when a
    ///   sha2-256 multihash declares a length other than 32.
    public static func decode(_ bytes: some Collection<UInt8>) throws(MultihashError) -> (
        codec: Multicodec, digest: [UInt8]
    ) {
        let input = Array(bytes)
        let code: (value: UInt64, length: Int)
        do throws(VarintError) {
            code = try UnsignedVarint.decode(input)
        } catch {
            throw .malformedCode(error)
        }
        let rest = input[code.length...]
        let size: (value: UInt64, length: Int)
        do throws(VarintError) {
            size = try UnsignedVarint.decode(rest)
        } catch {
            throw .malformedLength(error)
        }
        let digest = Array(rest.dropFirst(size.length))
        let declared = Int(clamping: size.value)
        guard digest.count == declared else { throw .digestLengthMismatch(declared: declared, actual: digest.count) }
        let codec = Multicodec(rawValue: code.value)
        if codec == .sha2_256 && declared != SHA256.byteCount {
            throw .unexpectedDigestLength(codec: codec, declared: declared, expected: SHA256.byteCount)
        }
        return (codec, digest)
    }
}

/// Why bytes could not be read as a multihash (https://github.com/multiformats/multihash).
public enum MultihashError: Error, Equatable, Sendable {
    /// The hash function code is not a valid unsigned varint; the wrapped error says how.
    case malformedCode(VarintError)
    /// The digest length is not a valid unsigned varint; the wrapped error says how.
    case malformedLength(VarintError)
    /// The header declares `declared` digest bytes but `actual` bytes follow it.
    case digestLengthMismatch(declared: Int, actual: Int)
    /// The hash function has a fixed digest size, `expected`, but the header declares `declared`.
    case unexpectedDigestLength(codec: Multicodec, declared: Int, expected: Int)
}
