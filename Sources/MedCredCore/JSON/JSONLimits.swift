/// Resource limits for parsing untrusted JSON text (RFC 8259 §9 lets parsers set them).
///
/// RFC 8259 §9: <https://www.rfc-editor.org/rfc/rfc8259#section-9>.
public struct JSONLimits: Hashable, Sendable {
    /// The deepest nesting of arrays and objects allowed; a top-level `[]` has depth 1.
    ///
    /// Parsing keeps open containers on the heap, but comparing, serialising and releasing a value
    /// recurse once per level, so raise this only for trusted input.
    public var maxDepth: Int
    /// The largest input accepted, in bytes.
    public var maxBytes: Int

    /// Limits for parsing.
    /// - Parameters:
    ///   - maxDepth: The deepest nesting of arrays and objects allowed (default 64).
    ///   - maxBytes: The largest input accepted, in bytes (default 1 MiB).
    public init(maxDepth: Int = 64, maxBytes: Int = 1 << 20) {
        self.maxDepth = maxDepth
        self.maxBytes = maxBytes
    }

    /// Depth 64 and 1 MiB: ample for credentials, DID documents and status lists.
    public static let `default` = JSONLimits()
}
