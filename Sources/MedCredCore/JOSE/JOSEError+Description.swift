/// One-line messages for people (CLI output, problem `detail`). They quote header and claim names,
/// algorithm and media type names, DIDs, DID URLs and times; never claim values or signature bytes.
extension JOSEError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .wrongPartCount(let count): "a compact JWS has 3 '.'-separated parts, not \(count)"
        case .emptyPart(let part): "the JWS \(part.rawValue) is empty (detached payloads are not accepted)"
        case .invalidBase64URL(let part, let error): "the JWS \(part.rawValue) is not unpadded base64url: \(error)"
        case .invalidJSON(let part, let error): "the JWS \(part.rawValue) is not strict I-JSON: \(error)"
        case .notObject(let part): "the JWS \(part.rawValue) is not a JSON object"
        case .invalidSignatureLength(let expected, let actual):
            "the JWS signature is \(actual) bytes; an Ed25519 signature is \(expected)"
        case .missingHeader(let name): "the JWS header has no '\(name)'"
        case .wrongType(let name): "the JWS header parameter or claim '\(name)' has the wrong JSON type"
        case .unsupportedAlgorithm(let alg): "JWS algorithm '\(alg)' is not accepted (MedCred verifies EdDSA/Ed25519)"
        case .unsupportedCriticalHeaders(let names):
            "the JWS 'crit' lists extensions this verifier does not implement: "
                + names.map { "'\($0)'" }.joined(separator: ", ")
        case .typeMismatch(let expected, let actual): "the JWS 'typ' is '\(actual)', but '\(expected)' was expected"
        case .contentTypeMismatch(let expected, let actual):
            "the JWS 'cty' is '\(actual)', but '\(expected)' was expected"
        case .invalidKeyID(let kid): "the JWS 'kid' '\(kid)' is not an absolute DID URL without path or query"
        case .payloadTypeMismatch(let expected): "the JWS payload's 'type' does not include '\(expected)'"
        case .missingIssuer: "the credential's 'issuer' is absent or not a string"
        case .issuerMismatch(let iss, let expected): "the JWS 'iss' is \(iss), but the signer is \(expected)"
        case .keyNotControlledBySigner(let kid, let expected): "the JWS 'kid' \(kid) does not belong to \(expected)"
        case .expired(let exp, let now): "the JWS expired: 'exp' \(Self.seconds(exp)) is not after now (\(now))"
        case .notYetValid(let nbf, let now):
            "the JWS is not valid yet: 'nbf' \(Self.seconds(nbf)) is after now (\(now))"
        case .verificationKey(let error): "the JWS 'kid' key: \(error)"
        case .signatureInvalid: "the EdDSA signature does not verify over the JWS signing input"
        case .invalidEnvelope(let member): "the EnvelopedVerifiableCredential's '\(member)' is invalid"
        case .signerFailed(let method, let reason): "the signer for '\(method)' could not sign: \(reason)"
        }
    }

    /// NumericDate seconds without a trailing `.0` when whole.
    private static func seconds(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
