public import MedCredCrypto

extension VerificationMethod {
    /// The Ed25519 public key this verification method publishes.
    ///
    /// Reads `Multikey` and `Ed25519VerificationKey2020` (`publicKeyMultibase`, CID 1.0 §2.2.2,
    /// https://www.w3.org/TR/cid-1.0/#Multikey), the legacy `Ed25519VerificationKey2018` (`publicKeyBase58`, the
    /// raw 32 bytes in base58btc) and `JsonWebKey`/`JsonWebKey2020` (`publicKeyJwk`, OKP/Ed25519, CID 1.0 §2.2.3).
    /// - Returns: the key.
    /// - Throws: ``VerificationKeyError/unsupportedVerificationMethodType(_:type:)``,
    ///   ``VerificationKeyError/missingKeyMaterial(_:member:)``, ``VerificationKeyError/invalidMultikey(_:_:)``,
    ///   ``VerificationKeyError/invalidBase58Key(_:_:)``, ``VerificationKeyError/invalidKeyLength(_:expected:actual:)``
    ///   or ``VerificationKeyError/invalidJWK(_:_:)``.
    public func ed25519PublicKey() throws(VerificationKeyError) -> Ed25519.PublicKey {
        switch type {
        case "Multikey", "Ed25519VerificationKey2020":
            guard let text = publicKeyMultibase else { throw .missingKeyMaterial(id, member: "publicKeyMultibase") }
            do { return try Multikey(multibase: text).publicKey } catch { throw .invalidMultikey(id, error) }
        case "Ed25519VerificationKey2018":
            guard let text = publicKeyBase58 else { throw .missingKeyMaterial(id, member: "publicKeyBase58") }
            let bytes: [UInt8]
            do { bytes = try Base58.decode(text) } catch { throw .invalidBase58Key(id, error) }
            do { return try Ed25519.PublicKey(rawRepresentation: bytes) } catch {
                throw .invalidKeyLength(id, expected: Ed25519.keyLength, actual: bytes.count)
            }
        case "JsonWebKey", "JsonWebKey2020":
            guard let jwk = publicKeyJwk else { throw .missingKeyMaterial(id, member: "publicKeyJwk") }
            do { return try JWK.ed25519PublicKey(jwk) } catch { throw .invalidJWK(id, error) }
        default:
            throw .unsupportedVerificationMethodType(id, type: type)
        }
    }
}

extension DIDDocument {
    /// The Ed25519 key of verification method `id`, if this document authorizes it for `relationship`.
    ///
    /// Steps 5–10 of "Retrieve Verification Method", W3C Controlled Identifiers v1.0 §3.3
    /// (https://www.w3.org/TR/cid-1.0/#retrieve-verification-method): the document must be the one `id` names,
    /// define the method, be its controller, and list it (by reference or embedded) under the relationship.
    /// - Parameters:
    ///   - id: the verification method, e.g. a proof's `verificationMethod` or a JWS `kid`.
    ///   - relationship: the purpose the key must be authorized for, e.g. `assertionMethod`.
    /// - Returns: the key, or the first check that failed.
    public func ed25519Key(for id: DIDURL, relationship: VerificationRelationship)
        -> Result<Ed25519.PublicKey, VerificationKeyError>
    {
        guard self.id == id.did else { return .failure(.documentIDMismatch(expected: id.did, actual: self.id)) }
        guard let method = verificationMethod(for: id, relationship: relationship) else {
            if verificationMethod(id: id) != nil {
                return .failure(.notAuthorized(id, relationship: relationship))
            }
            return .failure(.verificationMethodNotFound(id))
        }
        guard method.controller == self.id else {
            return .failure(.controllerMismatch(id, controller: method.controller))
        }
        do { return .success(try method.ed25519PublicKey()) } catch { return .failure(error) }
    }
}

/// Resolves a proof's or JWS's verification method to an Ed25519 key authorized for `purpose`.
///
/// "Retrieve Verification Method", W3C Controlled Identifiers v1.0 §3.3
/// (https://www.w3.org/TR/cid-1.0/#retrieve-verification-method), with the controller document obtained through
/// DID resolution. A key the document does not authorize is a result, not an error.
/// - Parameters:
///   - verificationMethod: an absolute DID URL, e.g. `did:key:z6Mk…#z6Mk…`.
///   - purpose: the proof purpose, which must name a verification relationship (`assertionMethod`,
///     `authentication`, `capabilityInvocation`, `capabilityDelegation` or `keyAgreement`).
///   - resolver: where the controller's DID document comes from.
///   - versionTime: the instant the document must describe (usually the proof's `created`), or `nil`.
/// - Returns: the key, or why the document does not authorize one.
/// - Throws: ``DIDResolutionError`` when the DID cannot be resolved.
public func resolveVerificationKey(
    verificationMethod: String, purpose: String, resolver: some DIDResolver, versionTime: String?
) async throws(DIDResolutionError) -> Result<Ed25519.PublicKey, VerificationKeyError> {
    guard let url = try? DIDURL(parsing: verificationMethod), url.path.isEmpty, url.query == nil else {
        return .failure(.invalidVerificationMethodURL(verificationMethod))
    }
    guard let relationship = VerificationRelationship(rawValue: purpose) else {
        return .failure(.unsupportedProofPurpose(purpose))
    }
    let document = try await resolver.resolve(url.did, versionTime: versionTime)
    return document.ed25519Key(for: url, relationship: relationship)
}
