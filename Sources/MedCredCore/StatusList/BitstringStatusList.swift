/// A bitstring status list: `count` entries of `statusSize` bits each, entry 0 in the most significant bits
/// of byte 0.
///
/// W3C Bitstring Status List v1.0 §2.1 "BitstringStatusListCredential" and §3.1 "Bitstring Encoding",
/// <https://www.w3.org/TR/vc-bitstring-status-list/#bitstring-encoding>: "the first index, with a value of
/// zero (0), is located at the left-most bit in the bitstring", and the list has at least 131,072 entries
/// (16 KB when `statusSize` is 1).
public struct BitstringStatusList: Hashable, Sendable {
    /// The minimum (and default) number of entries, for herd privacy (§6.1).
    public static let minimumCount = 131_072

    /// The bits per entry.
    public let statusSize: Int
    /// The bitstring, uncompressed.
    public private(set) var bytes: [UInt8]

    /// The number of entries.
    public var count: Int { bytes.count * 8 / statusSize }

    /// Creates a list with every status 0.
    /// - Parameters:
    ///   - count: the number of entries; at least ``minimumCount``.
    ///   - statusSize: the bits per entry, 1 to 8.
    /// - Throws: ``BitstringStatusListError/invalidStatusSize(_:)``,
    ///   ``BitstringStatusListError/listTooShort(entries:minimum:)``, or
    ///   ``BitstringStatusListError/lengthNotMultipleOfStatusSize(bits:statusSize:)`` when the entries do
    ///   not fill whole bytes.
    public init(count: Int = minimumCount, statusSize: Int = 1) throws(BitstringStatusListError) {
        try Self.checkStatusSize(statusSize)
        guard count >= Self.minimumCount else { throw .listTooShort(entries: count, minimum: Self.minimumCount) }
        let (byteCount, extra) = (count * statusSize).quotientAndRemainder(dividingBy: 8)
        guard extra == 0 else { throw .lengthNotMultipleOfStatusSize(bits: count * statusSize, statusSize: statusSize) }
        self.statusSize = statusSize
        self.bytes = [UInt8](repeating: 0, count: byteCount)
    }

    /// Wraps an uncompressed bitstring.
    /// - Parameters:
    ///   - rawRepresentation: the bitstring.
    ///   - statusSize: the bits per entry, 1 to 8.
    /// - Throws: ``BitstringStatusListError/invalidStatusSize(_:)``,
    ///   ``BitstringStatusListError/lengthNotMultipleOfStatusSize(bits:statusSize:)`` or
    ///   ``BitstringStatusListError/listTooShort(entries:minimum:)``.
    public init(rawRepresentation: [UInt8], statusSize: Int = 1) throws(BitstringStatusListError) {
        try Self.checkStatusSize(statusSize)
        let bits = rawRepresentation.count * 8
        guard bits % statusSize == 0 else { throw .lengthNotMultipleOfStatusSize(bits: bits, statusSize: statusSize) }
        guard bits / statusSize >= Self.minimumCount else {
            throw .listTooShort(entries: bits / statusSize, minimum: Self.minimumCount)
        }
        self.statusSize = statusSize
        self.bytes = rawRepresentation
    }

    private static func checkStatusSize(_ statusSize: Int) throws(BitstringStatusListError) {
        guard (1...8).contains(statusSize) else { throw .invalidStatusSize(statusSize) }
    }

    /// The status of entry `index`.
    /// - Parameter index: the entry, from 0.
    /// - Returns: the entry's `statusSize` bits as a number, first bit most significant.
    /// - Throws: ``BitstringStatusListError/indexOutOfRange(index:count:)``.
    public func status(at index: Int) throws(BitstringStatusListError) -> UInt8 {
        guard index >= 0, index < count else { throw .indexOutOfRange(index: index, count: count) }
        var value: UInt8 = 0
        for bit in index * statusSize..<(index + 1) * statusSize {
            value = value << 1 | (bytes[bit / 8] >> (7 - bit % 8)) & 1
        }
        return value
    }

    /// Sets the status of entry `index`.
    /// - Parameters:
    ///   - status: the value, below `2^statusSize`.
    ///   - index: the entry, from 0.
    /// - Throws: ``BitstringStatusListError/indexOutOfRange(index:count:)`` or
    ///   ``BitstringStatusListError/statusTooLarge(value:statusSize:)``.
    public mutating func setStatus(_ status: UInt8, at index: Int) throws(BitstringStatusListError) {
        guard index >= 0, index < count else { throw .indexOutOfRange(index: index, count: count) }
        guard Int(status) < 1 << statusSize else { throw .statusTooLarge(value: status, statusSize: statusSize) }
        for offset in 0..<statusSize {
            let bit = index * statusSize + offset
            let mask: UInt8 = 1 << (7 - bit % 8)
            if (status >> (statusSize - 1 - offset)) & 1 == 1 {
                bytes[bit / 8] |= mask
            } else {
                bytes[bit / 8] &= ~mask
            }
        }
    }

    /// Whether entry `index` is set (any bit of its status is 1). Traps when `index` is out of range: use
    /// ``status(at:)`` for an index that came from a credential.
    public subscript(index: Int) -> Bool {
        get {
            precondition(index >= 0 && index < count, "status list index \(index) out of range 0..<\(count)")
            return (try? status(at: index)) != 0
        }
        set {
            precondition(index >= 0 && index < count, "status list index \(index) out of range 0..<\(count)")
            try? setStatus(newValue ? UInt8((1 << statusSize) - 1) : 0, at: index)
        }
    }
}
