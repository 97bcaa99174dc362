import MedCredStore

extension CredentialService {
    /// Revokes, suspends or reinstates a credential. Only its own issuer may, and revocation is final: every
    /// later change but another `revoke` is refused. Repeating an action changes nothing (and no list).
    /// - Parameters:
    ///   - credentialID: the credential's `id`.
    ///   - issuerID: the issuer account asking.
    ///   - action: what to do.
    /// - Returns: the updated record.
    /// - Throws: ``CredentialServiceError/credentialNotFound(_:)``, ``CredentialServiceError/notYourCredential(_:)``,
    ///   ``CredentialServiceError/credentialRevoked(_:)`` or ``CredentialServiceError/storage(_:)``.
    public func updateStatus(credentialID: String, issuerID: String, action: StatusAction)
        async throws(CredentialServiceError) -> CredentialRecord
    {
        let current: StoredCredential?
        do { current = try await store.credential(id: credentialID) } catch { throw .storage("\(error)") }
        guard let current else { throw .credentialNotFound(credentialID) }
        guard current.issuerID == issuerID else { throw .notYourCredential(credentialID) }
        if current.revoked {
            guard action == .revoke else { throw .credentialRevoked(credentialID) }
            return CredentialRecord(current)
        }
        let (revoked, suspended) =
            switch action {
            case .revoke: (true, current.suspended)
            case .suspend: (false, true)
            case .reinstate: (false, false)
            }
        let updated: StoredCredential?
        do {
            updated = try await store.setStatus(id: credentialID, revoked: revoked, suspended: suspended)
        } catch {
            throw .storage("\(error)")
        }
        guard let updated else { throw .credentialNotFound(credentialID) }
        if updated.revoked != current.revoked { invalidate(listID: current.revocationListID) }
        if updated.suspended != current.suspended { invalidate(listID: current.suspensionListID) }
        return CredentialRecord(updated)
    }

    private func invalidate(listID: String) {
        published[listID] = nil
        listGenerations[listID, default: 0] += 1
    }
}
