internal import CompressNIO
public import MedCredCore
internal import NIOCore

/// GZIP (RFC 1952) for Bitstring Status Lists, through CompressNIO; decompression refuses output larger than
/// a limit, so a small `encodedList` cannot expand into gigabytes (a decompression bomb).
public struct StatusListCodec: Sendable {
    /// The default decompressed size limit: 16 MiB, 128 times the minimum 16 KB list.
    public static let defaultMaximumDecompressedSize = 16 * 1024 * 1024

    /// The most bytes decompression may produce.
    public let maximumDecompressedSize: Int

    /// Creates a codec.
    /// - Parameter maximumDecompressedSize: the most bytes decompression may produce.
    public init(maximumDecompressedSize: Int = defaultMaximumDecompressedSize) {
        self.maximumDecompressedSize = maximumDecompressedSize
    }

    /// GZIP-compresses `bytes`.
    /// - Throws: ``StatusListCompressionError/compressionFailed``.
    public func compress(_ bytes: [UInt8]) throws(StatusListCompressionError) -> [UInt8] {
        var input = ByteBuffer(bytes: bytes)
        do {
            let output = try input.compress(with: .gzip())
            return Array(output.readableBytesView)
        } catch {
            throw .compressionFailed
        }
    }

    /// GZIP-decompresses `bytes`, which must be exactly one complete GZIP member.
    /// - Throws: ``StatusListCompressionError/outputTooLarge(limit:)`` past ``maximumDecompressedSize``,
    ///   ``StatusListCompressionError/corruptData`` for anything that is not a whole, valid GZIP stream.
    public func decompress(_ bytes: [UInt8]) throws(StatusListCompressionError) -> [UInt8] {
        // RFC 1952 §2.3.1: ID1 ID2 CM = 1f 8b 08; zlib's gzip mode would otherwise also accept other framings.
        guard bytes.count >= 18, bytes[0] == 0x1f, bytes[1] == 0x8b, bytes[2] == 0x08 else { throw .corruptData }
        var input = ByteBuffer(bytes: bytes)
        let output: ByteBuffer
        do {
            output = try input.decompress(with: .gzip(), maxSize: maximumDecompressedSize)
        } catch let error as CompressNIOError where error == .bufferOverflow {
            throw .outputTooLarge(limit: maximumDecompressedSize)
        } catch {
            throw .corruptData
        }
        // Trailing bytes after the member (a second member, or garbage) are not a single GZIP stream.
        guard input.readableBytes == 0 else { throw .corruptData }
        return Array(output.readableBytesView)
    }
}
