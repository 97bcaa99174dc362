/// A verification relationship: the purpose a verification method is authorized for (W3C DID Core §5.3).
///
/// The raw value is the DID document member name. See https://www.w3.org/TR/did-core/#verification-relationships.
public enum VerificationRelationship: String, CaseIterable, Hashable, Sendable {
    /// §5.3.1: authenticating as the DID subject.
    case authentication
    /// §5.3.2: expressing claims, such as issuing a Verifiable Credential.
    case assertionMethod
    /// §5.3.3: establishing a key agreement (encrypting to the DID subject).
    case keyAgreement
    /// §5.3.4: invoking a cryptographic capability.
    case capabilityInvocation
    /// §5.3.5: delegating a cryptographic capability.
    case capabilityDelegation
}

/// One item of a verification relationship: a reference to a verification method, or one embedded in the
/// relationship and authorized only for it (W3C DID Core §5.3, https://www.w3.org/TR/did-core/#verification-relationships).
public enum VerificationRelationshipEntry: Hashable, Sendable {
    /// A DID URL naming a verification method defined elsewhere, usually in `verificationMethod`.
    case reference(DIDURL)
    /// A verification method embedded in the relationship.
    case embedded(VerificationMethod)

    /// The id of the referenced or embedded verification method.
    public var id: DIDURL {
        switch self {
        case .reference(let id): id
        case .embedded(let method): method.id
        }
    }
}
