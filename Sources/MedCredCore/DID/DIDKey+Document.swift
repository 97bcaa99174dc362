extension DIDKey {
    /// The `@context` of a did:key document: DID v1.1, which defines `Multikey` (did:key Method v0.9
    /// "Context Creation Algorithm").
    public static let documentContext: JSONValue = ["https://www.w3.org/ns/did/v1.1"]

    /// The Ed25519 verification method: type `Multikey`, id `<did>#<multikey>`, controlled by the DID
    /// (did:key Method v0.9 "Signature Method Creation Algorithm" with `publicKeyFormat` `Multikey`).
    public var verificationMethod: VerificationMethod {
        VerificationMethod(id: verificationMethodID, type: "Multikey", controller: did, publicKeyMultibase: multikey)
    }

    /// The derived X25519 key agreement method: type `Multikey`, `publicKeyMultibase` `z6LS…`
    /// (did:key Method v0.9 "Encryption Method Creation Algorithm").
    public var keyAgreementMethod: VerificationMethod {
        VerificationMethod(
            id: keyAgreementID, type: "Multikey", controller: did, publicKeyMultibase: keyAgreementMultikey)
    }

    /// Expands the did:key into its DID document (did:key Method v0.9 "Create" and "Read",
    /// https://w3c-ccg.github.io/did-method-key/#create).
    ///
    /// The shape is the spec's example document: the Ed25519 `Multikey` in `verificationMethod`, referenced by
    /// `authentication`, `assertionMethod`, `capabilityDelegation` and `capabilityInvocation`, and the X25519
    /// `Multikey` embedded in `keyAgreement`. (The spec's algorithm text instead adds the X25519 method to
    /// `verificationMethod` and references it; the example, which resolvers emit, is followed here.)
    /// - Parameter enableEncryptionKeyDerivation: whether to add the X25519 `keyAgreement` method.
    /// - Returns: the DID document.
    public func document(enableEncryptionKeyDerivation: Bool = true) -> DIDDocument {
        let reference = VerificationRelationshipEntry.reference(verificationMethodID)
        return DIDDocument(
            context: Self.documentContext, id: did, verificationMethod: [verificationMethod],
            authentication: [reference], assertionMethod: [reference],
            keyAgreement: enableEncryptionKeyDerivation ? [.embedded(keyAgreementMethod)] : [],
            capabilityInvocation: [reference], capabilityDelegation: [reference])
    }
}
