extension BitstringStatusList {
    /// The `encodedList` form: multibase base64url (`u`, no padding) of the GZIP-compressed bitstring.
    ///
    /// W3C Bitstring Status List v1.0 §2.1, `encodedList`,
    /// <https://www.w3.org/TR/vc-bitstring-status-list/#bitstringstatuslistcredential>.
    /// - Parameter compress: GZIP (RFC 1952) compression.
    /// - Returns: the `encodedList` text.
    /// - Throws: ``BitstringStatusListError/compression(_:)`` when `compress` fails.
    public func encodedList(compress: StatusListCompress) throws(BitstringStatusListError) -> String {
        do throws(StatusListCompressionError) {
            return Multibase.encode(try compress(bytes), as: .base64url)
        } catch {
            throw .compression(error)
        }
    }

    /// Decodes an `encodedList`: multibase base64url, then GZIP, then the length checks.
    ///
    /// W3C Bitstring Status List v1.0 §3.2 "Validate Algorithm", steps "expand the compressed bitstring" and
    /// the minimum length.
    /// - Parameters:
    ///   - encodedList: the `encodedList` text.
    ///   - statusSize: the bits per entry.
    ///   - decompress: GZIP (RFC 1952) decompression, which should refuse oversized output.
    /// - Throws: ``BitstringStatusListError/invalidEncodedList(_:)`` (not `u`-prefixed base64url),
    ///   ``BitstringStatusListError/compression(_:)`` (not GZIP, truncated, too large), or the errors of
    ///   ``init(rawRepresentation:statusSize:)``.
    public init(encodedList: String, statusSize: Int = 1, decompress: StatusListDecompress)
        throws(BitstringStatusListError)
    {
        let compressed: [UInt8]
        do throws(MultibaseError) {
            compressed = try Multibase.decode(encodedList, expecting: .base64url)
        } catch {
            throw .invalidEncodedList(error)
        }
        let raw: [UInt8]
        do throws(StatusListCompressionError) {
            raw = try decompress(compressed)
        } catch {
            throw .compression(error)
        }
        try self.init(rawRepresentation: raw, statusSize: statusSize)
    }
}
