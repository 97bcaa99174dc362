public import Foundation

/// A document after its securing envelope was checked: `plain` still carries Data Integrity proofs to
/// verify; `enveloped` came out of a verified JWS.
enum UnwrappedDocument {
    case plain(JSONValue)
    case enveloped(JSONValue)
}

extension CredentialVerifier {
    /// Opens a JWS or an `EnvelopedVerifiableCredential`, recording the `proof` check; returns `nil` when
    /// nothing further can be checked.
    /// `payloadChecks` adds problems found in a verified JWS payload (a presentation's nonce and aud) to the
    /// same `proof` check, so the check is recorded once.
    func unwrap(
        _ input: SecuredDocument, as mediaType: JOSEMediaType, now: Date, into result: inout VerificationResult,
        payloadChecks: (JSONValue) -> [CredentialProblem] = { _ in [] }
    ) async throws(VerificationError) -> UnwrappedDocument? {
        let jws: String
        switch input {
        case .jws(let text): jws = text
        case .document(let document):
            guard document["type"].map(Self.strings)?.contains(EnvelopedVerifiableCredential.type) == true else {
                return .plain(document)
            }
            do { jws = try EnvelopedVerifiableCredential(json: document).jws } catch {
                let pointer = if case .invalidEnvelope(let member) = error { "/" + member } else { "/id" }
                result.record(.proof, problems: [Self.problem(error, pointer: pointer)])
                return nil
            }
        }
        let outcome: JOSEVerification
        do {
            outcome = try await JOSE.verify(jws, as: mediaType, now: XSDDateTime(now), resolver: resolver)
        } catch {
            return try Self.resolutionFailure(error, pointer: "", into: &result)
        }
        guard let document = outcome.document, outcome.verified else {
            let failure = outcome.failure.map { Self.problem($0, pointer: "") }
            result.record(
                .proof,
                problems: [
                    failure
                        ?? CredentialProblem(type: .proofVerification, pointer: "", detail: "the JWS did not verify")
                ])
            return nil
        }
        let payloadProblems = payloadChecks(document)
        result.record(.proof, problems: payloadProblems)
        guard payloadProblems.isEmpty else { return .enveloped(document) }
        result.record(.proofController)
        return .enveloped(document)
    }

    /// Verifies every Data Integrity proof and that the key's controller is the document's `issuer` (or
    /// `holder`).
    func checkDataIntegrity(
        _ document: JSONValue, purpose: String, controllerMember: String, challenge: String?, domain: String?,
        now: Date, into result: inout VerificationResult
    ) async throws(VerificationError) {
        let options = DataIntegrity.VerificationOptions(
            now: XSDDateTime(now), expectedProofPurpose: purpose, domain: domain.map { [$0] }, challenge: challenge,
            contexts: contexts)
        let outcome: DataIntegrityVerification
        do {
            outcome = try await DataIntegrity.verify(document, options: options, resolver: resolver)
        } catch {
            _ = try Self.resolutionFailure(error, pointer: "/proof", into: &result)
            return
        }
        if let failure = outcome.documentFailure {
            result.record(.proof, problems: [Self.problem(failure, pointer: "/proof")])
            return
        }
        let isSet = document["proof"]?.arrayValue != nil
        let problems = outcome.proofs.compactMap { proof in
            proof.failure.map { Self.problem($0, pointer: isSet ? "/proof/\(proof.index)" : "/proof") }
        }
        result.record(.proof, problems: problems)
        guard problems.isEmpty else { return }
        result.record(
            .proofController,
            problems: Self.controllerProblems(
                outcome.proofs, document: document, member: controllerMember, isSet: isSet))
    }

    /// Each proof's verification method must belong to the DID in `issuer` (`holder`): otherwise anyone
    /// could sign a credential that names a medical board as its issuer.
    static func controllerProblems(
        _ proofs: [ProofVerification], document: JSONValue, member: String, isSet: Bool
    ) -> [CredentialProblem] {
        let controller = document[member]?.stringValue ?? document[member]?["id"]?.stringValue
        guard let controller else {
            if member == "holder" { return [] }  // VCDM 2.0: holder is optional; the proof then identifies it
            return [
                CredentialProblem(
                    type: .malformedValue, pointer: "/\(member)", detail: "no \(member) to bind the proof to")
            ]
        }
        guard let controllerDID = try? DID(parsing: controller) else {
            return [
                CredentialProblem(
                    type: .proofVerification, pointer: "/\(member)",
                    detail: "the \(member) is not a DID, so the proof's key cannot be tied to it")
            ]
        }
        return proofs.compactMap { proof in
            guard let method = proof.verificationMethod, let url = try? DIDURL(parsing: method) else { return nil }
            guard url.did != controllerDID else { return nil }
            return CredentialProblem(
                type: .proofVerification,
                pointer: isSet ? "/proof/\(proof.index)/verificationMethod" : "/proof/verificationMethod",
                detail: "the proof was made with a key of \(url.did), not of the \(member) \(controllerDID)")
        }
    }

    /// VC Data Model conformance (VCDM 1.1 accepted for verification).
    func checkDataModel(_ document: JSONValue, isPresentation: Bool, into result: inout VerificationResult) {
        let options = CredentialValidationOptions(purpose: .verification, allowsVersion1: true, contexts: contexts)
        let problems =
            isPresentation
            ? VerifiablePresentation.validate(document, options: options)
            : VerifiableCredential.validate(document, options: options)
        result.record(.dataModel, problems: problems)
    }

    /// `validFrom` ≤ now ≤ `validUntil` (or VCDM 1.1 `issuanceDate`/`expirationDate`), VCDM 2.0 §4.9.
    func checkValidityPeriod(_ credential: VerifiableCredential, now: Date, into result: inout VerificationResult) {
        let clock = XSDDateTime(now)
        var problems: [CredentialProblem] = []
        let version1 = credential.dataModelVersion == .v1
        if let start = credential.validityStart, clock.isBefore(start) == true {
            problems.append(
                CredentialProblem(
                    type: .range, pointer: version1 ? "/issuanceDate" : "/validFrom",
                    detail: "the credential is not valid before \(start.lexicalForm)"))
        }
        if let end = credential.validityEnd, end.isBefore(clock) == true {
            problems.append(
                CredentialProblem(
                    type: .range, pointer: version1 ? "/expirationDate" : "/validUntil",
                    detail: "the credential expired at \(end.lexicalForm)"))
        }
        result.record(.validityPeriod, problems: problems)
    }

    /// Every `credentialSchema` of type `JsonSchema` that the verifier knows must validate the credential
    /// (W3C VC JSON Schema §3.1); an unknown schema is a warning, since Core fetches nothing.
    func checkSchemas(_ credential: VerifiableCredential, into result: inout VerificationResult) {
        let declared = credential.credentialSchemas
        guard !declared.isEmpty else { return }
        var problems: [CredentialProblem] = []
        for (index, entry) in declared.enumerated() {
            let pointer =
                credential.json["credentialSchema"]?.arrayValue == nil
                ? "/credentialSchema" : "/credentialSchema/\(index)"
            guard let id = entry["id"]?.stringValue, let schema = schemas(id) else {
                result.warn(
                    CredentialProblem(
                        type: .malformedValue, pointer: pointer, title: "Schema not checked",
                        detail: "the verifier does not hold the schema \(entry["id"]?.stringValue ?? "(no id)")"))
                continue
            }
            problems += schema.validate(credential.json).map { violation in
                CredentialProblem(type: .malformedValue, pointer: violation.instanceLocation, detail: violation.message)
            }
        }
        result.record(.schema, problems: problems)
    }
}
