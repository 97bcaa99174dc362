internal import CSodium

/// SHA-256 (FIPS 180-4) through libsodium.
public enum SHA256 {
    /// Digest length in bytes.
    public static let byteCount = 32

    /// Hashes `data`.
    /// - Parameter data: the input.
    /// - Returns: the 32-byte digest.
    public static func hash(_ data: some Collection<UInt8>) -> [UInt8] {
        _ = Sodium.ready
        let input = Array(data)
        var digest = [UInt8](repeating: 0, count: byteCount)
        input.withUnsafeBufferPointer { inBuffer in
            digest.withUnsafeMutableBufferPointer { outBuffer in
                _ = crypto_hash_sha256(outBuffer.baseAddress!, inBuffer.baseAddress, UInt64(inBuffer.count))
            }
        }
        return digest
    }
}

/// SHA-512 (FIPS 180-4) through libsodium.
public enum SHA512 {
    /// Digest length in bytes.
    public static let byteCount = 64

    /// Hashes `data`.
    /// - Parameter data: the input.
    /// - Returns: the 64-byte digest.
    public static func hash(_ data: some Collection<UInt8>) -> [UInt8] {
        _ = Sodium.ready
        let input = Array(data)
        var digest = [UInt8](repeating: 0, count: byteCount)
        input.withUnsafeBufferPointer { inBuffer in
            digest.withUnsafeMutableBufferPointer { outBuffer in
                _ = crypto_hash_sha512(outBuffer.baseAddress!, inBuffer.baseAddress, UInt64(inBuffer.count))
            }
        }
        return digest
    }
}

/// Cryptographically secure random bytes from libsodium (`randombytes_buf`, the OS CSPRNG).
public enum SecureRandom {
    /// Returns `count` random bytes, for salts, nonces and identifiers (not for keys: use ``SecretBytes``).
    /// - Parameter count: how many bytes.
    /// - Returns: the bytes.
    public static func bytes(count: Int) -> [UInt8] {
        _ = Sodium.ready
        guard count > 0 else { return [] }
        var out = [UInt8](repeating: 0, count: count)
        out.withUnsafeMutableBufferPointer { randombytes_buf($0.baseAddress!, $0.count) }
        return out
    }
}
