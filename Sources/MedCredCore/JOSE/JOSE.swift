public import MedCredCrypto

/// Securing verifiable credentials and presentations with JOSE: the VCDM 2.0 document is the JWS payload.
///
/// W3C Securing Verifiable Credentials using JOSE and COSE §3.1 (https://www.w3.org/TR/vc-jose-cose/#with-jose):
/// compact JWS (RFC 7515), `alg` `EdDSA` (RFC 8037), `typ` `vc+jwt` or `vp+jwt`, and `kid` the DID URL of the
/// signing key (§4.1.1). The payload is the credential itself, not the VC 1.1 `vc` claim wrapper.
public enum JOSE {
    /// The header MedCred writes: `{"alg":"EdDSA","kid":<verification method>,"typ":<media type>}`.
    ///
    /// `cty` is optional (§3.1.1) and left out: `typ` already says what the payload is.
    /// - Parameters:
    ///   - mediaType: `vc+jwt` or `vp+jwt`.
    ///   - kid: the signer's verification method.
    /// - Returns: the header members.
    public static func header(for mediaType: JOSEMediaType, kid: String) -> JSONObject {
        ["alg": "EdDSA", "kid": .string(kid), "typ": .string(mediaType.rawValue)]
    }

    /// Secures a credential (`vc+jwt`) or presentation (`vp+jwt`) as a compact JWS (VC-JOSE-COSE §3.1.1–3.1.2).
    /// - Parameters:
    ///   - document: the unsecured credential or presentation, a JSON object.
    ///   - mediaType: which of the two it is.
    ///   - signer: the key; its verification method becomes `kid`.
    /// - Returns: the compact JWS, whose media type is `application/vc+jwt` or `application/vp+jwt`.
    /// - Throws: ``JOSEError/notObject(_:)`` when the document is not an object,
    ///   ``JOSEError/signerFailed(verificationMethod:reason:)`` or
    ///   ``JOSEError/invalidSignatureLength(expected:actual:)``.
    public static func secure(_ document: JSONValue, as mediaType: JOSEMediaType, signer: some ProofSigner)
        throws(JOSEError) -> String
    {
        guard document.objectValue != nil else { throw .notObject(.payload) }
        return try CompactJWS.sign(
            header: header(for: mediaType, kid: signer.verificationMethod), payload: document, signer: signer)
    }

    /// Verifies a compact JWS securing a credential or presentation, with keys the caller supplies
    /// (VC-JOSE-COSE §5.1 "Verifying a Credential or Presentation Secured with JOSE", RFC 7519 §7.2).
    ///
    /// The header is checked before any key is looked up, and the payload only after the signature verified.
    /// - Parameters:
    ///   - jws: the compact JWS as received.
    ///   - mediaType: what the caller expects: `typ` must match.
    ///   - now: the current time, for `exp` and `nbf`, in whole seconds; without a timezone it is read as UTC.
    ///   - publicKey: the key `kid` names, authorized for ``JOSEMediaType/proofPurpose``, or why there is none.
    /// - Returns: the outcome, with the payload as the verified document on success.
    public static func verify(
        _ jws: String, as mediaType: JOSEMediaType, now: XSDDateTime,
        publicKey: (DIDURL) -> Result<Ed25519.PublicKey, VerificationKeyError>
    ) -> JOSEVerification {
        let checked: (jws: CompactJWS, kid: DIDURL)
        switch JOSEHeaderCheck.run(jws, mediaType: mediaType) {
        case .failure(let error): return JOSEVerification(mediaType: mediaType, failure: error)
        case .success(let value): checked = value
        }
        return finish(checked.jws, kid: checked.kid, mediaType: mediaType, now: now, key: publicKey(checked.kid))
    }

    /// Verifies a compact JWS securing a credential or presentation, resolving `kid` through DID resolution and
    /// requiring the key to be authorized for the media type's purpose (VC-JOSE-COSE §4.1.1, §5.1; CID 1.0 §3.3).
    /// - Parameters:
    ///   - jws: the compact JWS as received.
    ///   - mediaType: what the caller expects.
    ///   - now: the current time.
    ///   - resolver: where DID documents come from; the current document is used.
    /// - Returns: the outcome.
    /// - Throws: ``DIDResolutionError`` when the `kid`'s DID cannot be resolved.
    public static func verify(
        _ jws: String, as mediaType: JOSEMediaType, now: XSDDateTime, resolver: some DIDResolver
    ) async throws(DIDResolutionError) -> JOSEVerification {
        let checked: (jws: CompactJWS, kid: DIDURL)
        switch JOSEHeaderCheck.run(jws, mediaType: mediaType) {
        case .failure(let error): return JOSEVerification(mediaType: mediaType, failure: error)
        case .success(let value): checked = value
        }
        let key = try await resolveVerificationKey(
            verificationMethod: checked.kid.description, purpose: mediaType.proofPurpose, resolver: resolver,
            versionTime: nil)
        return finish(checked.jws, kid: checked.kid, mediaType: mediaType, now: now, key: key)
    }

    private static func finish(
        _ jws: CompactJWS, kid: DIDURL, mediaType: JOSEMediaType, now: XSDDateTime,
        key: Result<Ed25519.PublicKey, VerificationKeyError>
    ) -> JOSEVerification {
        let publicKey: Ed25519.PublicKey
        switch key {
        case .failure(let error): return JOSEVerification(mediaType: mediaType, failure: .verificationKey(error))
        case .success(let value): publicKey = value
        }
        guard publicKey.isValidSignature(jws.signature, for: jws.signingInput) else {
            return JOSEVerification(mediaType: mediaType, failure: .signatureInvalid)
        }
        do {
            try JOSEPayloadCheck.run(jws, kid: kid, mediaType: mediaType, now: Int64(now.secondsSince1970AssumingUTC))
        } catch {
            return JOSEVerification(mediaType: mediaType, failure: error)
        }
        return JOSEVerification(mediaType: mediaType, header: jws.header, document: jws.payload)
    }
}

/// The two media types of VC-JOSE-COSE §6.1 (https://www.w3.org/TR/vc-jose-cose/#media-types); the raw value is
/// the `typ` header value.
public enum JOSEMediaType: String, Sendable, CaseIterable {
    /// `application/vc+jwt`: a verifiable credential.
    case verifiableCredential = "vc+jwt"
    /// `application/vp+jwt`: a verifiable presentation.
    case verifiablePresentation = "vp+jwt"

    /// The full media type, e.g. `application/vc+jwt`.
    public var mediaType: String { "application/" + rawValue }

    /// The `cty` value VC-JOSE-COSE §3.1 recommends when `cty` is present: `vc` or `vp`.
    public var contentType: String {
        switch self {
        case .verifiableCredential: "vc"
        case .verifiablePresentation: "vp"
        }
    }

    /// The verification relationship `kid` must be authorized for: `assertionMethod` for credentials,
    /// `authentication` for presentations (DID Core §5.3).
    public var proofPurpose: String {
        switch self {
        case .verifiableCredential: VerificationRelationship.assertionMethod.rawValue
        case .verifiablePresentation: VerificationRelationship.authentication.rawValue
        }
    }

    /// The `type` the payload must include: `VerifiableCredential` or `VerifiablePresentation`.
    public var documentType: String {
        switch self {
        case .verifiableCredential: "VerifiableCredential"
        case .verifiablePresentation: "VerifiablePresentation"
        }
    }
}

/// The outcome of verifying a JOSE-secured credential or presentation (VC-JOSE-COSE §5.1: `status`,
/// `document`, `mediaType`).
public struct JOSEVerification: Equatable, Sendable {
    /// The media type that was expected.
    public let mediaType: JOSEMediaType
    /// The JOSE header, when verification succeeded.
    public let header: JSONObject?
    /// The verified credential or presentation (the payload), or `nil`.
    public let document: JSONValue?
    /// Why verification failed, or `nil`.
    public let failure: JOSEError?

    /// Whether the JWS verified.
    public var verified: Bool { failure == nil }

    init(mediaType: JOSEMediaType, failure: JOSEError) {
        self.mediaType = mediaType
        self.header = nil
        self.document = nil
        self.failure = failure
    }

    init(mediaType: JOSEMediaType, header: JSONObject, document: JSONValue) {
        self.mediaType = mediaType
        self.header = header
        self.document = document
        self.failure = nil
    }
}
