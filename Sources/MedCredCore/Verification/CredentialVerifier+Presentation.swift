public import Foundation

extension CredentialVerifier {
    /// Verifies a presentation from the bytes received (JSON or a compact JWS).
    /// - Parameters:
    ///   - bytes: the presentation as received.
    ///   - challenge: the verifier's challenge the proof must carry, or `nil`.
    ///   - domain: the verifier's domain the proof must carry, or `nil`.
    ///   - now: the verifier's clock.
    /// - Returns: the result; a parse failure is a failed `parsing` check.
    /// - Throws: ``VerificationError`` when a DID cannot be resolved or an extension cannot run.
    public func verifyPresentation(bytes: some Collection<UInt8>, challenge: String?, domain: String?, now: Date)
        async throws(VerificationError) -> VerificationResult
    {
        switch SecuredDocument.parse(bytes) {
        case .failed(let problem):
            var result = VerificationResult()
            result.record(.parsing, problems: [problem])
            return result
        case .parsed(let input):
            return try await verifyPresentation(input, challenge: challenge, domain: domain, now: now)
        }
    }

    /// Verifies a presentation: its proof (purpose `authentication`, the verifier's challenge and domain),
    /// that the holder controls the proving key, the data model, and every embedded credential.
    ///
    /// VC Data Model 2.0 §7.1 and VC Data Integrity §4.4 (challenge and domain prevent replay).
    /// - Parameters:
    ///   - input: a JSON presentation with a Data Integrity proof, or a `vp+jwt`.
    ///   - challenge: the challenge the proof must carry; `nil` when the verifier issued none.
    ///   - domain: the domain the proof must carry; `nil` when none is required.
    ///   - now: the verifier's clock.
    /// - Returns: every check, with each embedded credential's checks under `verifiableCredential[i].`.
    /// - Throws: ``VerificationError`` when a DID cannot be resolved or an extension cannot run.
    public func verifyPresentation(_ input: SecuredDocument, challenge: String?, domain: String?, now: Date)
        async throws(VerificationError) -> VerificationResult
    {
        var result = VerificationResult()
        result.record(.parsing)
        let presentation: JSONValue
        let transportChecks = { (document: JSONValue) -> [CredentialProblem] in
            // A JWS carries no Data Integrity challenge or domain: they travel as `nonce` and `aud`.
            var problems: [CredentialProblem] = []
            if let challenge, document["nonce"]?.stringValue != challenge {
                problems.append(
                    CredentialProblem(
                        type: .invalidChallenge, pointer: "/nonce",
                        detail: "the presentation does not carry the verifier's challenge as nonce"))
            }
            if let domain, !(document["aud"].map(Self.strings) ?? []).contains(domain) {
                problems.append(
                    CredentialProblem(
                        type: .invalidDomain, pointer: "/aud", detail: "the presentation is not addressed to \(domain)")
                )
            }
            return problems
        }
        switch try await unwrap(
            input, as: .verifiablePresentation, now: now, into: &result, payloadChecks: transportChecks)
        {
        case .none: return result
        case .some(.enveloped(let document)):
            presentation = document
        case .some(.plain(let document)):
            presentation = document
            try await checkDataIntegrity(
                document, purpose: VerificationRelationship.authentication.rawValue, controllerMember: "holder",
                challenge: challenge, domain: domain, now: now, into: &result)
        }
        checkDataModel(presentation, isPresentation: true, into: &result)
        let credentials = presentation["verifiableCredential"].map { $0.arrayValue ?? [$0] } ?? []
        for (index, credential) in credentials.enumerated() {
            let one = try await verifyCredential(.document(credential), now: now)
            result.merge(one, under: "/verifiableCredential/\(index)", namePrefix: "verifiableCredential[\(index)].")
        }
        return result
    }
}
