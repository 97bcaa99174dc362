import Foundation
import MedCredCore

extension LoginService {
    /// Logs a holder in with an SD-JWT VC and KB-JWT: the challenge is the KB-JWT `nonce`, the domain its `aud`,
    /// the holder the did:key of the `cnf` key, and the policy is judged on the disclosed claims only.
    ///
    /// As for the other formats, the challenge is consumed only once the holder's signature (the KB-JWT) has
    /// verified, so copying someone's nonce into a forged KB-JWT cannot burn it.
    func loginSDJWT(_ text: String, policy: VerifierPolicy, now: Date) async throws(LoginError) -> Session {
        guard (try? SDJWT(parsing: text)) != nil else {
            throw LoginError(code: "invalid-presentation", reason: "the presentation is not an SD-JWT")
        }
        guard let binding = SDJWTKeyBindingClaims(text), let challenge = binding.nonce, !challenge.isEmpty else {
            throw LoginError(code: "challenge-missing", reason: "the SD-JWT has no key-binding JWT with a nonce")
        }
        guard binding.audience == policy.domain else {
            throw LoginError(code: "wrong-domain", reason: "the presentation is not addressed to \(policy.domain)")
        }
        do { try await challenges.checkUsable(challenge: challenge, domain: policy.domain) } catch {
            throw LoginError(error)
        }
        let outcome: SDJWTVerificationOutcome
        do {
            outcome = try await verification.verifySDJWT(
                text, keyBinding: (nonce: challenge, audience: policy.domain), now: now)
        } catch {
            throw LoginError(code: "verifier-unavailable", reason: "the presentation could not be verified: \(error)")
        }
        let result = outcome.result
        let keyBound = result.checks.contains {
            $0.name == SDJWTCredentialVerifier.CheckName.keyBinding.rawValue && $0.passed
        }
        guard keyBound else { throw Self.refusal(result) }
        do { try await challenges.consume(challenge: challenge, domain: policy.domain) } catch {
            throw LoginError(error, verification: result)
        }
        if !result.verified { throw Self.refusal(result) }
        let claims = try Self.satisfy(policy, outcome)
        return try issueSession(holder: outcome.holder ?? "", policy: policy, claims: claims, now: now)
    }

    /// The refusal for the first failed check: a bad KB-JWT is an invalid presentation; an expiry, a status or an
    /// accreditation failure is named as for the other formats.
    private static func refusal(_ result: VerificationResult) -> LoginError {
        let failed = result.checks.filter { !$0.passed }
        let decisive = failed.first { $0.name != "accreditation" } ?? failed.first
        guard let decisive else {
            return LoginError(
                code: "invalid-presentation", reason: "the key binding was not checked", verification: result)
        }
        let code =
            switch decisive.name {
            case SDJWTCredentialVerifier.CheckName.keyBinding.rawValue: "invalid-presentation"
            case "accreditation": "issuer-not-accredited"
            case VerificationCheck.validityPeriod.rawValue
            where decisive.problems.contains { $0.detail.contains("expired") }:
                "credential-expired"
            default: "credential-not-verified"
            }
        return LoginError(code: code, reason: LoginDecision.describe(decisive), verification: result)
    }

    /// The policy on the disclosed claims: the type `vct` names, the subject constraints, the required
    /// disclosures and accreditation; returns the exposed claims that were disclosed.
    private static func satisfy(_ policy: VerifierPolicy, _ outcome: SDJWTVerificationOutcome) throws(LoginError)
        -> JSONValue
    {
        guard outcome.credentialType == policy.credentialType else {
            throw LoginError(
                code: "policy-not-satisfied",
                reason: "\(policy.name): the presentation holds no \(policy.credentialType)",
                verification: outcome.result)
        }
        if let unmet = LoginDecision.unmetConstraint(policy, outcome.disclosedClaims) {
            throw LoginError(
                code: "policy-not-satisfied", reason: "\(policy.name): \(unmet)", verification: outcome.result)
        }
        if policy.requireAccreditation, !outcome.result.checks.contains(where: { $0.name == "accreditation" }) {
            throw LoginError(
                code: "issuer-not-accredited", reason: "\(policy.name): the issuer's accreditation was not checked",
                verification: outcome.result)
        }
        guard outcome.holder != nil else {
            throw LoginError(
                code: "holder-mismatch", reason: "the SD-JWT names no holder key", verification: outcome.result)
        }
        var claims = JSONObject()
        for member in policy.exposedClaims {
            if let value = outcome.disclosedClaims[member] { claims[member] = value }
        }
        return .object(claims)
    }
}
