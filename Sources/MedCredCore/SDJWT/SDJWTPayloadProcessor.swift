/// The claims an SD-JWT discloses, reconstructed from its payload and disclosures.
public struct SDJWTProcessedPayload: Equatable, Sendable {
    /// The payload with every presented disclosure put in place and `_sd`, `_sd_alg`, undisclosed and decoy
    /// `...` elements removed: the "Processed SD-JWT Payload" of RFC 9901 §7.1 step 6.
    public let claims: JSONObject
    /// Where each presented disclosure landed, by digest.
    public let paths: [String: SDJWTClaimPath]
}

/// Replaces digests with disclosed claims, checking each rule of RFC 9901 §7.1 steps 3–5
/// (https://www.rfc-editor.org/rfc/rfc9901#section-7.1).
///
/// Signatures are not looked at: callers verify the issuer JWT first, or (holders, vector tests) know
/// where it came from.
public enum SDJWTPayloadProcessor {
    /// The only digest algorithm MedCred writes and accepts (RFC 9901 §4.1.1, IANA "Named Information Hash
    /// Algorithm" registry).
    public static let hashAlgorithm = "sha-256"

    /// Reconstructs the disclosed claims.
    /// - Parameters:
    ///   - payload: the issuer JWT's payload.
    ///   - disclosures: the presented disclosures.
    /// - Returns: the processed claims and each disclosure's path.
    /// - Throws: ``SDJWTError/unsupportedHashAlgorithm(_:)``, ``SDJWTError/duplicateDisclosure(digest:)``,
    ///   ``SDJWTError/invalidSDMember(pointer:)``, ``SDJWTError/invalidArrayDigest(pointer:)``,
    ///   ``SDJWTError/repeatedDigest(_:)``, ``SDJWTError/claimNameExists(name:pointer:)``,
    ///   ``SDJWTError/forbiddenClaimName(_:)``, ``SDJWTError/disclosureFormMismatch(digest:)`` or
    ///   ``SDJWTError/unreferencedDisclosure(digest:)``.
    public static func process(payload: JSONObject, disclosures: [Disclosure]) throws(SDJWTError)
        -> SDJWTProcessedPayload
    {
        if let alg = payload["_sd_alg"] {
            guard let text = alg.stringValue else { throw .wrongType("_sd_alg") }
            guard text == hashAlgorithm else { throw .unsupportedHashAlgorithm(text) }
        }
        var state = State()
        for disclosure in disclosures {
            guard state.byDigest.updateValue(disclosure, forKey: disclosure.digest) == nil else {
                throw .duplicateDisclosure(digest: disclosure.digest)
            }
        }
        var top = payload
        top["_sd_alg"] = nil
        let claims = try state.object(top, at: SDJWTClaimPath([]))
        for disclosure in disclosures where state.paths[disclosure.digest] == nil {
            throw .unreferencedDisclosure(digest: disclosure.digest)
        }
        return SDJWTProcessedPayload(claims: claims, paths: state.paths)
    }

    private struct State {
        var byDigest: [String: Disclosure] = [:]
        var seen: Set<String> = []
        var paths: [String: SDJWTClaimPath] = [:]

        mutating func value(_ value: JSONValue, at path: SDJWTClaimPath) throws(SDJWTError) -> JSONValue {
            switch value {
            case .object(let object): .object(try self.object(object, at: path))
            case .array(let elements): .array(try array(elements, at: path))
            default: value
            }
        }

        /// RFC 9901 §7.1 step 3.3: members first, then each `_sd` digest that has a disclosure.
        mutating func object(_ object: JSONObject, at path: SDJWTClaimPath) throws(SDJWTError) -> JSONObject {
            if object["..."] != nil { throw .invalidArrayDigest(pointer: path.appending(.name("...")).description) }
            var result = JSONObject()
            for member in object where member.name != "_sd" {
                result[member.name] = try value(member.value, at: path.appending(.name(member.name)))
            }
            guard let sd = object["_sd"] else { return result }
            guard let digests = sd.arrayValue else { throw .invalidSDMember(pointer: path.description + "/_sd") }
            for entry in digests {
                guard let digest = entry.stringValue else { throw .invalidSDMember(pointer: path.description + "/_sd") }
                try see(digest)
                guard let disclosure = byDigest[digest] else { continue }
                guard let name = disclosure.name else { throw .disclosureFormMismatch(digest: digest) }
                guard name != "_sd", name != "..." else { throw .forbiddenClaimName(name) }
                guard result[name] == nil else { throw .claimNameExists(name: name, pointer: path.description) }
                let memberPath = path.appending(.name(name))
                paths[digest] = memberPath
                result[name] = try value(disclosure.value, at: memberPath)
            }
            return result
        }

        /// RFC 9901 §7.1 step 3.4: `{"...": digest}` elements are replaced when disclosed and dropped otherwise.
        mutating func array(_ elements: [JSONValue], at path: SDJWTClaimPath) throws(SDJWTError) -> [JSONValue] {
            var result: [JSONValue] = []
            for (offset, element) in elements.enumerated() {
                let elementPath = path.appending(.index(result.count))
                guard let object = element.objectValue, object["..."] != nil else {
                    result.append(try value(element, at: elementPath))
                    continue
                }
                guard object.count == 1, let digest = object["..."]?.stringValue else {
                    throw .invalidArrayDigest(pointer: path.appending(.index(offset)).description)
                }
                try see(digest)
                guard let disclosure = byDigest[digest] else { continue }
                guard disclosure.name == nil else { throw .disclosureFormMismatch(digest: digest) }
                paths[digest] = elementPath
                result.append(try value(disclosure.value, at: elementPath))
            }
            return result
        }

        /// RFC 9901 §7.1 step 4: a digest may appear once, in the payload or in any disclosure.
        mutating func see(_ digest: String) throws(SDJWTError) {
            guard seen.insert(digest).inserted else { throw .repeatedDigest(digest) }
        }
    }
}
