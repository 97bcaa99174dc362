public import Foundation
public import MedCredCore

/// An issuer's account and the signer in force during one whole second.
struct CachedSigning {
    let second: Int64
    let account: IssuerAccount
    let signer: any ProofSigner
}

extension IssuerAccounts {
    /// The issuer's account and its current signer, as ``issuer(id:)`` and ``signer(forIssuer:)`` give them.
    ///
    /// Issuing needs both for every credential, and looking them up costs several database reads and an unseal,
    /// more than the signature itself. Which key signs depends only on the whole second (a rotation takes
    /// effect at the next one) and on rotations, which empty the cache, so the answer is kept for the second.
    /// - Parameter id: the issuer account id.
    /// - Returns: the account and signer.
    /// - Throws: ``AccountError/issuerNotFound(_:)`` or the errors of ``signer(forIssuer:)``.
    public func issuerSigning(id: String) async throws(AccountError) -> (account: IssuerAccount, signer: any ProofSigner) {
        let second = Int64(clock().timeIntervalSince1970.rounded(.down))
        if let cached = signingCache[id], cached.second == second { return (cached.account, cached.signer) }
        let found: IssuerAccount?
        do { found = try await issuer(id: id) } catch { throw .storage(reason: "\(error)") }
        guard let account = found else { throw .issuerNotFound(id) }
        let signer = try await signer(forIssuer: id)
        if signingCache.count >= 10_000 { signingCache.removeAll(keepingCapacity: true) }
        signingCache[id] = CachedSigning(second: second, account: account, signer: signer)
        return (account, signer)
    }
}
