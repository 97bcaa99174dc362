public import MedCredCore

/// The parameters in force after an entry: each entry's values over the previous ones, defaults from the
/// first entry (did:webvh v1.0 "did:webvh DID Method Parameters").
public struct WebVHActiveParameters: Equatable, Sendable {
    public var method: String
    public var scid: String
    public var updateKeys: [String]
    public var nextKeyHashes: [String]
    public var portable: Bool
    public var witness: WebVHWitnessConfig
    public var watchers: [String]
    public var deactivated: Bool
    /// The cache time in seconds; `nil` when never set (the default, 3600, applies).
    public var ttl: Int?

    /// Whether the next entry must reveal keys committed in ``nextKeyHashes``.
    public var isPreRotationActive: Bool { !nextKeyHashes.isEmpty }

    /// The parameters of the first entry, with defaults for what it leaves out.
    /// - Throws: ``WebVHError`` when `method`, `scid` or `updateKeys` is missing, or `method` is unknown.
    init(first parameters: WebVHParameters) throws(WebVHError) {
        guard let method = parameters.method else {
            throw .invalidParameter(entry: 1, name: "method", reason: .missing)
        }
        guard method == WebVHParameters.method10 else { throw .unsupportedMethodVersion(entry: 1, method) }
        guard let scid = parameters.scid else { throw .invalidParameter(entry: 1, name: "scid", reason: .missing) }
        guard let updateKeys = parameters.updateKeys else {
            throw .invalidParameter(entry: 1, name: "updateKeys", reason: .missing)
        }
        guard !updateKeys.isEmpty else { throw .invalidParameter(entry: 1, name: "updateKeys", reason: .empty) }
        self.method = method
        self.scid = scid
        self.updateKeys = updateKeys
        nextKeyHashes = parameters.nextKeyHashes ?? []
        portable = parameters.portable ?? false
        witness = parameters.witness ?? .none
        watchers = parameters.watchers ?? []
        deactivated = parameters.deactivated ?? false
        ttl = parameters.ttl
    }

    /// The parameters after a later entry; checks the rules on what a later entry may change.
    /// - Throws: ``WebVHError`` for `scid` after the first entry, an unknown or lower `method`, or
    ///   `portable: true` after the first entry.
    func applying(_ parameters: WebVHParameters, entry: Int) throws(WebVHError) -> WebVHActiveParameters {
        if parameters.scid != nil {
            throw .invalidParameter(entry: entry, name: "scid", reason: .notAllowedAfterFirstEntry)
        }
        if let method = parameters.method, method != WebVHParameters.method10 {
            throw .unsupportedMethodVersion(entry: entry, method)
        }
        if parameters.portable == true {
            throw .invalidParameter(entry: entry, name: "portable", reason: .portableAfterFirstEntry)
        }
        var next = self
        if let value = parameters.updateKeys { next.updateKeys = value }
        if let value = parameters.nextKeyHashes { next.nextKeyHashes = value }
        if let value = parameters.portable { next.portable = value }
        if let value = parameters.witness { next.witness = value }
        if let value = parameters.watchers { next.watchers = value }
        if let value = parameters.deactivated { next.deactivated = value }
        if let value = parameters.ttl { next.ttl = value }
        return next
    }
}
