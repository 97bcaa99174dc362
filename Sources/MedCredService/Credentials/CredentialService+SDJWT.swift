import Foundation
import MedCredCore
import MedCredCrypto

extension CredentialService {
    /// Secures a completed credential as an SD-JWT VC (draft-ietf-oauth-sd-jwt-vc-18 §3): `vct` from its type,
    /// every subject member but `id` a selectively disclosable top-level claim, `cnf.jwk` the key of the
    /// subject's did:key, `status` the job's two Bitstring Status List entries, `exp` from `validUntil`.
    ///
    /// `cnf.jwk` rather than `cnf.kid`: a verifier needs no resolver to check key binding, and the holder signs
    /// the KB-JWT with the did:key's own key either way.
    static func sdJWT(_ completed: JSONValue, job: SigningJob, context: SigningContext) -> Result<String, IssueFailure>
    {
        let credential = VerifiableCredential(json: completed)
        func refuse(_ code: String, _ detail: String, _ pointer: String?) -> Result<String, IssueFailure> {
            .failure(IssueFailure(index: job.position, code: code, detail: detail, pointer: pointer))
        }
        guard let type = credential.types.first(where: { $0 != "VerifiableCredential" }) else {
            return refuse("invalid-credential", "an SD-JWT VC needs a specific credential type for its vct", "/type")
        }
        let subjects = credential.credentialSubjects
        guard subjects.count == 1, let subject = subjects.first else {
            return refuse(
                "invalid-credential", "an SD-JWT VC carries exactly one credentialSubject", "/credentialSubject")
        }
        guard let subjectID = subject["id"]?.stringValue, let holder = try? DIDKey(parsing: subjectID) else {
            return refuse(
                "holder-key-required", "an SD-JWT VC is bound to its holder: credentialSubject.id must be a did:key",
                "/credentialSubject/id")
        }
        var claims = JSONObject()
        for member in subject where member.name != "id" {
            guard !SDJWTIssuer.registeredClaims.contains(member.name) else {
                return refuse(
                    "invalid-credential", "the subject member '\(member.name)' is a reserved SD-JWT VC claim",
                    "/credentialSubject/" + member.name)
            }
            claims[member.name] = member.value
        }
        let status = SDJWTStatusReference.bitstringStatusList(statusEntries(job, baseURL: context.statusBaseURL))
        let expiresAt = completed["validUntil"]?.stringValue
            .flatMap { try? XSDDateTime(parsing: $0) }?.secondsSince1970.map(Int64.init)
        let draft = SDJWTCredential.Draft(
            vct: SDJWTCredential.vct(forType: type), claims: claims,
            disclosable: claims.names.map { SDJWTClaimPath(names: $0) }, holderKey: holder.publicKey,
            issuedAt: Int64(context.now.timeIntervalSince1970.rounded(.down)), expiresAt: expiresAt, status: status)
        var random = SecureRandomSource()
        do throws(SDJWTError) {
            return .success(try SDJWTCredential.issue(draft, random: &random, signer: context.issuer.signer).serialized)
        } catch {
            return refuse("signing-failed", "\(error)", nil)
        }
    }

    /// The revocation and suspension entries of a job, as written into the other formats' `credentialStatus`.
    private static func statusEntries(_ job: SigningJob, baseURL: String) -> [BitstringStatusListEntry] {
        let entries = [
            statusEntry(.revocation, url: baseURL + job.revocation.listID, index: job.revocation.index),
            statusEntry(.suspension, url: baseURL + job.suspension.listID, index: job.suspension.index),
        ]
        return entries.compactMap { entry in entry.objectValue.flatMap { try? BitstringStatusListEntry(parsing: $0) } }
    }
}
