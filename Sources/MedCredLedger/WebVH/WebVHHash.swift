internal import Foundation
internal import MedCredCore

/// The hashes of did:webvh v1.0: `base58btc(multihash(input, sha2-256))` for the SCID, the entry hash and
/// pre-rotation key hashes (https://identity.foundation/didwebvh/v1.0/#scid-generation-and-verification).
public enum WebVHHash {
    /// The literal placeholder replaced by the SCID.
    public static let placeholder = "{SCID}"

    /// `base58btc(multihash(bytes, sha2-256))`, the only hash did:webvh 1.0 permits.
    /// - Parameter bytes: the input, e.g. JCS bytes.
    /// - Returns: a `Qm…` string of 46 characters.
    public static func hash(_ bytes: some Collection<UInt8>) -> String {
        Base58.encode(Multihash.sha256(bytes))
    }

    /// The pre-rotation hash of a multikey: the hash of its UTF-8 text (did:webvh v1.0 "Pre-Rotation Key Hash
    /// Generation and Verification").
    /// - Parameter multikey: e.g. `z6Mk…`.
    /// - Returns: the value to put in `nextKeyHashes`.
    public static func keyHash(_ multikey: String) -> String { hash(Array(multikey.utf8)) }

    /// Whether `text` is a base58btc sha2-256 multihash.
    static func isSHA256Multihash(_ text: String) -> Bool {
        guard let bytes = try? Base58.decode(text), let decoded = try? Multihash.decode(bytes) else { return false }
        return decoded.codec == .sha2_256 && decoded.digest.count == 32
    }

    /// The SCID of a first entry (did:webvh v1.0 "Verify SCID" steps 4–7): the proof removed, `versionId` set
    /// to the placeholder, every occurrence of `scid` replaced by the placeholder, then JCS and hashed.
    /// - Parameters:
    ///   - entry: the first entry; its `scid` occurrences are replaced.
    ///   - scid: the SCID to replace, or `nil` when the entry already holds placeholders.
    /// - Returns: the SCID, or `nil` when the text with placeholders is no longer JSON.
    static func scid(of entry: JSONObject, replacing scid: String?) -> String? {
        var object = entry
        object["proof"] = nil
        object["versionId"] = .string(placeholder)
        var text = JSONValue.object(object).serialized()
        if let scid { text = text.replacingOccurrences(of: scid, with: placeholder) }
        guard let value = try? JSONValue(parsing: text) else { return nil }
        return hash(value.jcsBytes)
    }

    /// The entry hash (did:webvh v1.0 "Verify The Entry Hash"): the proof removed, `versionId` replaced by the
    /// predecessor's `versionId` (the SCID for the first entry), JCS, hashed.
    static func entryHash(of entry: JSONObject, predecessor: String) -> String {
        var object = entry
        object["proof"] = nil
        object["versionId"] = .string(predecessor)
        return hash(JSONValue.object(object).jcsBytes)
    }
}
