import Foundation
import MedCredCore
import MedCredCrypto

/// The wallet's view of an SD-JWT VC it holds (draft-ietf-oauth-sd-jwt-vc-18): the issuer JWT with every
/// disclosure, as issued, without a KB-JWT.
///
/// The holder trusts its own copy (it was verified on `credential receive`), so reading it checks the disclosures
/// against the payload but not the signature.
struct SDJWTHolding {
    let sdJWT: SDJWT
    /// The issuer JWT payload, with `_sd` digests (not processed).
    let payload: JSONObject
    /// The claims with every disclosure in place, and where each disclosure lands.
    let processed: SDJWTProcessedPayload?

    /// Reads a stored SD-JWT; `nil` when it does not parse (the wallet only stores ones that did).
    init?(_ text: String) {
        guard let sdJWT = try? SDJWT(parsing: text), let jws = try? sdJWT.issuerJWS(),
            let payload = jws.payload.objectValue
        else { return nil }
        self.sdJWT = sdJWT
        self.payload = payload
        processed = try? SDJWTPayloadProcessor.process(payload: payload, disclosures: sdJWT.disclosures)
    }

    /// Whether the trimmed text has the SD-JWT shape: a compact JWS, then `~`.
    static func looksLikeSDJWT(_ text: String) -> Bool {
        guard !text.hasPrefix("{"), let first = text.split(separator: "~", omittingEmptySubsequences: false).first,
            text.contains("~")
        else { return false }
        return first.split(separator: ".", omittingEmptySubsequences: false).count == 3
    }

    /// The claims the wallet shows: every disclosure in place (`vct`, `iss`, `given_name`, …).
    var claims: JSONValue { .object(processed?.claims ?? payload) }

    var vct: String? { payload["vct"]?.stringValue }

    /// The credential type: the `<Type>` of MedCred's `https://schemas.medcred.dev/<Type>/v1`, else the `vct`.
    var types: [String] {
        guard let vct else { return [] }
        guard vct.hasPrefix(CredentialSchemas.baseURI) else { return [vct] }
        let name = vct.dropFirst(CredentialSchemas.baseURI.count).split(separator: "/").first.map(String.init)
        return [name ?? vct]
    }

    /// The holder: `sub` when it is given, else the did:key of the `cnf` key.
    var subjectID: String? {
        if let sub = payload["sub"]?.stringValue { return sub }
        if let kid = payload["cnf"]?["kid"]?.stringValue { return (try? DIDURL(parsing: kid))?.did.description }
        guard let key = try? KeyBinding.holderKey(in: payload, kidKey: nil) else { return nil }
        return (try? DIDKey(publicKey: key))?.did.description
    }

    var validFrom: String? { time("nbf") ?? time("iat") }
    var validUntil: String? { time("exp") }

    private func time(_ name: String) -> String? {
        guard let seconds = payload[name]?.doubleValue, abs(seconds) < 1e11 else { return nil }
        return XSDDateTime(secondsSince1970: Int(seconds)).description
    }

    /// The selectively disclosable claims, as `--disclose` names them: `given_name`, `address.locality`,
    /// `nationalities.0`, in the order of the disclosures.
    var disclosableClaims: [String] {
        guard let processed else { return [] }
        return sdJWT.disclosures.compactMap { processed.paths[$0.digest].map(Self.dotted) }
    }

    static func dotted(_ path: SDJWTClaimPath) -> String {
        path.components.map { component in
            switch component {
            case .name(let name): name
            case .index(let index): String(index)
            }
        }.joined(separator: ".")
    }

    /// A `--disclose` name as a claim path: dot-separated members, digits naming array elements.
    static func path(_ name: String) -> SDJWTClaimPath {
        SDJWTClaimPath(
            name.split(separator: ".", omittingEmptySubsequences: false).map { part in
                if let index = Int(part), index >= 0, part.allSatisfy(\.isASCII) { return .index(index) }
                return .name(String(part))
            })
    }

    /// The `--disclose` list: comma-separated claim names, repeatable; empty names are refused.
    static func paths(_ options: [String]) throws(CLIError) -> [SDJWTClaimPath] {
        var names: [String] = []
        for option in options {
            for part in option.split(separator: ",", omittingEmptySubsequences: false) {
                let name = part.trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else { throw .invalidInput("--disclose names an empty claim") }
                names.append(name)
            }
        }
        return names.map { Self.path($0) }
    }

    /// The wallet key of the `cnf` holder key (or of the DID a `cnf.kid` names).
    func holderKey(in wallet: Wallet) throws(CLIError) -> WalletKey {
        if let kid = payload["cnf"]?["kid"]?.stringValue {
            let did = (try? DIDURL(parsing: kid))?.did.description ?? kid
            guard let key = wallet.contents.keys.first(where: { $0.verificationMethod == kid || $0.did == did }) else {
                throw .failed("the credential is bound to \(kid), which is not a key of the wallet")
            }
            return key
        }
        guard let publicKey = try? KeyBinding.holderKey(in: payload, kidKey: nil),
            let multikey = try? DIDKey(publicKey: publicKey).multikey
        else { throw .failed("the SD-JWT VC has no usable holder key (cnf)") }
        guard let key = wallet.contents.keys.first(where: { $0.publicKeyMultibase == multikey }) else {
            throw .failed("the SD-JWT VC is bound to a key (cnf) that is not in the wallet")
        }
        return key
    }

    /// The presentation: the chosen disclosures (and those needed to reach them) and a KB-JWT signed by the
    /// holder's wallet key, `aud` the domain, `nonce` the challenge (RFC 9901 §4.3).
    func present(
        _ paths: [SDJWTClaimPath], challenge: String, domain: String, holder: String? = nil, wallet: Wallet, now: Date
    ) throws(CLIError) -> String {
        let chosen: SDJWT
        do { chosen = try sdJWT.presenting(paths) } catch {
            if case .unknownClaimPath(let pointer) = error {
                throw .invalidInput(
                    "the credential has no claim \(Terminal.quoted(Self.dotted(Self.path(fromPointer: pointer)))); "
                        + "disclosable: \(disclosableClaims.joined(separator: ", "))")
            }
            throw .failed("cannot choose the disclosures: \(error)")
        }
        let key = try holderKey(in: wallet)
        if let holder, holder != key.did {
            throw .failed("the SD-JWT VC is bound to \(key.did), not to \(Terminal.quoted(holder))")
        }
        let signer = try key.signer
        do {
            return try KeyBinding.bind(
                chosen, audience: domain, nonce: challenge, issuedAt: Int64(now.timeIntervalSince1970.rounded(.down)),
                signer: signer
            ).serialized
        } catch {
            throw .failed("cannot sign the key-binding JWT: \(error)")
        }
    }

    private static func path(fromPointer pointer: String) -> SDJWTClaimPath {
        SDJWTClaimPath(
            pointer.split(separator: "/").map {
                .name($0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~"))
            })
    }
}

extension SDJWTHolding {
    /// The lines `wallet show` adds for an SD-JWT VC.
    var fields: [(String, String)] {
        [("vct", vct ?? "-"), ("disclosable", disclosableClaims.joined(separator: ", "))]
    }
}
