public import Foundation
public import MedCredCore

/// A signed `BitstringStatusListCredential` ready to serve, with its cache validators.
public struct PublishedStatusList: Sendable {
    /// The credential's JSON bytes.
    public let json: [UInt8]
    /// A strong HTTP entity tag (quoted); it changes exactly when the list changes.
    public let etag: String
    /// When this version was signed (`Last-Modified`).
    public let lastModified: Date
    /// The issuer account that owns the list.
    public let issuerID: String
    /// How long it may be cached, in seconds (the credential's `ttl` is the same in milliseconds).
    public let ttlSeconds: Int
    /// `json`, parsed.
    public let document: JSONValue
}
