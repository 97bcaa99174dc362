public import Foundation

/// Completes and secures credentials: the issuer side of VC Data Model 2.0.
///
/// It fills what the issuer is responsible for (`issuer`, `validFrom`, `credentialSchema` for MedCred's
/// credential types), refuses a draft that does not conform to the data model or whose subject does not
/// validate against its type's schema — naming the failing field — and signs with Data Integrity
/// (`eddsa-jcs-2022` by default, `eddsa-rdfc-2022` or `Ed25519Signature2020`) or VC-JOSE.
public struct CredentialIssuer: Sendable {
    /// How the credential is secured.
    public enum Format: String, Sendable, CaseIterable {
        /// An embedded `DataIntegrityProof` with `eddsa-jcs-2022`.
        case dataIntegrity = "di"
        /// A compact JWS, `application/vc+jwt` (VC-JOSE-COSE §3.1.1).
        case jwt
    }

    /// The contexts `@context` may name, for the data-model check.
    public let contexts: KnownContexts
    /// Who signs: the key and its verification method, whose DID becomes the `issuer`.
    public let signer: any ProofSigner

    /// Creates an issuer.
    /// - Parameters:
    ///   - signer: the signing key and its verification method (a DID URL).
    ///   - contexts: the accepted context documents.
    public init(signer: some ProofSigner, contexts: KnownContexts) {
        self.signer = signer
        self.contexts = contexts
    }

    /// Completes a draft without signing it: sets `issuer`, `validFrom` and `credentialSchema`, then checks
    /// the data model and the subject schema.
    /// - Parameters:
    ///   - draft: the credential to issue, without proof.
    ///   - now: the issuance time, used for `validFrom` when the draft has none.
    ///   - cryptosuite: the suite that will sign it; `Ed25519Signature2020` needs its context in `@context`,
    ///     which is appended when missing.
    /// - Returns: the completed, unsigned credential.
    /// - Throws: ``IssuanceError``.
    public func complete(_ draft: JSONValue, now: Date, cryptosuite: DataIntegrityCryptosuite = .eddsaJCS2022)
        throws(IssuanceError) -> JSONValue
    {
        guard var credential = draft.objectValue else { throw .notAnObject }
        guard credential["proof"] == nil else { throw .alreadySecured }
        let issuerDID = try signerDID()
        try setIssuer(&credential, to: issuerDID)
        if credential["validFrom"] == nil && credential["issuanceDate"] == nil {
            credential["validFrom"] = .string(XSDDateTime.timestamp(from: now))
        }
        let types = credential["type"].map(CredentialVerifier.strings) ?? []
        for type in types {
            guard let schemaID = CredentialSchemas.schemaID(forType: type) else { continue }
            addMedCredContext(to: &credential)
            try attachSchema(schemaID, to: &credential)
            try validateSubject(of: credential, type: type)
        }
        if cryptosuite == .ed25519Signature2020 {
            append(DataIntegrityCryptosuite.ed25519Signature2020Context, to: &credential)
        }
        let completed = JSONValue.object(credential)
        let problems = VerifiableCredential.validate(
            completed, options: CredentialValidationOptions(purpose: .verification, contexts: contexts))
        guard problems.isEmpty else { throw .dataModel(problems) }
        return completed
    }

    /// Completes and secures a draft.
    /// - Parameters:
    ///   - draft: the credential to issue.
    ///   - format: Data Integrity (default) or JWT.
    ///   - cryptosuite: the Data Integrity suite, `eddsa-jcs-2022` unless stated; ignored for JWT.
    ///   - now: the issuance time: `validFrom` when absent, and the proof's `created`.
    /// - Returns: the secured credential: a JSON document, or a compact JWS as a JSON string.
    /// - Throws: ``IssuanceError``.
    public func issue(
        _ draft: JSONValue, format: Format = .dataIntegrity, cryptosuite: DataIntegrityCryptosuite = .eddsaJCS2022,
        now: Date
    ) throws(IssuanceError) -> SecuredDocument {
        let suite = format == .dataIntegrity ? cryptosuite : .eddsaJCS2022
        let credential = try complete(draft, now: now, cryptosuite: suite)
        switch format {
        case .dataIntegrity:
            let options = ProofOptions(
                proofPurpose: VerificationRelationship.assertionMethod.rawValue, created: XSDDateTime(now))
            do {
                return .document(
                    try DataIntegrity.addProof(
                        to: credential, options: options, signer: signer, cryptosuite: suite, contexts: contexts))
            } catch { throw .proofGeneration(error) }
        case .jwt:
            do { return .jws(try JOSE.secure(credential, as: .verifiableCredential, signer: signer)) } catch {
                throw .jose(error)
            }
        }
    }

    private func signerDID() throws(IssuanceError) -> DID {
        guard let url = try? DIDURL(parsing: signer.verificationMethod), url.fragment != nil else {
            throw .invalidVerificationMethod(signer.verificationMethod)
        }
        return url.did
    }

    private func setIssuer(_ credential: inout JSONObject, to issuerDID: DID) throws(IssuanceError) {
        switch credential["issuer"] {
        case nil:
            credential["issuer"] = .string(issuerDID.description)
        case .string(let given):
            guard given == issuerDID.description else {
                throw .issuerMismatch(given: given, signer: issuerDID.description)
            }
        case .object(var object):
            if let given = object["id"]?.stringValue {
                guard given == issuerDID.description else {
                    throw .issuerMismatch(given: given, signer: issuerDID.description)
                }
            } else {
                object["id"] = .string(issuerDID.description)
                credential["issuer"] = .object(object)
            }
        default:
            throw .dataModel([
                CredentialProblem(
                    type: .malformedValue, pointer: "/issuer", detail: "issuer must be a URL or an object with an id")
            ])
        }
    }

    /// MedCred's credential types are defined by MedCred's context; a draft that names the type but only the
    /// base context gets it appended, so the type and its subject members are never undefined terms.
    private func addMedCredContext(to credential: inout JSONObject) {
        append(MedCredContexts.credentialsV1, to: &credential)
    }

    /// Appends `url` to an `@context` array that does not have it yet.
    private func append(_ url: String, to credential: inout JSONObject) {
        guard var contexts = credential["@context"]?.arrayValue, !contexts.contains(.string(url)) else { return }
        contexts.append(.string(url))
        credential["@context"] = .array(contexts)
    }

    private func attachSchema(_ schemaID: String, to credential: inout JSONObject) throws(IssuanceError) {
        let entry: JSONValue = ["id": .string(schemaID), "type": "JsonSchema"]
        switch credential["credentialSchema"] {
        case nil: credential["credentialSchema"] = entry
        case .some(let existing):
            let entries = existing.arrayValue ?? [existing]
            guard !entries.contains(where: { $0["id"]?.stringValue == schemaID }) else { return }
            credential["credentialSchema"] = .array(entries + [entry])
        }
    }

    private func validateSubject(of credential: JSONObject, type: String) throws(IssuanceError) {
        guard let schema = CredentialSchemas.subjectSchema(forType: type) else { return }
        guard let subject = credential["credentialSubject"] else {
            throw .subjectInvalid(
                type: type,
                violations: [
                    SchemaViolation(
                        instanceLocation: "", keywordLocation: "", keyword: "required",
                        message: "credentialSubject is missing")
                ])
        }
        let violations = schema.validate(subject)
        guard violations.isEmpty else { throw .subjectInvalid(type: type, violations: violations) }
    }
}
