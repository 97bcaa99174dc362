/// Why a bitstring status list could not be built, decoded or read.
///
/// W3C Bitstring Status List v1.0 §3.2 "Validate Algorithm" and §3.3 "Processing Errors",
/// <https://www.w3.org/TR/vc-bitstring-status-list/#validate-algorithm>.
public enum BitstringStatusListError: Error, Equatable, Sendable {
    /// `statusSize` is not a positive number of bits no larger than 8 (a status is read within one byte).
    case invalidStatusSize(Int)
    /// The list holds fewer entries than the minimum 131,072 (`STATUS_LIST_LENGTH_ERROR`).
    case listTooShort(entries: Int, minimum: Int)
    /// The bitstring's length is not a whole number of entries of `statusSize` bits.
    case lengthNotMultipleOfStatusSize(bits: Int, statusSize: Int)
    /// The index is outside the list (`RANGE_ERROR`).
    case indexOutOfRange(index: Int, count: Int)
    /// The status value does not fit in `statusSize` bits.
    case statusTooLarge(value: UInt8, statusSize: Int)
    /// `encodedList` is not multibase base64url without padding.
    case invalidEncodedList(MultibaseError)
    /// The GZIP compression or decompression failed.
    case compression(StatusListCompressionError)

    /// The Bitstring Status List problem type a verifier reports for this error.
    public var problemType: ProblemType {
        switch self {
        case .listTooShort: .statusListLength
        case .indexOutOfRange: .range
        case .invalidStatusSize, .lengthNotMultipleOfStatusSize, .statusTooLarge, .invalidEncodedList, .compression:
            .statusVerification
        }
    }
}

/// Why GZIP (RFC 1952) compression of a status list failed; returned by the compressor a caller injects.
public enum StatusListCompressionError: Error, Equatable, Sendable {
    /// The bytes are not a complete, valid GZIP stream (bad header, bad data, bad checksum or truncated).
    case corruptData
    /// Decompressing would produce more than `limit` bytes: a decompression bomb is refused.
    case outputTooLarge(limit: Int)
    /// The compressor failed.
    case compressionFailed
}

/// GZIP compression, injected so that ``MedCredCore`` stays pure.
public typealias StatusListCompress = ([UInt8]) throws(StatusListCompressionError) -> [UInt8]
/// GZIP decompression, injected so that ``MedCredCore`` stays pure.
public typealias StatusListDecompress = ([UInt8]) throws(StatusListCompressionError) -> [UInt8]
