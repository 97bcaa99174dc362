public import Foundation
public import MedCredCore

/// The `status` check: each `BitstringStatusListEntry` of a credential is looked up in its status list
/// credential, which must verify and come from the credential's issuer.
///
/// W3C Bitstring Status List v1.0 §3.2 "Validate Algorithm",
/// <https://www.w3.org/TR/vc-bitstring-status-list/#validate-algorithm>. A set `revocation` or `suspension`
/// status fails the check (`STATUS_VERIFICATION_ERROR`, detail `revoked` / `suspended`); a set `refresh` or
/// `message` status is a warning. A list that cannot be fetched makes the check throw.
public struct BitstringStatusCheck: CredentialCheckExtension {
    /// A fetched status list credential, or why it cannot be used.
    private enum ListLookup {
        case list(BitstringStatusListCredential)
        case problem(CredentialProblem)
    }

    /// `status`.
    public let name = "status"
    /// Where status list credentials come from.
    public let fetcher: any StatusListFetcher
    /// Verifies status list credentials (proof, data model, validity period); it should not itself run this
    /// check.
    public let verifier: CredentialVerifier
    /// GZIP with a decompression limit.
    public let codec: StatusListCodec
    /// Status list credentials already verified, shared by copies of this check.
    private let verifiedLists = VerifiedStatusLists()

    /// Creates the check.
    /// - Parameters:
    ///   - fetcher: fetches status list credentials.
    ///   - verifier: verifies them.
    ///   - codec: decompresses their lists.
    public init(fetcher: some StatusListFetcher, verifier: CredentialVerifier, codec: StatusListCodec = .init()) {
        self.fetcher = fetcher
        self.verifier = verifier
        self.codec = codec
    }

    public func check(_ credential: VerifiableCredential, now: Date) async throws -> CheckExtensionOutcome {
        var outcome = CheckExtensionOutcome()
        var lists: [String: ListLookup] = [:]
        for (pointer, parsed) in BitstringStatusListEntry.entries(of: credential) {
            let entry: BitstringStatusListEntry
            switch parsed {
            case .success(let value): entry = value
            case .failure(let error):
                outcome.problems.append(
                    CredentialProblem(
                        type: .statusVerification, pointer: pointer + "/" + (error.member ?? ""),
                        detail: "the status entry is not a valid BitstringStatusListEntry: \(error)"))
                continue
            }
            let list: ListLookup
            if let cached = lists[entry.statusListCredential] {
                list = cached
            } else {
                list = try await listCredential(for: entry, of: credential, pointer: pointer, now: now)
                lists[entry.statusListCredential] = list
            }
            switch list {
            case .problem(let problem): outcome.problems.append(problem)
            case .list(let list): record(entry, in: list, pointer: pointer, into: &outcome)
            }
        }
        return outcome
    }

    private func listCredential(
        for entry: BitstringStatusListEntry, of credential: VerifiableCredential, pointer: String, now: Date
    ) async throws -> ListLookup {
        let json = try await fetcher.fetch(entry.statusListCredential)
        let pointer = pointer + "/statusListCredential"
        if let list = verifiedLists.list(url: entry.statusListCredential, json: json, now: now) {
            return issuerMatches(list, credential, pointer: pointer)
        }
        let result = try await verifier.verifyCredential(.document(json), now: now)
        guard result.verified else {
            return .problem(
                CredentialProblem(
                    type: .statusVerification, pointer: pointer,
                    detail: "the status list credential did not verify; failed checks: "
                        + result.failedChecks.joined(separator: ", ")))
        }
        let list: BitstringStatusListCredential
        do throws(BitstringStatusListCredentialError) {
            list = try BitstringStatusListCredential(parsing: VerifiableCredential(json: json))
        } catch {
            return .problem(
                CredentialProblem(
                    type: error.problemType, pointer: pointer,
                    detail: "the document is not a BitstringStatusListCredential: \(error)"))
        }
        verifiedLists.store(list, url: entry.statusListCredential, json: json)
        return issuerMatches(list, credential, pointer: pointer)
    }

    private func issuerMatches(
        _ list: BitstringStatusListCredential, _ credential: VerifiableCredential, pointer: String
    ) -> ListLookup {
        guard list.issuerID == credential.issuerID else {
            return .problem(
                CredentialProblem(
                    type: .statusVerification, pointer: pointer,
                    detail: "the status list credential's issuer is not the credential's issuer"))
        }
        return .list(list)
    }

    private func record(
        _ entry: BitstringStatusListEntry, in list: BitstringStatusListCredential, pointer: String,
        into outcome: inout CheckExtensionOutcome
    ) {
        let status: UInt8
        do throws(BitstringStatusListCredentialError) {
            status = try list.status(of: entry, decompress: codec.decompress)
        } catch {
            outcome.problems.append(
                CredentialProblem(type: error.problemType, pointer: pointer, detail: "status lookup failed: \(error)"))
            return
        }
        guard status != 0 else { return }
        switch entry.statusPurpose {
        case .revocation:
            outcome.problems.append(CredentialProblem(type: .statusVerification, pointer: pointer, detail: "revoked"))
        case .suspension:
            outcome.problems.append(CredentialProblem(type: .statusVerification, pointer: pointer, detail: "suspended"))
        case .refresh:
            outcome.warnings.append(
                CredentialProblem(type: .statusVerification, pointer: pointer, detail: "refresh available"))
        case .message:
            let message = entry.statusMessage.first { UInt8($0.status.dropFirst(2), radix: 16) == status }
            outcome.warnings.append(
                CredentialProblem(
                    type: .statusVerification, pointer: pointer,
                    detail: "status message: \(message?.message ?? "0x" + String(status, radix: 16))"))
        }
    }
}
