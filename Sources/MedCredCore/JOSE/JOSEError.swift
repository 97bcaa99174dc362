/// Why a compact JWS securing a credential or presentation was rejected (RFC 7515
/// https://www.rfc-editor.org/rfc/rfc7515, RFC 7519 §7.2 https://www.rfc-editor.org/rfc/rfc7519#section-7.2,
/// and W3C VC-JOSE-COSE §3.1 https://www.w3.org/TR/vc-jose-cose/#securing-with-jose).
///
/// Parsing throws these; verification reports them in a ``JOSEVerification``.
public enum JOSEError: Error, Equatable, Sendable {
    /// A part of the compact serialization.
    public enum Part: String, Sendable {
        /// The JOSE header, the first part.
        case header
        /// The payload, the second part.
        case payload
        /// The signature, the third part.
        case signature
    }

    /// The text does not have exactly three `.`-separated parts (RFC 7515 §7.1); `count` is how many it has.
    case wrongPartCount(Int)
    /// A part is empty; the detached-payload form of RFC 7515 Appendix F is not accepted.
    case emptyPart(Part)
    /// A part is not strict unpadded base64url (RFC 7515 §2).
    case invalidBase64URL(Part, Base64URLError)
    /// The header or payload is not strict I-JSON (RFC 7515 §5.2 step 4, RFC 7519 §7.2 step 10).
    case invalidJSON(Part, JSONParseError)
    /// The header or payload is JSON but not an object.
    case notObject(Part)
    /// The signature is not 64 bytes (RFC 8037 §3.1).
    case invalidSignatureLength(expected: Int, actual: Int)
    /// A required header parameter is absent: `alg`, `typ` or `kid`.
    case missingHeader(String)
    /// A header parameter or claim has the wrong JSON type, e.g. a number for `kid` or a string for `exp`.
    case wrongType(String)
    /// `alg` is not `EdDSA` or `Ed25519`; `none` and HMAC algorithms are among the refused (RFC 8725 §3.1–3.2).
    case unsupportedAlgorithm(String)
    /// `crit` lists extensions this verifier does not implement, so it must reject (RFC 7515 §4.1.11).
    case unsupportedCriticalHeaders([String])
    /// `typ` is not the media type expected, e.g. `vp+jwt` where `vc+jwt` was expected (RFC 8725 §3.11).
    case typeMismatch(expected: String, actual: String)
    /// `cty` is present but not `vc` or `vp` to match `typ` (VC-JOSE-COSE §3.1.1).
    case contentTypeMismatch(expected: String, actual: String)
    /// `kid` is not an absolute DID URL without path or query (VC-JOSE-COSE §4.1.1).
    case invalidKeyID(String)
    /// The payload's `type` does not include `VerifiableCredential` or `VerifiablePresentation`; the VC 1.1
    /// `vc`/`vp` claim wrapper is one such payload.
    case payloadTypeMismatch(expected: String)
    /// The credential's `issuer` (or `issuer.id`) is absent or not a string.
    case missingIssuer
    /// `iss` is present but differs from the credential's `issuer` or the presentation's `holder`
    /// (VC-JOSE-COSE §4.1.2).
    case issuerMismatch(iss: String, expected: String)
    /// The key named by `kid` belongs to another DID than the credential's issuer or the presentation's holder.
    case keyNotControlledBySigner(kid: String, expected: String)
    /// `exp` is not after the current time (RFC 7519 §4.1.4).
    case expired(exp: Double, now: Int64)
    /// `nbf` is after the current time (RFC 7519 §4.1.5).
    case notYetValid(nbf: Double, now: Int64)
    /// The `kid` gives no key authorized for the purpose: `assertionMethod` for credentials,
    /// `authentication` for presentations.
    case verificationKey(VerificationKeyError)
    /// The EdDSA signature does not verify over the signing input (RFC 7515 §5.2 step 8).
    case signatureInvalid
    /// An `EnvelopedVerifiableCredential` member is wrong: `type`, `id` (not a `data:application/vc+jwt,`
    /// URL) or `@context` (VCDM 2.0 §4.13).
    case invalidEnvelope(member: String)
    /// The signer could not sign; `reason` is its error's description, which signers keep free of secrets.
    case signerFailed(verificationMethod: String, reason: String)
}
