/// A verification method: a public key and who controls it (W3C DID Core §5.2.1).
///
/// Key material stays as written: `publicKeyMultibase` (Multikey), `publicKeyJwk` (JSON Web Key) or the
/// legacy `publicKeyBase58` of the 2018/2019 suites; other members are kept in ``additionalMembers``.
/// See https://www.w3.org/TR/did-core/#verification-methods.
public struct VerificationMethod: Hashable, Sendable {
    /// The DID URL naming this method, e.g. `did:key:z6Mk…#z6Mk…`; relative ids are resolved on parsing.
    public var id: DIDURL
    /// The verification method type, e.g. `Multikey`.
    public var type: String
    /// The DID of the entity allowed to use the private key.
    public var controller: DID
    /// A multibase-encoded Multikey, e.g. `z6Mk…` (Controlled Identifiers §2.2.2).
    public var publicKeyMultibase: String?
    /// A public JSON Web Key (RFC 7517), with no private members.
    public var publicKeyJwk: JSONObject?
    /// The base58btc raw key of the legacy `Ed25519VerificationKey2018` and `X25519KeyAgreementKey2019` types.
    public var publicKeyBase58: String?
    /// Members this model does not name, in order.
    public var additionalMembers: JSONObject

    /// Creates a verification method (W3C DID Core §5.2.1).
    /// - Parameters:
    ///   - id: the method's DID URL.
    ///   - type: the method type, e.g. `Multikey`.
    ///   - controller: the controlling DID.
    ///   - publicKeyMultibase: a multibase key, or `nil`.
    ///   - publicKeyJwk: a public JWK, or `nil`.
    ///   - publicKeyBase58: a legacy base58 key, or `nil`.
    ///   - additionalMembers: any other members.
    public init(
        id: DIDURL, type: String, controller: DID, publicKeyMultibase: String? = nil,
        publicKeyJwk: JSONObject? = nil, publicKeyBase58: String? = nil, additionalMembers: JSONObject = [:]
    ) {
        self.id = id
        self.type = type
        self.controller = controller
        self.publicKeyMultibase = publicKeyMultibase
        self.publicKeyJwk = publicKeyJwk
        self.publicKeyBase58 = publicKeyBase58
        self.additionalMembers = additionalMembers
    }
}
