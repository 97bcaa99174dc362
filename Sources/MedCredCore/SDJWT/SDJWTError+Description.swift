/// One-line messages for people (CLI output, problem `detail`). They quote claim names, digests, algorithm and
/// media type names and times; never claim values, salts or key bytes.
extension SDJWTError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notAnSDJWT: "not an SD-JWT: expected '<issuer JWT>~<disclosures>~[<KB-JWT>]'"
        case .issuerJWT(let error): "the issuer-signed JWT: \(error)"
        case .keyBindingJWT(let error): "the key-binding JWT: \(error)"
        case .malformedDisclosure(let position, let defect): "disclosure \(position) is malformed: \(defect)"
        case .duplicateDisclosure(let digest): "disclosure \(digest) is presented twice"
        case .unsupportedAlgorithm(let alg):
            "JWS algorithm '\(alg)' is not accepted (MedCred verifies EdDSA/Ed25519, and ES256 with a given P-256 key)"
        case .unsupportedCriticalHeaders(let names): "unsupported 'crit' extensions: \(names.joined(separator: ", "))"
        case .typeMismatch(let expected, let actual):
            "the SD-JWT 'typ' is '\(actual ?? "absent")', expected one of \(expected.joined(separator: ", "))"
        case .issuerSignatureInvalid: "the issuer's signature does not verify"
        case .issuerKey(let error): "the issuer key: \(error)"
        case .unsupportedHashAlgorithm(let alg): "'_sd_alg' '\(alg)' is not supported (only sha-256)"
        case .wrongType(let name): "the claim or header '\(name)' has the wrong JSON type"
        case .expired(let exp, let now): "the SD-JWT expired: 'exp' \(Self.seconds(exp)) is not after now (\(now))"
        case .notYetValid(let nbf, let now):
            "the SD-JWT is not valid yet: 'nbf' \(Self.seconds(nbf)) is after now (\(now))"
        case .invalidSDMember(let pointer): "'_sd' at '\(pointer)' is not an array of digest strings"
        case .invalidArrayDigest(let pointer): "'...' at '\(pointer)' is not a lone array-element digest"
        case .repeatedDigest(let digest): "digest \(digest) appears more than once"
        case .claimNameExists(let name, let pointer): "disclosed claim '\(name)' already exists at '\(pointer)'"
        case .forbiddenClaimName(let name): "a disclosure may not name the claim '\(name)'"
        case .disclosureFormMismatch(let digest):
            "disclosure \(digest) is of the wrong form for its place (object member vs array element)"
        case .unreferencedDisclosure(let digest): "disclosure \(digest) is not referenced by the payload"
        case .keyBindingMissing: "key binding is required but the presentation has no KB-JWT"
        case .missingHolderKey: "the payload's 'cnf' names no usable holder key"
        case .holderKey(let error): "the 'cnf' holder key: \(error)"
        case .keyBindingTypeMismatch(let typ): "the KB-JWT 'typ' is '\(typ ?? "absent")', not 'kb+jwt'"
        case .keyBindingSignatureInvalid: "the KB-JWT signature does not verify with the 'cnf' key"
        case .keyBindingAudienceMismatch(let expected, let actual):
            "the KB-JWT 'aud' is '\(actual ?? "absent")', expected '\(expected)'"
        case .keyBindingNonceMismatch: "the KB-JWT 'nonce' is not the verifier's"
        case .keyBindingIssuedTooLongAgo(let iat, let now):
            "the KB-JWT 'iat' \(Self.seconds(iat)) is too old (now \(now))"
        case .keyBindingIssuedInFuture(let iat, let now):
            "the KB-JWT 'iat' \(Self.seconds(iat)) is in the future (now \(now))"
        case .keyBindingHashMismatch: "the KB-JWT 'sd_hash' does not match the presented SD-JWT"
        case .unknownClaimPath(let path): "no claim at '\(path)'"
        case .claimNotDisclosable(let name): "the claim '\(name)' cannot be made selectively disclosable"
        case .signerFailed(let method, let reason): "the signer for '\(method)' could not sign: \(reason)"
        }
    }

    /// NumericDate seconds without a trailing `.0` when whole; never traps on huge values.
    private static func seconds(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
