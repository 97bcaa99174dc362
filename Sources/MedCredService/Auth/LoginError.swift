public import MedCredCore

/// Why a login or a session introspection was refused. ``code`` is stable (the HTTP layer's problem+json `code`);
/// ``reason`` is for people and never holds a token, key or credential subject beyond the holder's DID.
public struct LoginError: Error, Equatable {
    /// One of `unknown-policy`, `invalid-presentation`, `challenge-missing`, `challenge-unknown`,
    /// `challenge-expired`, `challenge-replayed`, `wrong-domain`, `holder-mismatch`, `credential-not-verified`,
    /// `credential-expired`, `issuer-not-accredited`, `policy-not-satisfied`, `session-invalid`, `session-expired`,
    /// `verifier-unavailable`, `session-signing-failed`, `auth-storage-failed`.
    public let code: String
    /// What was wrong, e.g. `verifiableCredential[0].status: revoked`.
    public let reason: String
    /// The verification result behind the refusal, when a presentation was verified.
    public let verification: VerificationResult?

    /// Creates a refusal.
    /// - Parameters:
    ///   - code: the machine code.
    ///   - reason: the explanation.
    ///   - verification: the verification result, if any.
    public init(code: String, reason: String, verification: VerificationResult? = nil) {
        self.code = code
        self.reason = reason
        self.verification = verification
    }

    init(_ error: AuthError, verification: VerificationResult? = nil) {
        self.init(code: error.code, reason: error.reason, verification: verification)
    }
}
