public import Foundation

/// Verifies credentials and presentations: one entry point for every securing mechanism MedCred accepts
/// (Data Integrity `eddsa-jcs-2022`, VC-JOSE, enveloped credentials), answering with a
/// ``VerificationResult``.
///
/// VC Data Model 2.0 §7.1 "Verification" (https://www.w3.org/TR/vc-data-model-2.0/#verification): parse,
/// verify the securing mechanism, check the data model, then the validity period, schemas and any
/// extension checks (status, anchoring, trust policy). A credential that fails is a result naming the
/// failed check; only a question that cannot be answered throws.
public struct CredentialVerifier: Sendable {
    /// Where DID documents come from.
    public let resolver: any DIDResolver
    /// The JSON-LD contexts `@context` may name.
    public let contexts: KnownContexts
    /// The JSON Schemas the verifier knows, by `credentialSchema.id`; MedCred's own by default.
    public let schemas: @Sendable (String) -> JSONSchema?
    /// Further checks on every credential (status, anchoring, trust policy).
    public let extensions: [any CredentialCheckExtension]

    /// Creates a verifier.
    /// - Parameters:
    ///   - resolver: DID resolution, e.g. ``DIDKeyResolver`` or a ``MethodDispatchingResolver``.
    ///   - contexts: the accepted context documents.
    ///   - schemas: schema lookup by id; MedCred's credential schemas unless given.
    ///   - extensions: extra checks run after the built-in ones.
    public init(
        resolver: some DIDResolver, contexts: KnownContexts,
        schemas: @escaping @Sendable (String) -> JSONSchema? = { CredentialSchemas.schema(forID: $0) },
        extensions: [any CredentialCheckExtension] = []
    ) {
        self.resolver = resolver
        self.contexts = contexts
        self.schemas = schemas
        self.extensions = extensions
    }

    /// Verifies a credential from the bytes received (JSON or a compact JWS).
    /// - Parameters:
    ///   - bytes: the credential as received.
    ///   - now: the verifier's clock.
    /// - Returns: the result; a parse failure is a failed `parsing` check.
    /// - Throws: ``VerificationError`` when a DID cannot be resolved or an extension cannot run.
    public func verifyCredential(bytes: some Collection<UInt8>, now: Date) async throws(VerificationError)
        -> VerificationResult
    {
        switch SecuredDocument.parse(bytes) {
        case .failed(let problem):
            var result = VerificationResult()
            result.record(.parsing, problems: [problem])
            return result
        case .parsed(let input):
            return try await verifyCredential(input, now: now)
        }
    }

    /// Verifies a credential.
    /// - Parameters:
    ///   - input: a JSON credential (Data Integrity or enveloped) or a `vc+jwt`.
    ///   - now: the verifier's clock.
    /// - Returns: every check with its outcome.
    /// - Throws: ``VerificationError`` when a DID cannot be resolved or an extension cannot run.
    public func verifyCredential(_ input: SecuredDocument, now: Date) async throws(VerificationError)
        -> VerificationResult
    {
        var result = VerificationResult()
        result.record(.parsing)
        let credential: JSONValue
        switch try await unwrap(input, as: .verifiableCredential, now: now, into: &result) {
        case .none: return result
        case .some(.enveloped(let document)): credential = document
        case .some(.plain(let document)):
            credential = document
            try await checkDataIntegrity(
                document, purpose: VerificationRelationship.assertionMethod.rawValue, controllerMember: "issuer",
                challenge: nil, domain: nil, now: now, into: &result)
        }
        checkDataModel(credential, isPresentation: false, into: &result)
        let view = VerifiableCredential(json: credential)
        checkValidityPeriod(view, now: now, into: &result)
        checkSchemas(view, into: &result)
        // Status, anchoring and policy speak only about credentials that are what they claim to be: a forged
        // one is already "not verified", and its status must not decide whether the verifier can answer.
        let isProven = result.checks.allSatisfy(\.passed)
        for check in extensions where isProven {
            do {
                let outcome = try await check.check(view, now: now)
                result.record(check.name, problems: outcome.problems)
                outcome.warnings.forEach { result.warn($0) }
            } catch {
                throw .extensionFailed(name: check.name, reason: "\(error)")
            }
        }
        return result
    }
}
