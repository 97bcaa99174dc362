extension DIDDocument {
    /// Every verification method the document defines: those in `verificationMethod`, then those embedded in
    /// relationships, in document order (W3C DID Core §5.2, §5.3).
    public var allVerificationMethods: [VerificationMethod] {
        var methods = verificationMethod
        for relationship in Self.relationshipOrder {
            for case .embedded(let method) in self[relationship] { methods.append(method) }
        }
        return methods
    }

    /// The verification method this document defines with `id`, listed or embedded (W3C DID Core §5.2).
    /// - Parameter id: the method's absolute DID URL.
    /// - Returns: the method, or `nil` when the document defines none with that id.
    public func verificationMethod(id: DIDURL) -> VerificationMethod? {
        allVerificationMethods.first { $0.id == id }
    }

    /// The verification method `id`, if this document authorizes it for `relationship`
    /// (W3C DID Core §5.3, https://www.w3.org/TR/did-core/#verification-relationships).
    ///
    /// The method is authorized when the relationship embeds it or references it; a reference is dereferenced
    /// within this document. A reference to a method in another DID's document yields `nil`, since this
    /// document cannot show that key. This answers "is this key authorized for that purpose in the issuer's
    /// DID document"; the caller still checks that the document is the issuer's.
    /// - Parameters:
    ///   - id: the verification method's absolute DID URL, e.g. a proof's `verificationMethod`.
    ///   - relationship: the purpose, e.g. ``VerificationRelationship/assertionMethod``.
    /// - Returns: the authorized method, or `nil` when it is not authorized or not defined here.
    public func verificationMethod(for id: DIDURL, relationship: VerificationRelationship) -> VerificationMethod? {
        for entry in self[relationship] where entry.id == id {
            switch entry {
            case .embedded(let method): return method
            case .reference(let reference):
                if let method = verificationMethod(id: reference) { return method }
            }
        }
        return nil
    }

    /// Whether `relationship` lists the verification method `id`, embedded or by reference (W3C DID Core §5.3).
    /// - Parameters:
    ///   - id: the verification method's absolute DID URL.
    ///   - relationship: the purpose.
    /// - Returns: `true` when the relationship names the method, even if its definition lives elsewhere.
    public func lists(_ id: DIDURL, for relationship: VerificationRelationship) -> Bool {
        self[relationship].contains { $0.id == id }
    }

    /// The service with `id` (W3C DID Core §5.4), matching either the written id or it resolved against ``id``.
    /// - Parameter id: the service id, e.g. `did:example:123#linked-domain` or `#linked-domain`.
    /// - Returns: the service, or `nil`.
    public func service(id: String) -> Service? {
        let wanted = try? DIDURL(parsing: id, relativeTo: self.id)
        return service.first { entry in
            entry.id == id || (wanted != nil && (try? DIDURL(parsing: entry.id, relativeTo: self.id)) == wanted)
        }
    }
}
