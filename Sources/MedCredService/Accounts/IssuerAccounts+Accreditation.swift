public import Foundation
public import MedCredCore
public import MedCredLedger
import MedCredStore

extension IssuerAccounts {
    /// Accredits an issuer DID (hosted here or not) by the service trust root: a signed ``Accreditation``
    /// appended to the ledger.
    /// - Parameters:
    ///   - issuer: the issuer's DID.
    ///   - credentialTypes: what it may issue.
    ///   - jurisdiction: `CC` or `CC-XXX`.
    ///   - validFrom: from when; now when `nil`.
    ///   - validUntil: until when, or open-ended.
    /// - Returns: the accreditation and its ledger index.
    /// - Throws: ``AccountError/invalidRequest(field:reason:)``, ``AccountError/unknownCredentialType(_:)``,
    ///   ``AccountError/notBootstrapped``, ``AccountError/accreditationFailed(reason:)``, ``AccountError/storage(reason:)``.
    public func accredit(
        issuer: String, credentialTypes: [String], jurisdiction: String, validFrom: Date?, validUntil: Date?
    ) async throws(AccountError) -> AccreditationRecord {
        guard let did = try? DID(parsing: issuer) else {
            throw .invalidRequest(field: "issuer", reason: "must be a DID")
        }
        let types = try AccountValidation.credentialTypes(credentialTypes)
        let jurisdiction = try AccountValidation.jurisdiction(jurisdiction)
        let service = try await requireService()
        let now = clock()
        let id = "urn:uuid:" + UUID().uuidString.lowercased()
        let accreditation = try signAccreditation(
            id: id, issuer: did.description, credentialTypes: types, jurisdiction: jurisdiction,
            validFrom: validFrom ?? now, validUntil: validUntil, service: service, now: now)
        let entry = AccreditationEntryRecord(
            id: id, kind: .accreditation, accreditationID: id, issuer: did.description,
            json: accreditation.json.serialized(), ledgerIndex: nil)
        try await wrap { try await store.insert(entry) }
        let index = try await wrap { try await anchor(entry) }
        return AccreditationRecord(accreditation, ledgerIndex: index)
    }

    /// Withdraws an accreditation granted here, effective now: a signed ``AccreditationWithdrawal`` on the ledger.
    /// - Throws: ``AccountError/accreditationNotFound(_:)``, ``AccountError/accreditationAlreadyWithdrawn(_:)``,
    ///   ``AccountError/notBootstrapped``, ``AccountError/accreditationFailed(reason:)``, ``AccountError/storage(reason:)``.
    public func withdrawAccreditation(id: String) async throws(AccountError) {
        guard let granted = try await wrap({ try await store.accreditationEntry(id: id) }),
            granted.kind == .accreditation
        else { throw .accreditationNotFound(id) }
        let rowID = "withdrawal:" + id
        if let earlier = try await wrap({ try await store.accreditationEntry(id: rowID) }) {
            if earlier.ledgerIndex == nil { _ = try await wrap { try await anchor(earlier) } }
            throw .accreditationAlreadyWithdrawn(id)
        }
        let service = try await requireService()
        let now = XSDDateTime(clock())
        let withdrawal: AccreditationWithdrawal
        do {
            withdrawal = try AccreditationWithdrawal.sign(
                accreditation: id, withdrawnAt: now, signer: service.signer, created: now)
        } catch { throw .accreditationFailed(reason: String(describing: error)) }
        let entry = AccreditationEntryRecord(
            id: rowID, kind: .withdrawal, accreditationID: id, issuer: granted.issuer,
            json: withdrawal.json.serialized(), ledgerIndex: nil)
        try await wrap { try await store.insert(entry) }
        _ = try await wrap { try await anchor(entry) }
    }

    /// Every accreditation and withdrawal entry on the ledger that names `issuer`, in ledger order, for
    /// ``AccreditationRegistry/check(issuer:credentialType:jurisdiction:at:entries:)``.
    ///
    /// Every verification asks this of the credential's issuer, so the answer is kept in memory; an entry
    /// counts only once it is on the ledger, and the cache is emptied whenever one gets there.
    public func accreditationEntries(issuer: DID) async throws -> [AccreditationRegistry.Entry] {
        if let cached = accreditationCache[issuer.description] { return cached }
        let entries: [AccreditationRegistry.Entry] = try await store.accreditationEntries(issuer: issuer.description)
            .compactMap { record -> AccreditationRegistry.Entry? in
            guard let index = record.ledgerIndex, let json = try? JSONValue(parsing: record.json) else { return nil }
            return AccreditationRegistry.Entry(index: index, json: json)
        }.sorted { $0.index < $1.index }
        if accreditationCache.count >= 10_000 { accreditationCache.removeAll(keepingCapacity: true) }
        accreditationCache[issuer.description] = entries
        return entries
    }

    /// The accreditations granted to `issuer` here, withdrawn or not, with their ledger indices.
    public func accreditations(issuer: DID) async throws -> [AccreditationRecord] {
        try await accreditationEntries(issuer: issuer).compactMap { entry in
            (try? Accreditation(json: entry.json)).map { AccreditationRecord($0, ledgerIndex: entry.index) }
        }
    }

    func signAccreditation(
        id: String, issuer: String, credentialTypes: [String], jurisdiction: String, validFrom: Date,
        validUntil: Date?, service: ServiceIdentity, now: Date
    ) throws(AccountError) -> Accreditation {
        guard let did = try? DID(parsing: issuer) else {
            throw .invalidRequest(field: "issuer", reason: "must be a DID")
        }
        let from = XSDDateTime(validFrom)
        let until = validUntil.map { XSDDateTime($0) }
        if let until, from.isBefore(until) != true {
            throw .invalidRequest(field: "validUntil", reason: "must be after validFrom")
        }
        do {
            return try Accreditation.sign(
                id: id, issuer: did, credentialTypes: credentialTypes, jurisdiction: jurisdiction, validFrom: from,
                validUntil: until, signer: service.signer, created: XSDDateTime(now))
        } catch { throw .accreditationFailed(reason: String(describing: error)) }
    }

    /// Appends a stored entry's JCS bytes to the ledger — or finds them there, appended before a crash — and
    /// records the index.
    func anchor(_ entry: AccreditationEntryRecord) async throws -> UInt64 {
        let bytes = try JSONValue(parsing: entry.json).jcsBytes
        let index: UInt64
        if let existing = try await ledger.store.index(ofLeafHash: MerkleHash.leaf(bytes)) {
            index = existing
        } else {
            index = try await ledger.append(bytes)
        }
        try await store.setLedgerIndex(index, forEntry: entry.id)
        accreditationCache.removeAll()
        return index
    }
}
