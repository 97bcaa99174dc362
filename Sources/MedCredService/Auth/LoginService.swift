public import Foundation
public import MedCredCore
import MedCredCrypto

/// DID-Auth login for platforms (`POST /auth/login`, `GET /auth/session`): a holder presents credentials bound to
/// a challenge, and a verifier policy decides whether they earn a short-lived session JWT.
///
/// Order of checks, and why: the policy and the challenge's bookkeeping (unknown, expired, replayed, wrong
/// domain) are checked first, without consuming it, since they are cheap; then the presentation is verified
/// with that challenge and domain; only when the presentation's own proof verified is the challenge consumed.
/// So a forged presentation that merely copies someone's challenge cannot burn it, while any genuinely signed
/// attempt uses it up, whatever its credentials turn out to be. Consumption is atomic in SQLite, so two
/// concurrent logins with one challenge cannot both pass.
public actor LoginService {
    let challenges: ChallengeStore
    let verification: VerificationService
    private let policies: [String: VerifierPolicy]
    private var sessionSigner: any ProofSigner
    private let sessionLifetime: Duration
    private let clock: @Sendable () -> Date
    /// The service DID, the DID of the signer's verification method (`iss` of every session).
    private let serviceDID: String
    /// Session keys by verification method, resolved from the service DID's history as tokens name them.
    private var sessionKeys: [String: Ed25519.PublicKey] = [:]

    /// Creates the service.
    /// - Parameters:
    ///   - challenges: the challenge store.
    ///   - verification: the composed verifier (resolvers, status, accreditation).
    ///   - policies: the verifier policies by which logins are judged.
    ///   - sessionSigner: the service DID's key; the JWT `kid` is its verification method.
    ///   - sessionLifetime: how long a session lasts; 15 minutes unless given.
    ///   - clock: the current time.
    public init(
        challenges: ChallengeStore, verification: VerificationService, policies: [VerifierPolicy],
        sessionSigner: any ProofSigner, sessionLifetime: Duration = .seconds(900),
        clock: @escaping @Sendable () -> Date
    ) {
        self.challenges = challenges
        self.verification = verification
        self.policies = Dictionary(policies.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.sessionSigner = sessionSigner
        self.sessionLifetime = sessionLifetime
        self.clock = clock
        self.serviceDID =
            (try? DIDURL(parsing: sessionSigner.verificationMethod).did.description) ?? sessionSigner.verificationMethod
    }

    /// Logs a holder in with a presentation that satisfies `policy`.
    /// - Parameters:
    ///   - presentation: a JSON presentation with a Data Integrity proof (purpose `authentication`), a
    ///     `vp+jwt`, or an SD-JWT VC with a KB-JWT, carrying an issued challenge (the KB-JWT `nonce`) and the
    ///     policy's domain (its `aud`).
    ///   - policy: the verifier policy's name.
    /// - Returns: the session, whose JWT holds `{iss, sub, aud, iat, exp, jti, policy, claims}`.
    /// - Throws: ``LoginError`` with the code of the first check that refused.
    public func login(presentation: [UInt8], policy name: String) async throws(LoginError) -> Session {
        guard let policy = policies[name] else {
            throw LoginError(code: "unknown-policy", reason: "no verifier policy is named \(name)")
        }
        let now = clock()
        if VerificationService.isSDJWT(presentation) {
            return try await loginSDJWT(String(decoding: presentation, as: UTF8.self), policy: policy, now: now)
        }
        guard case .parsed(let input) = SecuredDocument.parse(presentation), let binding = PresentationBinding(input)
        else { throw LoginError(code: "invalid-presentation", reason: "the presentation is not JSON or a JWS") }
        guard let challenge = binding.challenge, !challenge.isEmpty else {
            throw LoginError(code: "challenge-missing", reason: "the presentation's proof carries no challenge")
        }
        guard binding.domains.contains(policy.domain) else {
            throw LoginError(code: "wrong-domain", reason: "the presentation is not addressed to \(policy.domain)")
        }
        do { try await challenges.checkUsable(challenge: challenge, domain: policy.domain) } catch {
            throw LoginError(error)
        }
        let result: VerificationResult
        do {
            result = try await verification.verifyPresentation(
                presentation, challenge: challenge, domain: policy.domain, now: now)
        } catch {
            throw LoginError(code: "verifier-unavailable", reason: "the presentation could not be verified: \(error)")
        }
        if let refusal = LoginDecision.presentationRefusal(result) { throw refusal }
        do { try await challenges.consume(challenge: challenge, domain: policy.domain) } catch {
            throw LoginError(error, verification: result)
        }
        let claims = try LoginDecision.decide(binding, result: result, policy: policy)
        return try issueSession(holder: binding.holder ?? "", policy: policy, claims: claims, now: now)
    }

    /// Signs new sessions with `signer` from now on, after the service key rotated; sessions already issued stay
    /// valid until they expire, checked against the key of the service DID they were signed with.
    /// - Parameter signer: the service DID's new key; it must belong to the same DID.
    public func useSessionSigner(_ signer: any ProofSigner) {
        sessionSigner = signer
    }

    /// Checks a session token: signed by this service's key, issued by its DID, not expired.
    /// - Parameter token: the session JWT.
    /// - Returns: the session it describes.
    /// - Throws: ``LoginError`` `session-invalid`, `session-expired`, or `verifier-unavailable` when the service
    ///   DID cannot be resolved.
    public func introspect(token: String) async throws(LoginError) -> Session {
        let jws = try SessionToken.parse(token, serviceDID: serviceDID)
        let kid = jws.header["kid"]?.stringValue ?? ""
        let session = try SessionToken.session(jws, issuer: serviceDID)
        // A token lives at most one session lifetime and is not dated in the future, so a key that was rotated
        // away (say, after a compromise) cannot mint sessions that outlast it by more than that.
        let lifetime = ChallengeStore.seconds(sessionLifetime)
        guard session.issuedAt <= clock().addingTimeInterval(5),
            session.expiresAt.timeIntervalSince(session.issuedAt) <= lifetime
        else { throw SessionToken.invalid("the token's validity period is not one this service issues") }
        let key = try await serviceKey(kid, asOf: session.issuedAt)
        guard key.isValidSignature(jws.signature, for: jws.signingInput) else {
            throw SessionToken.invalid("the token's signature does not verify")
        }
        guard clock() < session.expiresAt else {
            throw LoginError(code: "session-expired", reason: "the session expired")
        }
        return session
    }

    func issueSession(holder: String, policy: VerifierPolicy, claims: JSONValue, now: Date)
        throws(LoginError) -> Session
    {
        let issuedAt = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let expiresAt = issuedAt.addingTimeInterval(ChallengeStore.seconds(sessionLifetime).rounded(.down))
        let payload: JSONObject = [
            "iss": .string(serviceDID), "sub": .string(holder), "aud": .string(policy.domain),
            "iat": .number(issuedAt.timeIntervalSince1970), "exp": .number(expiresAt.timeIntervalSince1970),
            "jti": .string(Base64URL.encode(SecureRandom.bytes(count: 16))), "policy": .string(policy.name),
            "claims": claims,
        ]
        let token = try SessionToken.sign(payload, signer: sessionSigner)
        return Session(
            token: token, holder: holder, policy: policy.name, claims: claims, issuedAt: issuedAt, expiresAt: expiresAt)
    }

    /// The session public key `kid` names: from the service DID document in force when the token was issued,
    /// else from the current one. The second covers a session signed in the second a rotation was made, before
    /// the new entry's `versionTime`; a key retired by then is in neither, so its tokens stay invalid.
    private func serviceKey(_ kid: String, asOf issuedAt: Date) async throws(LoginError) -> Ed25519.PublicKey {
        if let known = sessionKeys[kid] { return known }
        var outcome = try await resolveSessionKey(kid, versionTime: XSDDateTime.timestamp(from: issuedAt))
        if case .failure = outcome { outcome = try await resolveSessionKey(kid, versionTime: nil) }
        switch outcome {
        case .success(let key):
            sessionKeys[kid] = key
            return key
        case .failure(let error):
            throw SessionToken.invalid("the service key is not usable: \(error)")
        }
    }

    private func resolveSessionKey(_ kid: String, versionTime: String?)
        async throws(LoginError) -> Result<Ed25519.PublicKey, VerificationKeyError>
    {
        do {
            return try await resolveVerificationKey(
                verificationMethod: kid, purpose: "assertionMethod", resolver: verification.verifier.resolver,
                versionTime: versionTime)
        } catch {
            throw LoginError(code: "verifier-unavailable", reason: "the service DID does not resolve: \(error.code)")
        }
    }
}
