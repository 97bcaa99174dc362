import Foundation
import MedCredCore
import MedCredCrypto
import MedCredStore

extension CredentialService {
    /// The signed `BitstringStatusListCredential` of list `listID`: `eddsa-jcs-2022` by the list's issuer,
    /// `encodedList` GZIP + multibase base64url of ``statusListCapacity`` entries, with `validFrom` and `ttl`.
    ///
    /// W3C Bitstring Status List v1.0 §2.1, <https://www.w3.org/TR/vc-bitstring-status-list/>. The list is
    /// signed again only when a bit changed since it was last signed; the signed bytes are kept in memory and
    /// in the database, so the ETag stays the same across restarts until the list changes.
    /// - Throws: ``CredentialServiceError/statusListNotFound(_:)``, ``CredentialServiceError/signingFailed(issuerID:reason:)``
    ///   or ``CredentialServiceError/storage(_:)``.
    public func statusListCredential(listID: String) async throws(CredentialServiceError) -> PublishedStatusList {
        if let cached = published[listID] { return cached }
        let generation = listGenerations[listID, default: 0]
        let found: StoredStatusList?
        do { found = try await store.statusList(id: listID) } catch { throw .storage("\(error)") }
        guard let list = found else { throw .statusListNotFound(listID) }
        let publication: PublishedStatusList
        if let signed = list.signed, signed.version == list.version,
            let document = try? JSONValue(parsing: signed.json)
        {
            publication = PublishedStatusList(
                json: signed.json, etag: signed.etag, lastModified: signed.signedAt, issuerID: list.issuerID,
                ttlSeconds: Self.statusListTTLSeconds, document: document)
        } else {
            publication = try await sign(list)
        }
        if listGenerations[listID, default: 0] == generation { published[listID] = publication }
        return publication
    }

    /// How far a list's `validFrom` precedes its signing. Lists are signed lazily, when first asked for after a
    /// change — often by a verification that took its clock reading before the signing, and would otherwise
    /// find the list "not yet valid" whenever the signing crosses a second boundary.
    static let validFromLeeway: TimeInterval = 60

    private func sign(_ list: StoredStatusList) async throws(CredentialServiceError) -> PublishedStatusList {
        let setIndices: [Int]
        do {
            setIndices = try await store.setIndices(listID: list.listID, revocation: list.isRevocation)
        } catch {
            throw .storage("\(error)")
        }
        let signing: IssuerSigning
        do { signing = try await signerForIssuer(list.issuerID) } catch {
            throw .signingFailed(issuerID: list.issuerID, reason: "\(error)")
        }
        let now = clock()
        let document: JSONValue
        do {
            var bits = try BitstringStatusList(count: Self.statusListCapacity)
            for index in setIndices where index < bits.count { bits[index] = true }
            let draft = BitstringStatusListCredential.draft(
                id: listURL(list.listID), issuer: signing.did,
                statusPurpose: list.isRevocation ? .revocation : .suspension,
                encodedList: try bits.encodedList(compress: codec.compress),
                validFrom: XSDDateTime.timestamp(from: now.addingTimeInterval(-Self.validFromLeeway)),
                ttl: Self.statusListTTLSeconds * 1000)
            let secured = try CredentialIssuer(signer: signing.signer, contexts: contexts).issue(draft, now: now)
            guard case .document(let json) = secured else { throw IssuanceError.notAnObject }
            document = json
        } catch {
            throw .signingFailed(issuerID: list.issuerID, reason: "\(error)")
        }
        let json = document.utf8Bytes
        let signed = SignedStatusList(
            version: list.version, json: json, etag: "\"" + Self.hex(Array(SHA256.hash(json).prefix(16))) + "\"",
            signedAt: now)
        do { try await store.saveSigned(signed, listID: list.listID) } catch { throw .storage("\(error)") }
        return PublishedStatusList(
            json: json, etag: signed.etag, lastModified: now, issuerID: list.issuerID,
            ttlSeconds: Self.statusListTTLSeconds, document: document)
    }
}
