import Foundation
import MedCredCore
import MedCredCrypto
import MedCredStore

/// One draft ready to sign: its id and the status indices it was given.
struct SigningJob: Sendable {
    let position: Int
    let id: String
    let draft: JSONObject
    let revocation: (listID: String, index: Int)
    let suspension: (listID: String, index: Int)
}

/// What every job of one batch shares.
struct SigningContext: Sendable {
    let issuer: CredentialIssuer
    let issuerID: String
    let format: CredentialFormat
    /// The Data Integrity suite, for ``CredentialFormat/dataIntegrity``.
    let cryptosuite: DataIntegrityCryptosuite
    let now: Date
    let statusBaseURL: String
    let keepBody: Bool
}

/// A signed credential and the record to store for it.
struct SignedCredential: Sendable {
    let position: Int
    let issued: IssuedCredential
    let stored: StoredCredential
}

extension CredentialService {
    /// Checks what the service itself owns in a draft before any index is spent on it.
    static func screen(_ draft: JSONValue, index: Int) -> Result<
        (id: String, draft: JSONObject, givenID: Bool), IssueFailure
    > {
        guard let object = draft.objectValue else {
            return .failure(
                IssueFailure(
                    index: index, code: "invalid-credential", detail: "the credential must be a JSON object",
                    pointer: ""))
        }
        if object["proof"] != nil {
            return .failure(
                IssueFailure(
                    index: index, code: "already-secured", detail: "the credential already has a proof",
                    pointer: "/proof"))
        }
        if object["credentialStatus"] != nil {
            return .failure(
                IssueFailure(
                    index: index, code: "credential-status-not-allowed",
                    detail: "credentialStatus is assigned by the issuer service", pointer: "/credentialStatus"))
        }
        switch object["id"] {
        case nil:
            return .success(("urn:uuid:" + UUID().uuidString.lowercased(), object, false))
        case .string(let id):
            return .success((id, object, true))
        default:
            return .failure(
                IssueFailure(index: index, code: "invalid-credential", detail: "id must be a URL", pointer: "/id"))
        }
    }

    static func duplicate(_ index: Int) -> IssueFailure {
        IssueFailure(
            index: index, code: "duplicate-id", detail: "a credential with this id already exists", pointer: "/id")
    }

    /// Signs the jobs on every core; the order of the results is the order of `jobs`.
    static func sign(_ jobs: [SigningJob], context: SigningContext) async -> [Result<SignedCredential, IssueFailure>] {
        let lanes = min(ProcessInfo.processInfo.activeProcessorCount, max(1, jobs.count / 16))
        guard lanes > 1 else { return jobs.map { sign($0, context: context) } }
        let chunkSize = (jobs.count + lanes - 1) / lanes
        return await withTaskGroup(of: (Int, [Result<SignedCredential, IssueFailure>]).self) { group in
            for (lane, start) in stride(from: 0, to: jobs.count, by: chunkSize).enumerated() {
                let chunk = Array(jobs[start..<min(start + chunkSize, jobs.count)])
                group.addTask { (lane, chunk.map { sign($0, context: context) }) }
            }
            var results: [Int: [Result<SignedCredential, IssueFailure>]] = [:]
            for await (lane, chunk) in group { results[lane] = chunk }
            return results.keys.sorted().flatMap { results[$0] ?? [] }
        }
    }

    static func sign(_ job: SigningJob, context: SigningContext) -> Result<SignedCredential, IssueFailure> {
        let draft = withStatus(job, baseURL: context.statusBaseURL)
        let completed: JSONValue
        let secured: JSONValue
        let securedBytes: [UInt8]
        do throws(IssuanceError) {
            let suite = context.format == .dataIntegrity ? context.cryptosuite : .eddsaJCS2022
            completed = try context.issuer.complete(.object(draft), now: context.now, cryptosuite: suite)
            switch context.format {
            case .dataIntegrity:
                let options = ProofOptions(
                    proofPurpose: VerificationRelationship.assertionMethod.rawValue, created: XSDDateTime(context.now))
                do throws(ProofGenerationError) {
                    secured = try DataIntegrity.addProof(
                        to: completed, options: options, signer: context.issuer.signer, cryptosuite: suite,
                        contexts: context.issuer.contexts)
                } catch {
                    throw .proofGeneration(error)
                }
                securedBytes = secured.jcsBytes
            case .jwt:
                do throws(JOSEError) {
                    let jws = try JOSE.secure(completed, as: .verifiableCredential, signer: context.issuer.signer)
                    secured = .string(jws)
                    securedBytes = Array(jws.utf8)
                } catch {
                    throw .jose(error)
                }
            case .sdJWT:
                switch sdJWT(completed, job: job, context: context) {
                case .failure(let failure): return .failure(failure)
                case .success(let compact):
                    secured = .string(compact)
                    securedBytes = Array(compact.utf8)
                }
            }
        } catch {
            return .failure(failure(error, index: job.position))
        }
        let credential = VerifiableCredential(json: completed)
        let subjects = credential.credentialSubjects
        let stored = StoredCredential(
            id: job.id, issuerID: context.issuerID, types: credential.types,
            subjectID: subjects.count == 1 ? subjects.first?["id"]?.stringValue : nil,
            revocationListID: job.revocation.listID, revocationIndex: job.revocation.index,
            suspensionListID: job.suspension.listID, suspensionIndex: job.suspension.index,
            sha256: hex(SHA256.hash(securedBytes)), validFrom: completed["validFrom"]?.stringValue,
            validUntil: completed["validUntil"]?.stringValue, issuedAt: context.now,
            format: context.format.rawValue, revoked: false, suspended: false,
            body: context.keepBody ? (secured.stringValue ?? secured.serialized()) : nil)
        let issued = IssuedCredential(id: job.id, credential: secured, record: CredentialRecord(stored))
        return .success(SignedCredential(position: job.position, issued: issued, stored: stored))
    }

    /// The draft with its id (right after `@context`) and its two status entries.
    static func withStatus(_ job: SigningJob, baseURL: String) -> JSONObject {
        var draft = job.draft
        if draft["id"] == nil {
            var members: [(String, JSONValue)] = []
            for (name, value) in job.draft {
                members.append((name, value))
                if name == "@context" { members.append(("id", .string(job.id))) }
            }
            draft = JSONObject(members)
            if draft["id"] == nil { draft["id"] = .string(job.id) }
        }
        draft["credentialStatus"] = [
            statusEntry(.revocation, url: baseURL + job.revocation.listID, index: job.revocation.index),
            statusEntry(.suspension, url: baseURL + job.suspension.listID, index: job.suspension.index),
        ]
        return draft
    }

    static func statusEntry(_ purpose: StatusPurpose, url: String, index: Int) -> JSONValue {
        [
            "id": .string("\(url)#\(index)"), "type": .string(BitstringStatusListEntry.type),
            "statusPurpose": .string(purpose.rawValue), "statusListIndex": .string(String(index)),
            "statusListCredential": .string(url),
        ]
    }

    static func failure(_ error: IssuanceError, index: Int) -> IssueFailure {
        let detail = "\(error)"
        switch error {
        case .notAnObject:
            return IssueFailure(index: index, code: "invalid-credential", detail: detail, pointer: "")
        case .alreadySecured:
            return IssueFailure(index: index, code: "already-secured", detail: detail, pointer: "/proof")
        case .issuerMismatch:
            return IssueFailure(index: index, code: "issuer-mismatch", detail: detail, pointer: "/issuer")
        case .subjectInvalid(_, let violations):
            return IssueFailure(
                index: index, code: "subject-invalid", detail: detail,
                pointer: "/credentialSubject" + (violations.first?.instanceLocation ?? ""))
        case .dataModel(let problems):
            return IssueFailure(
                index: index, code: "invalid-credential", detail: detail, pointer: problems.first?.pointer)
        case .invalidVerificationMethod, .proofGeneration, .jose:
            return IssueFailure(index: index, code: "signing-failed", detail: detail, pointer: nil)
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return text
    }
}
