/// The header checks made before any key is looked up (RFC 7515 §5.2, RFC 8725 §3, VC-JOSE-COSE §3.1, §4.1.1).
enum JOSEHeaderCheck {
    /// `alg` values accepted: `EdDSA` (RFC 8037 §3.1) and the fully specified `Ed25519` (RFC 9864).
    static let algorithms = ["EdDSA", "Ed25519"]

    static func run(_ text: String, mediaType: JOSEMediaType) -> Result<(jws: CompactJWS, kid: DIDURL), JOSEError> {
        do throws(JOSEError) {
            let jws = try CompactJWS(parsing: text)
            let header = jws.header
            let alg = try string(header, "alg")
            guard algorithms.contains(where: { ExactString.equal($0, alg) }) else { throw .unsupportedAlgorithm(alg) }
            try checkCritical(header)
            let typ = try string(header, "typ")
            guard ExactString.equal(normalizedMediaType(typ), mediaType.rawValue) else {
                throw .typeMismatch(expected: mediaType.rawValue, actual: typ)
            }
            if let cty = header["cty"] {
                guard let text = cty.stringValue else { throw .wrongType("cty") }
                guard ExactString.equal(normalizedMediaType(text), mediaType.contentType) else {
                    throw .contentTypeMismatch(expected: mediaType.contentType, actual: text)
                }
            }
            let kidText = try string(header, "kid")
            guard let kid = try? DIDURL(parsing: kidText), kid.path.isEmpty, kid.query == nil else {
                throw .invalidKeyID(kidText)
            }
            return .success((jws, kid))
        } catch {
            return .failure(error)
        }
    }

    /// RFC 7515 §4.1.11: a verifier that does not understand every listed extension must reject the JWS. MedCred
    /// implements none (not even `b64` of RFC 7797), so any `crit` is refused; a malformed one too.
    private static func checkCritical(_ header: JSONObject) throws(JOSEError) {
        guard let crit = header["crit"] else { return }
        guard let names = crit.arrayValue, !names.isEmpty, names.allSatisfy({ $0.stringValue != nil }) else {
            throw .wrongType("crit")
        }
        throw .unsupportedCriticalHeaders(names.compactMap(\.stringValue))
    }

    /// RFC 7515 §4.1.9: `application/` may be omitted, and media types compare case-insensitively (RFC 2045 §5.1).
    static func normalizedMediaType(_ text: String) -> String {
        let lower = String(decoding: text.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
        return lower.hasPrefix("application/") ? String(lower.dropFirst("application/".count)) : lower
    }

    static func string(_ object: JSONObject, _ name: String) throws(JOSEError) -> String {
        guard let value = object[name] else { throw .missingHeader(name) }
        guard let text = value.stringValue else { throw .wrongType(name) }
        return text
    }
}

/// The payload checks made after the signature verified (RFC 7519 §7.2 step 10, VC-JOSE-COSE §4.1.2, §5.1).
enum JOSEPayloadCheck {
    static func run(_ jws: CompactJWS, kid: DIDURL, mediaType: JOSEMediaType, now: Int64) throws(JOSEError) {
        guard let payload = jws.payload.objectValue else { throw .notObject(.payload) }
        let types = payload["type"].map { $0.arrayValue ?? [$0] } ?? []
        guard types.contains(.string(mediaType.documentType)) else {
            throw .payloadTypeMismatch(expected: mediaType.documentType)
        }
        let signer = try expectedSigner(payload, mediaType: mediaType) ?? kid.did.description
        for iss in [jws.header["iss"], payload["iss"]] {
            guard let iss else { continue }
            guard let text = iss.stringValue else { throw .wrongType("iss") }
            guard ExactString.equal(text, signer) else { throw .issuerMismatch(iss: text, expected: signer) }
        }
        guard ExactString.equal(kid.did.description, signer) else {
            throw .keyNotControlledBySigner(kid: kid.description, expected: signer)
        }
        try checkTimes(payload, now: now)
    }

    /// The credential's `issuer` (or `issuer.id`), or the presentation's `holder` (or `holder.id`) when present.
    private static func expectedSigner(_ payload: JSONObject, mediaType: JOSEMediaType) throws(JOSEError) -> String? {
        let member = mediaType == .verifiableCredential ? "issuer" : "holder"
        guard let value = payload[member] else {
            if mediaType == .verifiableCredential { throw .missingIssuer }
            return nil
        }
        guard let id = value.stringValue ?? value["id"]?.stringValue else {
            if mediaType == .verifiableCredential { throw .missingIssuer }
            throw .wrongType("holder")
        }
        return id
    }

    /// RFC 7519 §4.1.4–4.1.6: `exp` must be in the future and `nbf` not; all three must be NumericDates.
    private static func checkTimes(_ payload: JSONObject, now: Int64) throws(JOSEError) {
        for name in ["exp", "nbf", "iat"] where payload[name] != nil && payload[name]?.doubleValue == nil {
            throw .wrongType(name)
        }
        if let exp = payload["exp"]?.doubleValue, Double(now) >= exp { throw .expired(exp: exp, now: now) }
        if let nbf = payload["nbf"]?.doubleValue, Double(now) < nbf { throw .notYetValid(nbf: nbf, now: now) }
    }
}
