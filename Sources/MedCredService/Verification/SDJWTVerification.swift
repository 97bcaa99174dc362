public import Foundation
public import MedCredCore
import MedCredCrypto

/// An SD-JWT VC verified by the service: Core's checks (``SDJWTCredentialVerifier``) followed by the service's
/// `status` and `accreditation` checks, with what a login needs to judge it.
public struct SDJWTVerificationOutcome: Sendable {
    /// `parsing`, `proof`, `validityPeriod`, `disclosures`, `keyBinding`, `proofController`, `dataModel`, then
    /// `status` and `accreditation` when everything before passed.
    public var result: VerificationResult
    /// The top-level claims revealed by the presented disclosures (never the always-visible `iss`, `cnf`…).
    public var disclosedClaims: JSONObject
    /// The `vct`, when verified.
    public var vct: String?
    /// The credential type `vct` names, for a MedCred `vct` (`https://schemas.medcred.dev/<Type>/v1`).
    public var credentialType: String?
    /// The did:key of the `cnf` key that signed the KB-JWT, when there was one.
    public var holder: String?
}

/// The unverified `nonce` and `aud` of an SD-JWT+KB's KB-JWT, to look the challenge up before verifying.
struct SDJWTKeyBindingClaims {
    let nonce: String?
    let audience: String?

    init?(_ text: String) {
        guard let sdJWT = try? SDJWT(parsing: text), let kb = sdJWT.keyBindingJWT,
            let jws = try? CompactJWS(parsing: kb)
        else { return nil }
        nonce = jws.payload["nonce"]?.stringValue
        audience = jws.payload["aud"]?.stringValue
    }
}

extension VerificationService {
    /// Whether the bytes received are an SD-JWT (compact, with a `~`) rather than JSON or a plain JWS.
    /// - Parameter bytes: a credential or presentation as received.
    /// - Returns: `true` for an SD-JWT or SD-JWT+KB.
    public static func isSDJWT(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, first != UInt8(ascii: "{"), first != UInt8(ascii: "[") else { return false }
        return bytes.contains(UInt8(ascii: "~"))
    }

    /// Verifies an SD-JWT VC, then its status (revocation, suspension) and its issuer's accreditation for the type
    /// its `vct` names.
    /// - Parameters:
    ///   - text: the SD-JWT or SD-JWT+KB.
    ///   - keyBinding: `nil` when a KB-JWT is optional (and checked only for signature and `sd_hash` when
    ///     present); otherwise the expected nonce (the challenge) and audience (the domain), each `nil` for any.
    ///   - now: the verifier's clock.
    /// - Returns: the checks and the disclosed claims.
    /// - Throws: ``VerificationError`` when a DID cannot be resolved or a status list cannot be fetched.
    public func verifySDJWT(_ text: String, keyBinding: (nonce: String?, audience: String?)?, now: Date)
        async throws(VerificationError) -> SDJWTVerificationOutcome
    {
        var requirement: KeyBindingRequirement?
        if let keyBinding {
            // An expectation the caller left open takes the KB-JWT's own value, so only the other one is compared;
            // a missing KB-JWT still fails, as key binding is required.
            let claims = SDJWTKeyBindingClaims(text)
            requirement = KeyBindingRequirement(
                audience: keyBinding.audience ?? claims?.audience ?? "", nonce: keyBinding.nonce ?? claims?.nonce ?? "")
        }
        let core: SDJWTCredentialVerification
        do {
            core = try await SDJWTCredentialVerifier.verify(
                text, now: XSDDateTime(now), keyBinding: requirement, resolver: verifier.resolver)
        } catch {
            throw .resolution(error)
        }
        var outcome = SDJWTVerificationOutcome(
            result: core.result, disclosedClaims: [:], vct: nil, credentialType: nil, holder: nil)
        guard core.verified, let claims = core.claims else { return outcome }
        let names = Set(((try? SDJWT(parsing: text))?.disclosures ?? []).compactMap(\.name))
        for member in claims where names.contains(member.name) { outcome.disclosedClaims[member.name] = member.value }
        outcome.vct = claims["vct"]?.stringValue
        outcome.credentialType = outcome.vct.flatMap(Self.medCredType)
        outcome.holder = core.holderKey.flatMap { try? DIDKey(publicKey: $0).did.description }
        try await runExtensions(claims, credentialType: outcome.credentialType, now: now, into: &outcome.result)
        return outcome
    }

    /// The credential type of a MedCred `vct`, the inverse of ``SDJWTCredential/vct(forType:)``.
    static func medCredType(_ vct: String) -> String? {
        guard vct.hasPrefix(CredentialSchemas.baseURI), vct.hasSuffix("/v1") else { return nil }
        let type = vct.dropFirst(CredentialSchemas.baseURI.count).dropLast(3)
        return type.isEmpty || type.contains("/") ? nil : String(type)
    }

    /// Runs the verifier's `status` and `accreditation` checks on a VCDM view of the SD-JWT VC: its `iss` as
    /// `issuer`, its type, `iat` as `validFrom`, its `bitstring_status_list` entries as `credentialStatus` and a
    /// disclosed `jurisdiction` in the subject. The same checks, so the same revocation and trust rules.
    private func runExtensions(
        _ claims: JSONObject, credentialType: String?, now: Date, into result: inout VerificationResult
    ) async throws(VerificationError) {
        var view: JSONObject = [
            "@context": [.string(MedCredContexts.credentialsV1)],
            "type": .array(["VerifiableCredential"] + (credentialType.map { [.string($0)] } ?? [])),
        ]
        if let iss = claims["iss"] { view["issuer"] = iss }
        if let iat = claims["iat"]?.doubleValue, abs(iat) < 1e11 {
            view["validFrom"] = .string(XSDDateTime(secondsSince1970: Int(iat)).utcTimestamp)
        }
        var subject = JSONObject()
        if let jurisdiction = claims["jurisdiction"] { subject["jurisdiction"] = jurisdiction }
        view["credentialSubject"] = .object(subject)
        var statusProblem: CredentialProblem?
        switch claims["status"].flatMap(SDJWTStatusReference.init(json:)) {
        case nil: break
        case .bitstringStatusList:
            view["credentialStatus"] = claims["status"]?["bitstring_status_list"] ?? .array([])
        case .tokenStatusList:
            statusProblem = CredentialProblem(
                type: .statusVerification, pointer: "/status", detail: "IETF Token Status Lists are not supported")
        }
        let credential = VerifiableCredential(json: .object(view))
        for check in verifier.extensions {
            if check.name == "status", let statusProblem {
                result.record(check.name, problems: [statusProblem])
                continue
            }
            do {
                let found = try await check.check(credential, now: now)
                result.record(check.name, problems: found.problems.map(Self.pointingAtStatus))
                found.warnings.forEach { result.warn(Self.pointingAtStatus($0)) }
            } catch {
                throw .extensionFailed(name: check.name, reason: "\(error)")
            }
        }
    }

    /// A problem about the view's `credentialStatus` points into the SD-JWT's `status` claim instead.
    private static func pointingAtStatus(_ problem: CredentialProblem) -> CredentialProblem {
        let prefix = "/credentialStatus"
        guard problem.pointer.hasPrefix(prefix) else { return problem }
        let pointer = "/status/bitstring_status_list" + problem.pointer.dropFirst(prefix.count)
        return CredentialProblem(type: problem.type, pointer: pointer, title: problem.title, detail: problem.detail)
    }
}
