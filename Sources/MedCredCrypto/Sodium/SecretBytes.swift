internal import CSodium

/// A heap buffer for key material that is wiped with `sodium_memzero` when released.
///
/// Swift arrays may be copied and freed without clearing; secrets held here have one owner and are
/// zeroed on `deinit`, so a seed or derived key does not linger in freed memory. The description never
/// shows the bytes.
public final class SecretBytes: @unchecked Sendable, CustomStringConvertible {
    // @unchecked Sendable: the storage is written only in init and wiped only in deinit; every other
    // access is a read, so sharing an instance across tasks cannot race.
    private let storage: UnsafeMutableBufferPointer<UInt8>

    /// Copies `bytes` into wiped-on-release storage.
    /// - Parameter bytes: the secret; the caller's copy is its own to clear.
    public init(_ bytes: some Collection<UInt8>) {
        _ = Sodium.ready
        storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        storage.initialize(repeating: 0)
        var index = 0
        for byte in bytes {
            storage[index] = byte
            index += 1
        }
        count = index
    }

    /// Fills `count` bytes from libsodium's CSPRNG.
    /// - Parameter count: number of random bytes.
    public init(randomCount count: Int) {
        _ = Sodium.ready
        storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(count, 1))
        storage.initialize(repeating: 0)
        if count > 0, let base = storage.baseAddress {
            randombytes_buf(base, count)
        }
        self.count = count
    }

    /// Number of secret bytes held.
    public let count: Int

    deinit {
        if let base = storage.baseAddress {
            sodium_memzero(base, storage.count)
        }
        storage.deallocate()
    }

    /// Gives `body` read access to the secret without copying it out.
    /// - Parameter body: receives the bytes; must not let them escape.
    /// - Returns: what `body` returns.
    func withBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(storage)[0..<count]))
    }

    /// Copies the secret out, for an explicit export (an encrypted key file, a `--show-secret` display).
    /// - Returns: the secret bytes; the caller owns and should clear the copy.
    public func exportBytes() -> [UInt8] {
        Array(storage[0..<count])
    }

    /// Compares in constant time (`sodium_memcmp`), so timing reveals nothing about where bytes differ.
    /// - Parameter other: the secret to compare with.
    /// - Returns: whether both hold the same bytes.
    public func constantTimeEquals(_ other: SecretBytes) -> Bool {
        guard count == other.count else { return false }
        guard count > 0 else { return true }
        return sodium_memcmp(storage.baseAddress!, other.storage.baseAddress!, count) == 0
    }

    public var description: String { "SecretBytes(\(count) bytes, redacted)" }
}
