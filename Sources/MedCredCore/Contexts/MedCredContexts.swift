/// The JSON-LD contexts MedCred accepts: the committed pins and the context MedCred defines itself.
///
/// DESIGN.md "JSON-LD contexts": every accepted context is pinned by URL and SHA-256 in
/// `contexts/pins.json`; third-party documents come from a local cache the caller reads (Core reads no
/// files), and MedCred's own context, `contexts/medcred-credentials-v1.jsonld`, is compiled in. Both texts
/// are embedded in `MedCredContexts+Pins.swift` and `MedCredContexts+CredentialsV1.swift`, which are
/// generated from those files (see `ContextEmbeddingTests`).
public enum MedCredContexts {
    /// The URL of MedCred's credentials context, version 1, which defines `MedicalLicenseCredential`,
    /// `PatientIdentityCredential` and every member of their subjects (JSON-LD 1.1, all terms protected).
    public static let credentialsV1 = "https://schemas.medcred.dev/contexts/credentials/v1.jsonld"

    /// The parsed ``pinsText``.
    public static let pins: ContextPins = {
        do {
            return try ContextPins(parsing: pinsText)
        } catch {
            // pinsText is a compiled-in constant that ContextPinsTests parses; failing here is a build defect.
            fatalError("the embedded contexts/pins.json does not parse: \(error)")  // invariant: a committed constant
        }
    }()

    /// The contexts a verifier accepts: each supplied document, checked against its pin, plus MedCred's own.
    ///
    /// VC Data Model 2.0 §4.3 Contexts, <https://www.w3.org/TR/vc-data-model-2.0/#contexts>. A pinned URL
    /// that is not supplied is simply unknown (a credential naming it is then reported by
    /// ``VerifiableCredential/validate(_:options:)``); MedCred's own context is always included.
    /// - Parameter documents: document bytes keyed by the exact `@context` URL, as read from the cache.
    /// - Returns: the parsed documents, for ``CredentialValidationOptions/contexts``.
    /// - Throws: ``ContextError/unpinnedURL(_:)`` for a URL with no pin,
    ///   ``ContextError/digestMismatch(url:expected:actual:)`` when the bytes differ from the pin,
    ///   ``ContextError/invalidDocument(url:_:)`` or ``ContextError/notAContextDocument(url:)`` when the
    ///   pinned bytes are not a context document.
    public static func knownContexts(loading documents: [String: [UInt8]]) throws(ContextError) -> KnownContexts {
        var parsed: [String: JSONValue] = [:]
        // Sorted, so the error reported for several bad documents does not depend on dictionary order.
        for (url, bytes) in documents.sorted(by: { $0.key < $1.key }) {
            parsed[url] = try pins.document(url: url, bytes: bytes)
        }
        parsed[credentialsV1] = try pins.document(url: credentialsV1, bytes: Array(credentialsV1Text.utf8))
        return KnownContexts(documents: parsed)
    }
}
