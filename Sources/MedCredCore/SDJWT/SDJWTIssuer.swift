public import MedCredCrypto

/// Where salts and decoy seeds come from: the one effect of issuance, passed in (STYLE.md §6).
public protocol SDJWTRandomSource {
    /// Returns `count` fresh random bytes.
    /// - Parameter count: how many.
    /// - Returns: the bytes.
    mutating func bytes(count: Int) -> [UInt8]
}

/// libsodium's `randombytes_buf`, for production issuance; tests pass a seeded source instead.
public struct SecureRandomSource: SDJWTRandomSource {
    /// Creates the source.
    public init() {}

    /// Fresh bytes from the operating system's CSPRNG.
    /// - Parameter count: how many.
    /// - Returns: the bytes.
    public mutating func bytes(count: Int) -> [UInt8] {
        SecureRandom.bytes(count: count)
    }
}

/// Makes SD-JWTs: conceals the chosen claims behind salted digests and signs the payload with EdDSA
/// (RFC 9901 §4.1–4.2, §5.1, https://www.rfc-editor.org/rfc/rfc9901#section-4).
public enum SDJWTIssuer {
    /// Salt length: 128 bits, as RFC 9901 §9.3 recommends.
    public static let saltByteCount = 16
    /// Claims that are never made selectively disclosable: the SD-JWT machinery and the JWT claims a verifier
    /// needs before it can trust anything (RFC 9901 §4.1, SD-JWT VC §3.2.2.2).
    public static let registeredClaims: Set<String> = [
        "_sd", "_sd_alg", "...", "iss", "nbf", "exp", "cnf", "vct",
        "status", "iat",
    ]

    /// Issues an SD-JWT.
    ///
    /// Each path in `disclosable` (of an object member or array element of `claims`) becomes a disclosure;
    /// paths inside a disclosable value give recursive disclosures (RFC 9901 §4.2.6). Every `_sd` array is
    /// sorted after `decoysPerObject` decoy digests are added, so neither order nor count gives claims away
    /// (RFC 9901 §4.2.4.1, §4.2.5).
    /// - Parameters:
    ///   - claims: the JWT claims, including `iss`, `iat`, `cnf` as wanted.
    ///   - disclosable: the claims to conceal.
    ///   - header: the JOSE header; `alg` is set to `EdDSA` and `kid` to the signer when absent.
    ///   - decoysPerObject: decoy digests added to each `_sd` array.
    ///   - random: the salt source.
    ///   - signer: the issuer's Ed25519 key.
    /// - Returns: the SD-JWT with every disclosure, no KB-JWT.
    /// - Throws: ``SDJWTError/unknownClaimPath(_:)``, ``SDJWTError/claimNotDisclosable(_:)`` or
    ///   ``SDJWTError/signerFailed(verificationMethod:reason:)``.
    public static func issue(
        claims: JSONObject, disclosable: [SDJWTClaimPath], header: JSONObject = [:], decoysPerObject: Int = 0,
        random: inout some SDJWTRandomSource, signer: some ProofSigner
    ) throws(SDJWTError) -> SDJWT {
        for path in disclosable {
            guard case .name(let first)? = path.components.first else { throw .unknownClaimPath(path.description) }
            if path.components.count == 1, registeredClaims.contains(first) { throw .claimNotDisclosable(first) }
            guard value(at: path, in: .object(claims)) != nil else { throw .unknownClaimPath(path.description) }
        }
        var concealer = Concealer(marked: Set(disclosable), decoys: decoysPerObject)
        let concealed = concealer.object(claims, at: SDJWTClaimPath([]), random: &random)
        var payload = concealed
        payload["_sd_alg"] = .string(SDJWTPayloadProcessor.hashAlgorithm)
        var fullHeader = header
        fullHeader["alg"] = "EdDSA"
        if fullHeader["kid"] == nil { fullHeader["kid"] = .string(signer.verificationMethod) }
        let jwt = try sign(header: fullHeader, payload: .object(payload), signer: signer)
        return SDJWT(issuerJWT: jwt, disclosures: concealer.disclosures)
    }

    /// Signs a JWT with EdDSA, mapping the JOSE error.
    static func sign(header: JSONObject, payload: JSONValue, signer: some ProofSigner) throws(SDJWTError) -> String {
        do { return try CompactJWS.sign(header: header, payload: payload, signer: signer) } catch {
            if case .signerFailed(let method, let reason) = error {
                throw .signerFailed(verificationMethod: method, reason: reason)
            }
            throw .signerFailed(verificationMethod: signer.verificationMethod, reason: String(describing: error))
        }
    }

    static func value(at path: SDJWTClaimPath, in root: JSONValue) -> JSONValue? {
        var current: JSONValue? = root
        for component in path.components {
            switch component {
            case .name(let name): current = current?[name]
            case .index(let index): current = current?[index]
            }
        }
        return current
    }

    static func salt(_ random: inout some SDJWTRandomSource) -> String {
        Base64URL.encode(random.bytes(count: saltByteCount))
    }

    /// Walks the claims depth first, so inner disclosures exist before the outer value that contains them.
    private struct Concealer {
        let marked: Set<SDJWTClaimPath>
        let decoys: Int
        var disclosures: [Disclosure] = []

        init(marked: Set<SDJWTClaimPath>, decoys: Int) {
            self.marked = marked
            self.decoys = decoys
        }

        mutating func value(_ value: JSONValue, at path: SDJWTClaimPath, random: inout some SDJWTRandomSource)
            -> JSONValue
        {
            switch value {
            case .object(let object): .object(self.object(object, at: path, random: &random))
            case .array(let elements): .array(array(elements, at: path, random: &random))
            default: value
            }
        }

        mutating func object(_ object: JSONObject, at path: SDJWTClaimPath, random: inout some SDJWTRandomSource)
            -> JSONObject
        {
            var result = JSONObject()
            var digests: [String] = []
            for member in object {
                let memberPath = path.appending(.name(member.name))
                let inner = value(member.value, at: memberPath, random: &random)
                if marked.contains(memberPath) {
                    let disclosure = Disclosure(salt: SDJWTIssuer.salt(&random), name: member.name, value: inner)
                    disclosures.append(disclosure)
                    digests.append(disclosure.digest)
                } else {
                    result[member.name] = inner
                }
            }
            guard !digests.isEmpty || (decoys > 0 && path.components.isEmpty) else { return result }
            for _ in 0..<decoys { digests.append(Disclosure.digest(of: SDJWTIssuer.salt(&random))) }
            result["_sd"] = .array(digests.sorted().map(JSONValue.string))
            return result
        }

        mutating func array(_ elements: [JSONValue], at path: SDJWTClaimPath, random: inout some SDJWTRandomSource)
            -> [JSONValue]
        {
            elements.enumerated().map { offset, element in
                let elementPath = path.appending(.index(offset))
                let inner = value(element, at: elementPath, random: &random)
                guard marked.contains(elementPath) else { return inner }
                let disclosure = Disclosure(salt: SDJWTIssuer.salt(&random), name: nil, value: inner)
                disclosures.append(disclosure)
                return ["...": .string(disclosure.digest)]
            }
        }
    }
}
