public import MedCredCrypto

/// The outcome of verifying an SD-JWT VC: the checks in the style of ``VerificationResult`` and, when it
/// verified, the disclosed claims, the status reference and the holder key.
public struct SDJWTCredentialVerification: Equatable, Sendable {
    /// Every check that ran, in order: `parsing`, `proof`, `validityPeriod`, `disclosures`, `keyBinding`,
    /// `proofController`, `dataModel` (``SDJWTCredentialVerifier/CheckName``).
    public internal(set) var result = VerificationResult()
    /// The processed claims (disclosed claims plus the always-visible ones), when verified.
    public internal(set) var claims: JSONObject?
    /// The `status` claim, for the caller's revocation and suspension check.
    public internal(set) var status: SDJWTStatusReference?
    /// The holder key that signed the KB-JWT, when there was one.
    public internal(set) var holderKey: Ed25519.PublicKey?

    /// Whether every check passed.
    public var verified: Bool { result.verified }
}

/// Verifies SD-JWT VCs for the service: resolves the issuer `kid` (as of `iat`) and a `cnf.kid`, then runs
/// ``SDJWTVerifier`` and the SD-JWT VC rules of draft-ietf-oauth-sd-jwt-vc-18 §3.
public enum SDJWTCredentialVerifier {
    /// Check names in results; the first four are ``VerificationCheck`` names.
    public enum CheckName: String, CaseIterable, Sendable {
        /// The compact serialization, the JWS and each disclosure are well formed.
        case parsing
        /// `alg`, `typ` and `kid` are acceptable, `kid` resolves to an `assertionMethod` key, the signature verifies.
        case proof
        /// `exp` and `nbf` admit now.
        case validityPeriod
        /// Every disclosure is referenced exactly once and fits where it goes (RFC 9901 §7.1).
        case disclosures
        /// The KB-JWT is present when required, signed by the `cnf` key, for this audience, nonce and SD-JWT.
        case keyBinding
        /// `iss` is the DID of the `kid` key.
        case proofController
        /// `vct` and `iss` are strings, `cnf` is present, `status` names a known mechanism.
        case dataModel
    }

    /// Verifies an SD-JWT VC presentation.
    /// - Parameters:
    ///   - text: the SD-JWT or SD-JWT+KB.
    ///   - now: the verifier's clock.
    ///   - keyBinding: the audience and nonce required, or `nil` when key binding is optional.
    ///   - resolver: resolves the issuer and `cnf.kid` DIDs.
    /// - Returns: the checks and, when verified, the claims.
    /// - Throws: ``DIDResolutionError`` when a DID cannot be resolved.
    public static func verify(
        _ text: String, now: XSDDateTime, keyBinding: KeyBindingRequirement?, resolver: some DIDResolver
    ) async throws(DIDResolutionError) -> SDJWTCredentialVerification {
        var outcome = SDJWTCredentialVerification()
        let sdJWT: SDJWT
        let jws: CompactJWS
        do {
            sdJWT = try SDJWT(parsing: text)
            jws = try sdJWT.issuerJWS()
        } catch {
            outcome.result.record(CheckName.parsing.rawValue, problems: [problem(error)])
            return outcome
        }
        outcome.result.record(CheckName.parsing.rawValue)
        let seconds = Int64(now.secondsSince1970AssumingUTC)
        guard let kidText = jws.header["kid"]?.stringValue, let kid = try? DIDURL(parsing: kidText),
            kid.fragment != nil
        else {
            outcome.result.record(CheckName.proof.rawValue, problems: [problem(.wrongType("kid"), pointer: "/kid")])
            return outcome
        }
        let payload = jws.payload.objectValue ?? [:]
        // Resolve as of `iat`, so a credential signed before a key rotation still verifies; an `iat` out of range
        // resolves the current document and fails later on its type.
        let issuedAt = payload["iat"]?.doubleValue.flatMap { iat in
            abs(iat) < 1e11 ? XSDDateTime(secondsSince1970: Int(iat)).utcTimestamp : nil
        }
        let issuerKey = try await resolveVerificationKey(
            verificationMethod: kid.description, purpose: VerificationRelationship.assertionMethod.rawValue,
            resolver: resolver, versionTime: issuedAt)
        let key: Ed25519.PublicKey
        switch issuerKey {
        case .failure(let error):
            let detail = "the SD-JWT 'kid' key: \(error)"
            outcome.result.record(
                CheckName.proof.rawValue,
                problems: [CredentialProblem(type: .proofVerification, pointer: "/kid", detail: detail)])
            return outcome
        case .success(let value): key = value
        }
        var holderKidKey: Ed25519.PublicKey?
        if sdJWT.keyBindingJWT != nil || keyBinding != nil, let cnfKid = payload["cnf"]?["kid"]?.stringValue {
            let resolved = try await resolveVerificationKey(
                verificationMethod: cnfKid, purpose: VerificationRelationship.authentication.rawValue,
                resolver: resolver, versionTime: nil)
            holderKidKey = try? resolved.get()
        }
        let options = SDJWTVerificationOptions(
            now: seconds, acceptedTypes: SDJWTCredential.acceptedTypes, keyBinding: keyBinding)
        let verified: SDJWTVerified
        do {
            verified = try SDJWTVerifier.verify(sdJWT, issuerKey: key, holderKidKey: holderKidKey, options: options)
        } catch {
            let failed = check(for: error)
            let order: [CheckName] = [.proof, .validityPeriod, .disclosures, .keyBinding]
            for name in order.prefix(while: { $0 != failed }) { outcome.result.record(name.rawValue) }
            outcome.result.record(failed.rawValue, problems: [problem(error)])
            return outcome
        }
        for name in [CheckName.proof, .validityPeriod, .disclosures, .keyBinding] {
            outcome.result.record(name.rawValue)
        }
        let claims = verified.payload.claims
        let iss = claims["iss"]?.stringValue
        outcome.result.record(
            CheckName.proofController.rawValue,
            problems: iss.map { ExactString.equal($0, kid.did.description) } == true
                ? []
                : [CredentialProblem(type: .proofVerification, pointer: "/iss", detail: "'iss' is not the 'kid' DID")])
        outcome.result.record(CheckName.dataModel.rawValue, problems: dataModelProblems(claims))
        outcome.claims = claims
        outcome.status = claims["status"].flatMap(SDJWTStatusReference.init(json:))
        outcome.holderKey = verified.holderKey
        return outcome
    }

    private static func dataModelProblems(_ claims: JSONObject) -> [CredentialProblem] {
        var problems: [CredentialProblem] = []
        for name in ["vct", "iss"] where claims[name]?.stringValue == nil {
            problems.append(
                CredentialProblem(type: .malformedValue, pointer: "/" + name, detail: "'\(name)' must be a string"))
        }
        if claims["cnf"]?.objectValue == nil {
            problems.append(CredentialProblem(type: .malformedValue, pointer: "/cnf", detail: "'cnf' is required"))
        }
        if let status = claims["status"], SDJWTStatusReference(json: status) == nil {
            problems.append(
                CredentialProblem(
                    type: .malformedValue, pointer: "/status", detail: "'status' names no known mechanism"))
        }
        return problems
    }

    /// The check an ``SDJWTError`` fails.
    static func check(for error: SDJWTError) -> CheckName {
        switch error {
        case .notAnSDJWT, .issuerJWT, .malformedDisclosure, .unknownClaimPath, .claimNotDisclosable, .signerFailed:
            .parsing
        case .unsupportedAlgorithm, .unsupportedCriticalHeaders, .typeMismatch, .issuerSignatureInvalid, .issuerKey:
            .proof
        case .expired, .notYetValid, .wrongType: .validityPeriod
        case .duplicateDisclosure, .unsupportedHashAlgorithm, .invalidSDMember, .invalidArrayDigest, .repeatedDigest,
            .claimNameExists, .forbiddenClaimName, .disclosureFormMismatch, .unreferencedDisclosure:
            .disclosures
        case .keyBindingJWT, .keyBindingMissing, .missingHolderKey, .holderKey, .keyBindingTypeMismatch,
            .keyBindingSignatureInvalid, .keyBindingAudienceMismatch, .keyBindingNonceMismatch,
            .keyBindingIssuedTooLongAgo, .keyBindingIssuedInFuture, .keyBindingHashMismatch:
            .keyBinding
        }
    }

    private static func problem(_ error: SDJWTError, pointer: String = "") -> CredentialProblem {
        let type: ProblemType =
            switch error {
            case .keyBindingAudienceMismatch: .invalidDomain
            case .keyBindingNonceMismatch: .invalidChallenge
            case .expired, .notYetValid, .keyBindingIssuedTooLongAgo, .keyBindingIssuedInFuture: .range
            case .issuerSignatureInvalid, .keyBindingSignatureInvalid, .keyBindingHashMismatch, .unreferencedDisclosure,
                .repeatedDigest:
                .cryptographicSecurity
            case .notAnSDJWT, .issuerJWT, .malformedDisclosure, .keyBindingJWT: .parsing
            default: .malformedValue
            }
        return CredentialProblem(type: type, pointer: pointer, detail: error.description)
    }
}
