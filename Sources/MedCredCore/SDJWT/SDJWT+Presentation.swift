extension SDJWT {
    /// The holder's presentation: only the disclosures needed to reveal `paths` (RFC 9901 §5.2, §6).
    ///
    /// A path reveals the disclosure at that path, those of every claim above it (needed to reach it) and
    /// those of every claim inside it. The holder trusts its own SD-JWT, so the issuer signature is not
    /// checked; the disclosures are, as a verifier would.
    /// - Parameter paths: the claims to reveal, e.g. `given_name` and `birthdate`.
    /// - Returns: the SD-JWT with those disclosures, in the issued order, and no KB-JWT.
    /// - Throws: ``SDJWTError/issuerJWT(_:)``, a disclosure error from ``SDJWTPayloadProcessor``, or
    ///   ``SDJWTError/unknownClaimPath(_:)`` for a path that is neither disclosable nor inside a disclosure.
    public func presenting(_ paths: [SDJWTClaimPath]) throws(SDJWTError) -> SDJWT {
        let jws = try issuerJWS()
        guard let payload = jws.payload.objectValue else { throw .issuerJWT(.notObject(.payload)) }
        let processed = try SDJWTPayloadProcessor.process(payload: payload, disclosures: disclosures)
        var chosen: Set<String> = []
        for path in paths {
            let matches = processed.paths.filter { $0.value.isPrefix(of: path) || path.isPrefix(of: $0.value) }
            guard !matches.isEmpty || SDJWTIssuer.value(at: path, in: .object(processed.claims)) != nil else {
                throw .unknownClaimPath(path.description)
            }
            chosen.formUnion(matches.keys)
        }
        return SDJWT(issuerJWT: issuerJWT, disclosures: disclosures.filter { chosen.contains($0.digest) })
    }
}
