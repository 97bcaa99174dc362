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
        do {
            return try inflate(bytes)
        } catch let error as StatusListCompressionError {
            throw error
        } catch {
            throw .corruptData
        }
    }

    /// Inflates through a fixed window, counting the output, so a bomb is stopped after at most one window
    /// past the limit. CompressNIO's `decompress(with:maxSize:)` is not used: it returns the partial output
    /// of a truncated stream and can write past `maxSize`.
    private func inflate(_ bytes: [UInt8]) throws -> [UInt8] {
        let decompressor = try ZlibDecompressor(algorithm: .gzip)
        var input = ByteBuffer(bytes: bytes)
        var window = ByteBufferAllocator().buffer(capacity: 64 * 1024)
        var output: [UInt8] = []
        func drain() throws(StatusListCompressionError) {
            guard output.count + window.readableBytes <= maximumDecompressedSize else {
                throw .outputTooLarge(limit: maximumDecompressedSize)
            }
            output.append(contentsOf: window.readableBytesView)
            window.clear()
        }
        while true {
            do {
                try decompressor.inflate(from: &input, to: &window)
                try drain()
                break
            } catch let error as CompressNIOError where error == .bufferOverflow {
                try drain()
            }
        }
        // inflate also returns without error when the input ran out before the end of the stream (Z_OK): one
        // more call with no input reports that as inputBufferOverflow, and is a no-op after Z_STREAM_END.
        var probe = ByteBufferAllocator().buffer(capacity: 16)
        var empty = ByteBuffer()
        try decompressor.inflate(from: &empty, to: &probe)
        // Trailing bytes after the member (a second member, or garbage) are not a single GZIP stream.
        guard input.readableBytes == 0, probe.readableBytes == 0 else { throw StatusListCompressionError.corruptData }
        return output
    }
}
