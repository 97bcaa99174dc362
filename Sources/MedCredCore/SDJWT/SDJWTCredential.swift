public import MedCredCrypto

/// SD-JWT VC: a credential as an SD-JWT with `typ` `dc+sd-jwt`, a `vct`, an `iss` DID whose key the header
/// `kid` names, a `cnf` holder key and a `status` reference (draft-ietf-oauth-sd-jwt-vc-18 §3,
/// https://datatracker.ietf.org/doc/draft-ietf-oauth-sd-jwt-vc/).
///
/// `vct` is a URI MedCred controls, `https://schemas.medcred.dev/<Type>/v1` (``vct(forType:)``): the draft asks
/// for a collision-resistant name (§3.2.2.1.1), and the same host serves the JSON Schemas and the type metadata.
public enum SDJWTCredential {
    /// The media type MedCred writes (draft-18 §3.1).
    public static let type = "dc+sd-jwt"
    /// The media types accepted: `dc+sd-jwt`, and `vc+sd-jwt` from drafts before -06.
    public static let acceptedTypes = ["dc+sd-jwt", "vc+sd-jwt"]

    /// The `vct` MedCred uses for a credential type, e.g. `https://schemas.medcred.dev/PatientIdentityCredential/v1`.
    /// - Parameter type: the credential type name.
    /// - Returns: the `vct` URI.
    public static func vct(forType type: String) -> String {
        CredentialSchemas.baseURI + type + "/v1"
    }

    /// Everything an SD-JWT VC needs beyond its claims.
    public struct Draft: Sendable {
        /// The `vct` value.
        public var vct: String
        /// The subject claims (e.g. `given_name`, `birthdate`), top-level as SD-JWT VC places them.
        public var claims: JSONObject
        /// The claims to make selectively disclosable.
        public var disclosable: [SDJWTClaimPath]
        /// The holder's key, written as `cnf.jwk`.
        public var holderKey: Ed25519.PublicKey
        /// `iat`, seconds since 1970.
        public var issuedAt: Int64
        /// `exp`, when the credential expires.
        public var expiresAt: Int64?
        /// The `status` claim (``SDJWTStatusReference/json``), or `nil`.
        public var status: SDJWTStatusReference?

        /// Creates a draft.
        /// - Parameters:
        ///   - vct: the credential type URI.
        ///   - claims: the subject claims.
        ///   - disclosable: which of them to conceal.
        ///   - holderKey: the holder's key.
        ///   - issuedAt: `iat`.
        ///   - expiresAt: `exp`, or `nil`.
        ///   - status: the status reference, or `nil`.
        public init(
            vct: String, claims: JSONObject, disclosable: [SDJWTClaimPath], holderKey: Ed25519.PublicKey,
            issuedAt: Int64, expiresAt: Int64? = nil, status: SDJWTStatusReference? = nil
        ) {
            self.vct = vct
            self.claims = claims
            self.disclosable = disclosable
            self.holderKey = holderKey
            self.issuedAt = issuedAt
            self.expiresAt = expiresAt
            self.status = status
        }
    }

    /// Issues an SD-JWT VC signed by `signer`, whose DID becomes `iss` and whose verification method is `kid`.
    /// - Parameters:
    ///   - draft: the claims and metadata.
    ///   - decoysPerObject: decoy digests per `_sd` array.
    ///   - random: the salt source.
    ///   - signer: the issuer key; its `verificationMethod` must be a DID URL.
    /// - Returns: the SD-JWT (no KB-JWT).
    /// - Throws: ``SDJWTError/wrongType(_:)`` naming `kid` for a signer that is not a DID URL, or an
    ///   ``SDJWTIssuer/issue(claims:disclosable:header:decoysPerObject:random:signer:)`` error.
    public static func issue(
        _ draft: Draft, decoysPerObject: Int = 2, random: inout some SDJWTRandomSource, signer: some ProofSigner
    ) throws(SDJWTError) -> SDJWT {
        guard let kid = try? DIDURL(parsing: signer.verificationMethod) else { throw .wrongType("kid") }
        var claims: JSONObject = [
            "iss": .string(kid.did.description), "iat": .number(Double(draft.issuedAt)), "vct": .string(draft.vct),
        ]
        if let exp = draft.expiresAt { claims["exp"] = .number(Double(exp)) }
        claims["cnf"] = ["jwk": .object(JWK.json(for: draft.holderKey))]
        if let status = draft.status { claims["status"] = status.json }
        for member in draft.claims where claims[member.name] == nil { claims[member.name] = member.value }
        let header: JSONObject = ["alg": "EdDSA", "typ": .string(type), "kid": .string(kid.description)]
        return try SDJWTIssuer.issue(
            claims: claims, disclosable: draft.disclosable, header: header, decoysPerObject: decoysPerObject,
            random: &random, signer: signer)
    }
}

/// The `status` claim of an SD-JWT VC (draft-18 §3.2.2.2): where revocation and suspension are published.
///
/// MedCred writes `{"bitstring_status_list": [<BitstringStatusListEntry>…]}`, the entries its service already
/// serves for the other formats; it also reads the IETF Token Status List form `{"status_list": {"idx", "uri"}}`
/// (draft-ietf-oauth-status-list §6.2) so the service can check either.
public enum SDJWTStatusReference: Equatable, Sendable {
    /// W3C Bitstring Status List entries, one per purpose.
    case bitstringStatusList([BitstringStatusListEntry])
    /// An IETF Token Status List reference.
    case tokenStatusList(index: Int, uri: String)

    /// Reads a `status` claim.
    /// - Parameter json: the claim value.
    /// - Returns: the reference, or `nil` when the claim names no mechanism MedCred knows or is malformed.
    public init?(json: JSONValue) {
        if let list = json["status_list"]?.objectValue {
            guard let idx = list["idx"]?.doubleValue, idx >= 0, idx.rounded() == idx, idx < 1e15,
                let uri = list["uri"]?.stringValue
            else { return nil }
            self = .tokenStatusList(index: Int(idx), uri: uri)
            return
        }
        guard let entries = json["bitstring_status_list"]?.arrayValue, !entries.isEmpty else { return nil }
        var parsed: [BitstringStatusListEntry] = []
        for entry in entries {
            guard let object = entry.objectValue, let value = try? BitstringStatusListEntry(parsing: object) else {
                return nil
            }
            parsed.append(value)
        }
        self = .bitstringStatusList(parsed)
    }

    /// The claim value.
    public var json: JSONValue {
        switch self {
        case .tokenStatusList(let index, let uri):
            ["status_list": ["idx": .number(Double(index)), "uri": .string(uri)]]
        case .bitstringStatusList(let entries):
            ["bitstring_status_list": .array(entries.map(Self.entryJSON))]
        }
    }

    /// A `BitstringStatusListEntry` object (Bitstring Status List §2.1), members in the spec's order.
    private static func entryJSON(_ entry: BitstringStatusListEntry) -> JSONValue {
        var object: JSONObject = [:]
        if let id = entry.id { object["id"] = .string(id) }
        object["type"] = .string(BitstringStatusListEntry.type)
        object["statusPurpose"] = .string(entry.statusPurpose.rawValue)
        object["statusListIndex"] = .string(String(entry.statusListIndex))
        object["statusListCredential"] = .string(entry.statusListCredential)
        if entry.statusSize != 1 { object["statusSize"] = .number(Double(entry.statusSize)) }
        if !entry.statusMessage.isEmpty {
            object["statusMessage"] = .array(
                entry.statusMessage.map { ["status": .string($0.status), "message": .string($0.message)] })
        }
        return .object(object)
    }
}
