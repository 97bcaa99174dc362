/// Why an SD-JWT, a disclosure or a key-binding JWT was rejected, or could not be made.
///
/// RFC 9901 "Selective Disclosure for JWTs (SD-JWT)" §7 (https://www.rfc-editor.org/rfc/rfc9901#section-7).
/// Cases carry digests, claim names, positions and times; never claim values, salts or key bytes.
public enum SDJWTError: Error, Equatable, Sendable {
    /// What is wrong with one disclosure (RFC 9901 §4.2.1, §4.2.2).
    public enum DisclosureDefect: Equatable, Sendable {
        /// Empty, or not strict unpadded base64url.
        case notBase64URL
        /// Not strict I-JSON.
        case notJSON
        /// Not a JSON array.
        case notArray
        /// Not 2 (array element) or 3 (object member) elements.
        case wrongElementCount(Int)
        /// The salt is not a string.
        case saltNotString
        /// The claim name is not a string.
        case nameNotString
    }

    /// The serialization has no `~`, so it is a plain JWT rather than an SD-JWT (RFC 9901 §4).
    case notAnSDJWT
    /// The issuer-signed JWT is not a compact JWS.
    case issuerJWT(JOSEError)
    /// The key-binding JWT is not a compact JWS.
    case keyBindingJWT(JOSEError)
    /// The disclosure at `position` (0-based, after the issuer JWT) is malformed.
    case malformedDisclosure(position: Int, DisclosureDefect)
    /// The same disclosure string appears twice in the presentation (RFC 9901 §7.1 step 3).
    case duplicateDisclosure(digest: String)
    /// A header's `alg` is not one the key verifies: `EdDSA`/`Ed25519` for an Ed25519 key, `ES256` for a P-256
    /// key given as a JWK; `none` and HMAC are always refused (RFC 9901 §7.1 step 2, RFC 8725 §3.1).
    case unsupportedAlgorithm(String)
    /// The header lists `crit` extensions, none of which MedCred implements (RFC 7515 §4.1.11).
    case unsupportedCriticalHeaders([String])
    /// The issuer JWT's `typ` is not one the caller accepts (e.g. `dc+sd-jwt`).
    case typeMismatch(expected: [String], actual: String?)
    /// The issuer's signature does not verify.
    case issuerSignatureInvalid
    /// The issuer JWK the caller supplied is not a usable Ed25519 or P-256 public key.
    case issuerKey(JWKError)
    /// `_sd_alg` is not `sha-256` (RFC 9901 §4.1.1).
    case unsupportedHashAlgorithm(String)
    /// A claim or header member has the wrong JSON type; the name says which.
    case wrongType(String)
    /// `exp` is not after now (RFC 7519 §4.1.4).
    case expired(exp: Double, now: Int64)
    /// `nbf` is after now (RFC 7519 §4.1.5).
    case notYetValid(nbf: Double, now: Int64)
    /// An `_sd` member is not an array of strings, or appears where it must not (RFC 9901 §4.2.4.1).
    case invalidSDMember(pointer: String)
    /// An array element `{"...": …}` is not a digest string, or `...` appears beside other members
    /// (RFC 9901 §4.2.4.2).
    case invalidArrayDigest(pointer: String)
    /// A digest appears more than once in the payload and disclosures (RFC 9901 §7.1 step 4).
    case repeatedDigest(String)
    /// A disclosed claim name is already a member of the object it goes into (RFC 9901 §7.1 step 3.3.2.4).
    case claimNameExists(name: String, pointer: String)
    /// A disclosure names the claim `_sd` or `...` (RFC 9901 §7.1 step 3.3.2.3).
    case forbiddenClaimName(String)
    /// An object-member disclosure is referenced from an array, or an array-element one from `_sd`.
    case disclosureFormMismatch(digest: String)
    /// A disclosure's digest is in no `_sd` array or `...` element: tampered, extra, or for another
    /// SD-JWT (RFC 9901 §7.1 step 5).
    case unreferencedDisclosure(digest: String)
    /// Key binding is required but the presentation has no KB-JWT (RFC 9901 §7.3 step 1).
    case keyBindingMissing
    /// The payload's `cnf` is absent or names no key MedCred can use (RFC 7800 §3).
    case missingHolderKey
    /// The `cnf.jwk` is not a usable Ed25519 public key (or, where the issuer key was given as a JWK, P-256).
    case holderKey(JWKError)
    /// The KB-JWT's `typ` is not `kb+jwt` (RFC 9901 §4.3).
    case keyBindingTypeMismatch(String?)
    /// The KB-JWT signature does not verify with the holder key.
    case keyBindingSignatureInvalid
    /// The KB-JWT's `aud` is not the verifier's.
    case keyBindingAudienceMismatch(expected: String, actual: String?)
    /// The KB-JWT's `nonce` is not the one the verifier issued.
    case keyBindingNonceMismatch
    /// The KB-JWT's `iat` is older than the allowed age plus skew.
    case keyBindingIssuedTooLongAgo(iat: Double, now: Int64)
    /// The KB-JWT's `iat` is later than now plus skew.
    case keyBindingIssuedInFuture(iat: Double, now: Int64)
    /// The KB-JWT's `sd_hash` does not match the presented SD-JWT (RFC 9901 §4.3.1).
    case keyBindingHashMismatch
    /// A claim path given for issuance or presentation names nothing in the claims.
    case unknownClaimPath(String)
    /// Issuance was asked to make `_sd`, `_sd_alg`, `...` or a registered claim like `iss` disclosable.
    case claimNotDisclosable(String)
    /// The signer could not sign; `reason` is its error's description.
    case signerFailed(verificationMethod: String, reason: String)
}
