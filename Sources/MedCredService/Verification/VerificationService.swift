public import Foundation
public import MedCredCore

/// The verify use cases (`POST /credentials/verify`, `POST /presentations/verify`): the composed
/// ``CredentialVerifier`` (resolvers, status, accreditation) applied to the bytes received.
///
/// A bad credential is a ``VerificationResult`` naming the failed check; only a question that cannot be answered
/// (an unsupported DID method, a check that could not run) throws.
public struct VerificationService: Sendable {
    /// The verifier with every resolver and extension check the service runs.
    public let verifier: CredentialVerifier

    /// Creates the service.
    /// - Parameter verifier: the composed verifier.
    public init(verifier: CredentialVerifier) {
        self.verifier = verifier
    }

    /// Verifies a credential (JSON with Data Integrity proofs, an enveloped credential, a `vc+jwt`, or an SD-JWT VC
    /// with or without a KB-JWT).
    /// - Parameters:
    ///   - bytes: the credential as received.
    ///   - now: the verifier's clock.
    /// - Returns: `{verified, checks, warnings, errors}`.
    /// - Throws: ``VerificationError`` when the verifier cannot answer.
    public func verifyCredential(_ bytes: [UInt8], now: Date) async throws(VerificationError) -> VerificationResult {
        if Self.isSDJWT(bytes) {
            return try await verifySDJWT(String(decoding: bytes, as: UTF8.self), keyBinding: nil, now: now).result
        }
        return try await verifier.verifyCredential(bytes: bytes, now: now)
    }

    /// Verifies a presentation (JSON with a Data Integrity `authentication` proof, or a `vp+jwt`) and every
    /// credential in it, or an SD-JWT VC whose KB-JWT must carry `challenge` as `nonce` and `domain` as `aud`.
    /// - Parameters:
    ///   - bytes: the presentation as received.
    ///   - challenge: the challenge its proof must carry, or `nil`.
    ///   - domain: the domain its proof must carry, or `nil`.
    ///   - now: the verifier's clock.
    /// - Returns: `{verified, checks, warnings, errors}`, credential checks under `verifiableCredential[i].`.
    /// - Throws: ``VerificationError`` when the verifier cannot answer.
    public func verifyPresentation(_ bytes: [UInt8], challenge: String?, domain: String?, now: Date)
        async throws(VerificationError) -> VerificationResult
    {
        if Self.isSDJWT(bytes) {
            let text = String(decoding: bytes, as: UTF8.self)
            return try await verifySDJWT(text, keyBinding: (nonce: challenge, audience: domain), now: now).result
        }
        return try await verifier.verifyPresentation(bytes: bytes, challenge: challenge, domain: domain, now: now)
    }
}
