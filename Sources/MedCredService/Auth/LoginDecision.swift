import MedCredCore

/// Turns a presentation's ``VerificationResult`` and a ``VerifierPolicy`` into a precise refusal, or the claims
/// the session exposes.
enum LoginDecision {
    private static let credentialPrefix = "verifiableCredential["

    /// A refusal when the presentation itself (its proof, holder binding or data model) failed.
    static func presentationRefusal(_ result: VerificationResult) -> LoginError? {
        guard let failed = result.checks.first(where: { !$0.passed && !$0.name.hasPrefix(credentialPrefix) }) else {
            return nil
        }
        return LoginError(code: "invalid-presentation", reason: describe(failed), verification: result)
    }

    /// Checks holder binding, every credential's checks and the policy; returns the exposed claims.
    static func decide(_ binding: PresentationBinding, result: VerificationResult, policy: VerifierPolicy)
        throws(LoginError) -> JSONValue
    {
        guard !binding.credentials.isEmpty else {
            throw LoginError(
                code: "policy-not-satisfied", reason: "the presentation holds no credential", verification: result)
        }
        try checkHolder(binding, result: result)
        try checkCredentials(result)
        return try satisfy(policy, binding.credentials, result: result)
    }

    /// VCDM 2.0 §7.1: the holder must be the subject of every credential, or it presents someone else's.
    private static func checkHolder(_ binding: PresentationBinding, result: VerificationResult) throws(LoginError) {
        guard let holder = binding.holder else {
            throw LoginError(code: "holder-mismatch", reason: "the presentation names no holder", verification: result)
        }
        for (index, credential) in binding.credentials.enumerated() {
            let subjects = VerifiableCredential(json: credential).credentialSubjects
            guard !subjects.isEmpty, subjects.allSatisfy({ $0["id"]?.stringValue == holder }) else {
                throw LoginError(
                    code: "holder-mismatch",
                    reason: "the holder \(holder) is not the subject of verifiableCredential[\(index)]",
                    verification: result)
            }
        }
    }

    /// The first failed credential check decides the code; an accreditation failure counts only when nothing
    /// worse (a bad proof, a revoked status, an expiry) was found.
    private static func checkCredentials(_ result: VerificationResult) throws(LoginError) {
        let failed = result.checks.filter { !$0.passed && $0.name.hasPrefix(credentialPrefix) }
        guard !failed.isEmpty else { return }
        let decisive = failed.first { !$0.name.hasSuffix(".accreditation") } ?? failed[0]
        let code: String
        if decisive.name.hasSuffix(".accreditation") {
            code = "issuer-not-accredited"
        } else if decisive.name.hasSuffix(".validityPeriod"), isExpiry(decisive) {
            code = "credential-expired"
        } else {
            code = "credential-not-verified"
        }
        throw LoginError(code: code, reason: describe(decisive), verification: result)
    }

    private static func isExpiry(_ check: VerificationResult.Check) -> Bool {
        check.problems.contains { $0.pointer.hasSuffix("/validUntil") || $0.pointer.hasSuffix("/expirationDate") }
    }

    /// Finds a credential of the policy's type whose subject meets its constraints (and, when required, whose
    /// issuer passed the accreditation check); returns that subject's exposed claims.
    private static func satisfy(_ policy: VerifierPolicy, _ credentials: [JSONValue], result: VerificationResult)
        throws(LoginError) -> JSONValue
    {
        var reason = "the presentation holds no \(policy.credentialType)"
        var accreditationMissing = false
        for (index, json) in credentials.enumerated() {
            let credential = VerifiableCredential(json: json)
            guard credential.types.contains(policy.credentialType), let subject = credential.credentialSubjects.first
            else { continue }
            if let unmet = unmetConstraint(policy, subject) {
                reason = unmet
                continue
            }
            let name = "\(credentialPrefix)\(index)].accreditation"
            if policy.requireAccreditation, !result.checks.contains(where: { $0.name == name && $0.passed }) {
                accreditationMissing = true
                reason = "the issuer's accreditation was not checked for verifiableCredential[\(index)]"
                continue
            }
            var claims = JSONObject()
            for member in policy.exposedClaims { if let value = subject[member] { claims[member] = value } }
            return .object(claims)
        }
        let code = accreditationMissing ? "issuer-not-accredited" : "policy-not-satisfied"
        throw LoginError(code: code, reason: "\(policy.name): \(reason)", verification: result)
    }

    static func unmetConstraint(_ policy: VerifierPolicy, _ subject: JSONObject) -> String? {
        if let missing = policy.requiredDisclosures.first(where: { subject[$0] == nil }) {
            return "\(missing) is not disclosed"
        }
        for (member, allowed) in policy.subjectConstraints.sorted(by: { $0.key < $1.key }) {
            let values = subject[member].map(PresentationBinding.strings) ?? []
            guard values.contains(where: allowed.contains) else {
                let actual = values.isEmpty ? "missing" : values.joined(separator: ", ")
                return "\(member) is \(actual), not one of \(allowed.joined(separator: ", "))"
            }
        }
        return nil
    }

    /// `<check>: <first problem detail>`, e.g. `verifiableCredential[0].status: revoked`.
    static func describe(_ check: VerificationResult.Check) -> String {
        guard let problem = check.problems.first else { return check.name }
        return "\(check.name): \(problem.detail)"
    }
}
