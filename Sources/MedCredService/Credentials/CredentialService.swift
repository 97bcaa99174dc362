public import Foundation
public import MedCredCore
import MedCredStore

/// Issues credentials with Bitstring Status List entries, keeps the issuer's records of them, changes their
/// status and publishes the signed status lists (DESIGN.md "Credentials"; W3C Bitstring Status List v1.0).
///
/// One actor owns the in-memory state (free status indices, in-flight ids, signed lists); signing runs in
/// parallel outside it, and every batch is stored in one transaction.
public actor CredentialService {
    /// A status change an issuer can ask for.
    public enum StatusAction: String, Sendable {
        /// Sets the revocation bit; final.
        case revoke
        /// Sets the suspension bit.
        case suspend
        /// Clears the suspension bit.
        case reinstate
    }

    /// Entries per status list: the spec's minimum, for herd privacy (§6.1).
    public static let statusListCapacity = BitstringStatusList.minimumCount
    /// How long a status list may be cached, in seconds; short, because a suspension should take effect soon.
    public static let statusListTTLSeconds = 300

    let store: CredentialStore
    let statusBaseURL: String
    let contexts: KnownContexts
    let codec: StatusListCodec
    let storeCredentialBodies: Bool
    let clock: @Sendable () -> Date
    let signerForIssuer: @Sendable (String) async throws -> IssuerSigning
    /// How many indices of each list are handed out before a new list is opened.
    let indicesPerList: Int

    /// Free indices of each issuer's current list, keyed by ``poolKey(issuerID:purpose:)``; loaded on first use.
    var pools: [String: StatusIndexPool] = [:]
    /// Ids of credentials being issued right now, so two concurrent batches cannot both take one id.
    var inFlightIDs: Set<String> = []
    /// Signed status lists by list id, dropped when the list changes.
    var published: [String: PublishedStatusList] = [:]
    /// Bumped on every change of a list, so a signature started before the change is not cached after it.
    var listGenerations: [String: Int] = [:]
    /// Callers waiting for the next group commit (see ``persist(_:)``).
    var commitQueue: [PendingCommit] = []
    /// Whether a group commit is being written.
    var isCommitting = false

    /// Opens the credential database.
    /// - Parameters:
    ///   - databasePath: the SQLite file (`credentials.sqlite`).
    ///   - statusBaseURL: the URL prefix of status lists, e.g. `http://127.0.0.1:8080/status-lists/`; a list's
    ///     URL is this prefix followed by its id.
    ///   - contexts: the context documents credentials may use (VC Data Model 2.0 at least).
    ///   - codec: GZIP for the lists.
    ///   - storeCredentialBodies: whether to keep the whole secured credential (health data) in the record.
    ///   - clock: the service clock.
    ///   - signerForIssuer: the current signing key of an issuer account, for signing its status lists.
    /// - Throws: ``StoreError`` when the database cannot be opened.
    public init(
        databasePath: String, statusBaseURL: String, contexts: KnownContexts, codec: StatusListCodec = .init(),
        storeCredentialBodies: Bool = false, clock: @escaping @Sendable () -> Date,
        signerForIssuer: @escaping @Sendable (String) async throws -> IssuerSigning
    ) throws {
        try self.init(
            databasePath: databasePath, statusBaseURL: statusBaseURL, contexts: contexts, codec: codec,
            storeCredentialBodies: storeCredentialBodies, clock: clock, signerForIssuer: signerForIssuer,
            indicesPerList: Self.statusListCapacity)
    }

    /// The same, handing out only indices `0..<indicesPerList` of each list (the lists still have
    /// ``statusListCapacity`` entries), so tests can fill lists quickly.
    package init(
        databasePath: String, statusBaseURL: String, contexts: KnownContexts, codec: StatusListCodec = .init(),
        storeCredentialBodies: Bool = false, clock: @escaping @Sendable () -> Date,
        signerForIssuer: @escaping @Sendable (String) async throws -> IssuerSigning, indicesPerList: Int
    ) throws {
        precondition((1...Self.statusListCapacity).contains(indicesPerList), "indicesPerList out of range")
        self.indicesPerList = indicesPerList
        store = try CredentialStore(path: databasePath)
        self.statusBaseURL = statusBaseURL
        self.contexts = contexts
        self.codec = codec
        self.storeCredentialBodies = storeCredentialBodies
        self.clock = clock
        self.signerForIssuer = signerForIssuer
    }

    /// Issues each draft: assigns an `id` (`urn:uuid:`) when absent and a `credentialStatus` with a
    /// `revocation` and a `suspension` `BitstringStatusListEntry` at random free indices of the issuer's
    /// current lists, then completes and signs it with ``CredentialIssuer``. The records of all successful
    /// drafts are stored in one transaction.
    /// - Parameters:
    ///   - drafts: unsigned credentials, without `proof` or `credentialStatus`.
    ///   - format: Data Integrity, VC-JOSE or SD-JWT VC.
    ///   - cryptosuite: the Data Integrity suite, `eddsa-jcs-2022` unless stated; ignored for the other formats.
    ///   - issuer: the issuer account and its current key.
    /// - Returns: per draft, in order, the issued credential or why that draft failed.
    /// - Throws: when the database fails; then nothing of the batch was stored.
    public func issue(
        _ drafts: [JSONValue], format: CredentialFormat, cryptosuite: DataIntegrityCryptosuite = .eddsaJCS2022,
        issuer: IssuerSigning
    ) async throws -> [Result<IssuedCredential, IssueFailure>] {
        var (accepted, failures, batchIDs) = reserveIDs(of: drafts)
        defer { inFlightIDs.subtract(batchIDs) }

        let existing = try await store.existingIDs(among: accepted.filter(\.givenID).map(\.id))
        try await loadPools(issuerID: issuer.issuerID)
        var jobs: [SigningJob] = []
        for item in accepted {
            guard !existing.contains(item.id) else {
                failures[item.index] = Self.duplicate(item.index)
                continue
            }
            let revocation = allocate(issuerID: issuer.issuerID, purpose: .revocation)
            let suspension = allocate(issuerID: issuer.issuerID, purpose: .suspension)
            jobs.append(
                SigningJob(
                    position: item.index, id: item.id, draft: item.draft, revocation: revocation,
                    suspension: suspension))
        }

        let signer = CredentialIssuer(signer: issuer.signer, contexts: contexts)
        let signed = await Self.sign(
            jobs,
            context: SigningContext(
                issuer: signer, issuerID: issuer.issuerID, format: format, cryptosuite: cryptosuite, now: clock(),
                statusBaseURL: statusBaseURL, keepBody: storeCredentialBodies))
        var issued: [Int: IssuedCredential] = [:]
        for outcome in signed {
            switch outcome {
            case .failure(let failure): failures[failure.index] = failure
            case .success(let credential): issued[credential.position] = credential.issued
            }
        }
        try await persist(signed.compactMap { try? $0.get().stored })
        return drafts.indices.compactMap { index in
            if let credential = issued[index] { return .success(credential) }
            return failures[index].map { .failure($0) }
        }
    }

    /// Screens each draft and reserves the ids of the acceptable ones against concurrent batches.
    private func reserveIDs(of drafts: [JSONValue]) -> (
        accepted: [(index: Int, id: String, draft: JSONObject, givenID: Bool)], failures: [Int: IssueFailure],
        ids: Set<String>
    ) {
        var failures: [Int: IssueFailure] = [:]
        var accepted: [(index: Int, id: String, draft: JSONObject, givenID: Bool)] = []
        var batchIDs: Set<String> = []
        for (index, draft) in drafts.enumerated() {
            switch Self.screen(draft, index: index) {
            case .failure(let failure): failures[index] = failure
            case .success(let screened):
                guard !batchIDs.contains(screened.id), !inFlightIDs.contains(screened.id) else {
                    failures[index] = Self.duplicate(index)
                    continue
                }
                batchIDs.insert(screened.id)
                accepted.append((index, screened.id, screened.draft, screened.givenID))
            }
        }
        inFlightIDs.formUnion(batchIDs)
        return (accepted, failures, batchIDs)
    }

    /// The record of credential `id`, or `nil`.
    public func record(id: String) async throws -> CredentialRecord? {
        try await store.credential(id: id).map(CredentialRecord.init)
    }

    /// One page of an issuer's records, ordered by id.
    /// - Parameters:
    ///   - issuerID: the issuer account.
    ///   - limit: the most records to return.
    ///   - after: the last id of the previous page, or `nil` for the first.
    public func records(issuerID: String, limit: Int, after: String?) async throws -> [CredentialRecord] {
        try await store.credentials(issuerID: issuerID, limit: limit, after: after).map(CredentialRecord.init)
    }

    /// Closes the database.
    public func close() throws {
        try store.close()
    }

    func listURL(_ listID: String) -> String { statusBaseURL + listID }

    static func poolKey(issuerID: String, purpose: StatusPurpose) -> String { purpose.rawValue + "\n" + issuerID }

    /// Loads the issuer's current lists and their used indices once; later allocation is in memory.
    private func loadPools(issuerID: String) async throws {
        for purpose in [StatusPurpose.revocation, .suspension] {
            let key = Self.poolKey(issuerID: issuerID, purpose: purpose)
            guard pools[key] == nil else { continue }
            let open = try await store.openList(
                issuerID: issuerID, revocation: purpose == .revocation, capacity: indicesPerList)
            // Another call may have loaded it while this one waited; its allocations must not be forgotten.
            guard pools[key] == nil else { continue }
            pools[key] =
                open.map { StatusIndexPool(listID: $0.listID, capacity: indicesPerList, used: $0.usedIndices) }
                ?? StatusIndexPool(capacity: indicesPerList)
        }
    }

    private func allocate(issuerID: String, purpose: StatusPurpose) -> (listID: String, index: Int) {
        pools[
            Self.poolKey(issuerID: issuerID, purpose: purpose),
            default: StatusIndexPool(capacity: indicesPerList)
        ]
        .allocate()
    }
}
