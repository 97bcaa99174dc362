/// A credential secured with JOSE, carried inside a presentation as an `EnvelopedVerifiableCredential` whose
/// `id` is the data URL `data:application/vc+jwt,<compact JWS>`.
///
/// W3C VCDM 2.0 §4.13 "Securing Mechanism Specifications" / "Enveloped Verifiable Credentials"
/// (https://www.w3.org/TR/vc-data-model-2.0/#enveloped-verifiable-credentials) and VC-JOSE-COSE §3.1.2
/// (https://www.w3.org/TR/vc-jose-cose/#securing-vps-with-jose): credentials in a `vp+jwt` presentation must use
/// this type. The JWS is not verified here; pass ``jws`` to ``JOSE/verify(_:as:now:resolver:)``.
public struct EnvelopedVerifiableCredential: Hashable, Sendable {
    /// The `type` value, `EnvelopedVerifiableCredential`.
    public static let type = "EnvelopedVerifiableCredential"
    /// The data URL prefix, `data:application/vc+jwt,` (RFC 2397).
    public static let dataURLPrefix = "data:" + JOSEMediaType.verifiableCredential.mediaType + ","
    /// The VCDM 2.0 base context.
    public static let context = "https://www.w3.org/ns/credentials/v2"

    /// The compact JWS.
    public let jws: String

    /// Wraps a compact JWS (not checked here).
    /// - Parameter jws: a `vc+jwt` compact JWS.
    public init(jws: String) {
        self.jws = jws
    }

    /// Reads an enveloped credential (VCDM 2.0 §4.13).
    ///
    /// Compact JWS text needs no percent-encoding, so the data URL carries it verbatim; anything after the comma
    /// that is not a compact JWS is left for verification to reject.
    /// - Parameter json: the enveloped credential object.
    /// - Throws: ``JOSEError/notObject(_:)`` when `json` is not an object, or
    ///   ``JOSEError/invalidEnvelope(member:)`` naming `@context` (absent, or not starting with the VCDM 2.0
    ///   context), `type` (not including `EnvelopedVerifiableCredential`) or `id` (not a
    ///   `data:application/vc+jwt,` URL with content).
    public init(json: JSONValue) throws(JOSEError) {
        guard let object = json.objectValue else { throw .notObject(.payload) }
        let contexts = object["@context"].map { $0.arrayValue ?? [$0] } ?? []
        guard contexts.first == .string(Self.context) else { throw .invalidEnvelope(member: "@context") }
        let types = object["type"].map { $0.arrayValue ?? [$0] } ?? []
        guard types.contains(.string(Self.type)) else { throw .invalidEnvelope(member: "type") }
        guard let id = object["id"]?.stringValue, id.hasPrefix(Self.dataURLPrefix),
            id.utf8.count > Self.dataURLPrefix.utf8.count
        else { throw .invalidEnvelope(member: "id") }
        self.jws = String(id.dropFirst(Self.dataURLPrefix.count))
    }

    /// The enveloped credential object: `@context`, `id` (the data URL) and `type`.
    public var json: JSONValue {
        ["@context": .string(Self.context), "id": .string(Self.dataURLPrefix + jws), "type": .string(Self.type)]
    }
}
