import MedCredCore
import MedCredLedger
import MedCredStore

/// A hosted DID's log as verification needs it: verified once, its anchors checked once, each version's
/// document built once.
///
/// Every credential and presentation a verifier checks resolves its issuer's DID as of the proof's
/// `created`; re-verifying the whole log and its ledger proofs each time cost a millisecond and more per
/// resolution. A log only changes through ``AnchoredDIDRegistry/append(_:to:witnessText:)``, which drops the
/// cached copy, and a leaf once proven in the append-only ledger stays there.
struct VerifiedLog {
    let identifier: WebVHIdentifier
    let verification: WebVHLogVerification
    /// The position of the first stored entry whose anchor fails, if any.
    let firstUnanchored: Int?
    /// Documents by entry position.
    var documents: [Int: DIDDocument] = [:]

    /// Bounds the cache: more hosted DIDs than this in use at once, and it starts afresh.
    static let limit = 10_000
}

extension AnchoredDIDRegistry {
    /// Resolves a hosted did:webvh DID from the cache of verified logs.
    /// - Returns: the document, or `nil` when the answer is not a plain document (not hosted, a failure or a
    ///   deactivation), which the full path then reports.
    /// - Throws: ``DIDResolutionError/notFound(_:)`` when the policy requires an anchor that fails.
    func cachedResolution(_ did: DID, versionTime: String?, policy: AnchorPolicy) async throws(DIDResolutionError)
        -> DIDDocument?
    {
        guard did.method == "webvh" else { return nil }
        var time: XSDDateTime?
        if let versionTime {
            guard let parsed = try? XSDDateTime(parsing: versionTime, requiringTimezone: true) else { return nil }
            time = parsed
        }
        guard var log = try? await verifiedLog(did) else { return nil }
        let entries = log.verification.entries
        guard let last = entries.last, last.parameters.deactivated != true else { return nil }
        if time == nil, log.verification.failure != nil { return nil }
        let query = WebVHVersionQuery(versionTime: time)
        guard
            let position = entries.indices.last(where: { index in
                query.matches(entries[index].entry, next: index + 1 < entries.count ? entries[index + 1].entry : nil)
            })
        else { return nil }
        if policy == .require, let failing = log.firstUnanchored, failing <= position { throw .notFound(did) }
        if let document = log.documents[position] { return document }
        let resolved = WebVHResolver.resolve(
            log.identifier, query: WebVHVersionQuery(versionNumber: entries[position].entry.versionNumber),
            verification: log.verification)
        guard resolved.error == nil, let json = resolved.didDocument, let document = try? DIDDocument(json: json)
        else { return nil }
        log.documents[position] = document
        verifiedLogs[did.description] = log
        return document
    }

    /// Drops the cached logs of a SCID, whatever DID spelling they were reached by.
    func forgetVerifiedLogs(scid: String) {
        verifiedLogs = verifiedLogs.filter { $0.value.identifier.scid != scid }
    }

    private func verifiedLog(_ did: DID) async throws -> VerifiedLog? {
        if let cached = verifiedLogs[did.description] { return cached }
        guard let identifier = try? WebVHIdentifier(parsing: did.description) else { return nil }
        let records = try await logs.records(scid: identifier.scid)
        guard !records.isEmpty else { return nil }
        let text = records.map { $0.line + "\n" }.joined()
        let witness = try await logs.witnessText(scid: identifier.scid)
        let verification = WebVHLogVerifier(now: XSDDateTime(clock())).verify(logText: text, witnessText: witness)
        guard verification.entries.contains(where: { $0.entry.stateID == identifier.description }),
            verification.entries.first?.parameters.scid == identifier.scid
        else { return nil }
        var firstUnanchored: Int?
        for (position, record) in records.enumerated() {
            if case .failure = try await checkAnchor(record) {
                firstUnanchored = position
                break
            }
        }
        // A log read while an append was under way is not cached; the next resolution reads it again.
        guard try await logs.records(scid: identifier.scid).count == records.count else { return nil }
        let log = VerifiedLog(identifier: identifier, verification: verification, firstUnanchored: firstUnanchored)
        if verifiedLogs.count >= VerifiedLog.limit { verifiedLogs.removeAll(keepingCapacity: true) }
        verifiedLogs[did.description] = log
        return log
    }
}
