public import Foundation

/// How strictly ``VerifiableCredential/validate(_:options:)`` and
/// ``VerifiablePresentation/validate(_:options:)`` check a document.
///
/// VC Data Model 2.0 §4, <https://www.w3.org/TR/vc-data-model-2.0/#basic-concepts>, states what a
/// conforming document is; §7.1, <https://www.w3.org/TR/vc-data-model-2.0/#verification>, is the verifier's
/// use of that check.
public struct CredentialValidationOptions: Sendable {
    /// Why the document is being checked.
    public enum Purpose: Sendable, Hashable {
        /// A credential handed to an issuer to be completed and secured (the VC-API issue endpoint): the
        /// issuer supplies `issuer` (or the `id` of an issuer object) and, for VCDM 1.1, `issuanceDate`,
        /// so their absence is not a problem. Values that are present are checked in full.
        case issuance
        /// A credential or presentation received for verification: it must be complete.
        case verification
    }

    /// Why the document is being checked.
    public var purpose: Purpose
    /// Whether VC Data Model 1.1 documents (first context `https://www.w3.org/2018/credentials/v1`, with
    /// `issuanceDate`/`expirationDate`) are accepted; MedCred accepts them only for verification
    /// (DESIGN.md "Credentials").
    public var allowsVersion1: Bool
    /// The context documents `@context` URLs may name.
    public var contexts: KnownContexts
    /// The instant to check the validity period against, or `nil` to skip that check (issuance, or a
    /// verifier that reports validity separately). Before `validFrom` or after `validUntil` is a
    /// ``ProblemType/range`` problem.
    public var now: Date?

    /// Creates options.
    /// - Parameters:
    ///   - purpose: issuance input or verification (the default).
    ///   - allowsVersion1: whether VCDM 1.1 documents are accepted; `false` unless stated.
    ///   - contexts: the context documents `@context` URLs may name.
    ///   - now: the instant for the validity-period check, or `nil` to skip it.
    public init(
        purpose: Purpose = .verification, allowsVersion1: Bool = false, contexts: KnownContexts, now: Date? = nil
    ) {
        self.purpose = purpose
        self.allowsVersion1 = allowsVersion1
        self.contexts = contexts
        self.now = now
    }
}

/// The VC Data Model version a document declares by its first `@context` entry.
public enum DataModelVersion: String, Sendable, Hashable {
    /// VC Data Model 2.0, first context `https://www.w3.org/ns/credentials/v2`,
    /// <https://www.w3.org/TR/vc-data-model-2.0/#contexts>.
    case v2 = "2.0"
    /// VC Data Model 1.1, first context `https://www.w3.org/2018/credentials/v1`,
    /// <https://www.w3.org/TR/vc-data-model-1.1/#contexts>.
    case v1 = "1.1"

    /// The version whose base context is the first entry of `context`, if any.
    /// - Parameter context: a document's `@context` value.
    public init?(context: JSONValue?) {
        guard let context, let first = CredentialJSON.values(of: context).first?.stringValue else { return nil }
        switch first {
        case KnownContexts.credentialsV2: self = .v2
        case KnownContexts.credentialsV1: self = .v1
        default: return nil
        }
    }
}
