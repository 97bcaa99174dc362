import Foundation
import MedCredCore
import MedCredCrypto

/// A holder key in the wallet: an Ed25519 did:key, its label, and its seed (only ever inside the sealed contents).
struct WalletKey {
    let did: String
    let verificationMethod: String
    let publicKeyMultibase: String
    let label: String?
    let created: String
    /// The Multikey `secretKeyMultibase` (z3u2…); never printed.
    let secretKeyMultibase: String

    init(privateKey: Ed25519.PrivateKey, label: String?, created: Date) {
        let didKey = DIDKey(privateKey: privateKey)
        did = didKey.did.description
        verificationMethod = didKey.verificationMethodID.description
        publicKeyMultibase = didKey.multikey
        self.label = label
        self.created = XSDDateTime.timestamp(from: created)
        secretKeyMultibase = Multibase.encode(
            Multicodec.prefix(privateKey.exportSeed().exportBytes(), with: .ed25519Priv), as: .base58btc)
    }

    init(json: JSONValue) throws(WalletError) {
        guard let did = json["did"]?.stringValue, let method = json["verificationMethod"]?.stringValue,
            let multikey = json["publicKeyMultibase"]?.stringValue, let secret = json["secretKeyMultibase"]?.stringValue
        else { throw .damaged("a key entry lacks a member") }
        self.did = did
        verificationMethod = method
        publicKeyMultibase = multikey
        label = json["label"]?.stringValue
        created = json["created"]?.stringValue ?? ""
        secretKeyMultibase = secret
    }

    var json: JSONValue {
        var object: JSONObject = [
            "did": .string(did), "verificationMethod": .string(verificationMethod),
            "publicKeyMultibase": .string(publicKeyMultibase), "created": .string(created),
            "secretKeyMultibase": .string(secretKeyMultibase),
        ]
        if let label { object["label"] = .string(label) }
        return .object(object)
    }

    /// The private key, checked against the public key it is stored with.
    func privateKey() throws(CLIError) -> Ed25519.PrivateKey {
        guard let bytes = try? Multibase.decode(secretKeyMultibase, expecting: .base58btc),
            let split = try? Multicodec.split(bytes), split.codec == .ed25519Priv,
            let key = try? Ed25519.PrivateKey(seed: SecretBytes(split.payload)),
            DIDKey(privateKey: key).multikey == publicKeyMultibase
        else { throw .failed("the wallet key of \(did) is damaged") }
        return key
    }

    var signer: Ed25519Signer {
        get throws(CLIError) { Ed25519Signer(privateKey: try privateKey(), verificationMethod: verificationMethod) }
    }
}

/// A credential in the wallet, as received: a JSON document or a compact JWS.
struct WalletCredential {
    let id: String
    let document: WalletDocument
    let received: String

    init(id: String, document: WalletDocument, received: String) {
        self.id = id
        self.document = document
        self.received = received
    }

    init(json: JSONValue) throws(WalletError) {
        guard let id = json["id"]?.stringValue, let received = json["received"]?.stringValue else {
            throw .damaged("a credential entry lacks a member")
        }
        if let jws = json["jws"]?.stringValue {
            document = .jws(jws)
        } else if let credential = json["credential"], credential.objectValue != nil {
            document = .document(credential)
        } else if let sdJWT = json["sdJWT"]?.stringValue {
            document = .sdJWT(sdJWT)
        } else {
            throw .damaged("a credential entry holds no credential")
        }
        self.id = id
        self.received = received
    }

    var json: JSONValue {
        var object: JSONObject = ["id": .string(id), "received": .string(received)]
        switch document {
        case .document(let credential): object["credential"] = credential
        case .jws(let jws): object["jws"] = .string(jws)
        case .sdJWT(let sdJWT): object["sdJWT"] = .string(sdJWT)
        }
        return .object(object)
    }

    /// The credential's data model: the document itself, or the JWS payload.
    var claims: JSONValue {
        switch document {
        case .document(let credential): return credential
        case .jws(let jws): return (try? CompactJWS(parsing: jws).payload) ?? .object(JSONObject())
        case .sdJWT(let sdJWT): return SDJWTHolding(sdJWT)?.claims ?? .object(JSONObject())
        }
    }

    var format: String {
        switch document {
        case .document: "di"
        case .jws: "jwt"
        case .sdJWT: "sd-jwt"
        }
    }

    /// The SD-JWT VC, when the credential is one.
    var sdJWT: SDJWTHolding? {
        if case .sdJWT(let text) = document { return SDJWTHolding(text) }
        return nil
    }

    var types: [String] { sdJWT?.types ?? (claims["type"]?.arrayValue ?? []).compactMap(\.stringValue) }
    var issuer: String {
        claims["issuer"]?.stringValue ?? claims["issuer"]?["id"]?.stringValue ?? claims["iss"]?.stringValue ?? ""
    }
    var subjectID: String? {
        if let sdJWT { return sdJWT.subjectID }
        return claims["credentialSubject"]?["id"]?.stringValue ?? claims["credentialSubject"]?[0]?["id"]?.stringValue
    }
    var validFrom: String? { sdJWT.map(\.validFrom) ?? claims["validFrom"]?.stringValue }
    var validUntil: String? { sdJWT.map(\.validUntil) ?? claims["validUntil"]?.stringValue }

    /// The form a presentation embeds: the document, or an EnvelopedVerifiableCredential.
    var embedded: JSONValue {
        switch document {
        case .document(let credential): credential
        case .jws(let jws): EnvelopedVerifiableCredential(jws: jws).json
        case .sdJWT(let sdJWT): .string(sdJWT)
        }
    }

    /// The text `wallet export` writes.
    var exported: String {
        switch document {
        case .document(let credential): credential.serialized(pretty: true)
        case .jws(let jws): jws
        case .sdJWT(let sdJWT): sdJWT
        }
    }

    /// The wallet id of a new credential: its own `id`, else a digest of its bytes.
    static func id(for document: WalletDocument) -> String {
        let probe = WalletCredential(id: "", document: document, received: "")
        if let own = probe.claims["id"]?.stringValue, !own.isEmpty { return own }
        let bytes: [UInt8] =
            switch document {
            case .document(let credential): JCS.canonicalize(credential)
            case .jws(let jws), .sdJWT(let jws): Array(jws.utf8)
            }
        return "urn:medcred:wallet:" + SHA256.hash(bytes).prefix(12).map { String(format: "%02x", $0) }.joined()
    }
}

/// Everything the wallet holds, decrypted.
struct WalletContents {
    var keys: [WalletKey] = []
    var credentials: [WalletCredential] = []
    var hostedDIDs: [WalletHostedDID] = []

    init() {}

    init(parsing secret: SecretBytes) throws(WalletError) {
        let json: JSONValue
        do { json = try JSONValue(parsing: secret.exportBytes()) } catch {
            throw .damaged("the decrypted contents are not JSON")
        }
        for entry in json["keys"]?.arrayValue ?? [] { keys.append(try WalletKey(json: entry)) }
        for entry in json["credentials"]?.arrayValue ?? [] { credentials.append(try WalletCredential(json: entry)) }
        for entry in json["hostedDIDs"]?.arrayValue ?? [] { hostedDIDs.append(try WalletHostedDID(json: entry)) }
    }

    var sealedBytes: SecretBytes {
        var json: JSONObject = [
            "keys": .array(keys.map(\.json)), "credentials": .array(credentials.map(\.json)),
        ]
        if !hostedDIDs.isEmpty { json["hostedDIDs"] = .array(hostedDIDs.map(\.json)) }
        return SecretBytes(JSONValue.object(json).utf8Bytes)
    }

    func key(_ did: String) -> WalletKey? { keys.first { $0.did == did } }
    func credential(_ id: String) -> WalletCredential? { credentials.first { $0.id == id } }
    func hostedDID(_ did: String) -> WalletHostedDID? { hostedDIDs.first { $0.did == did } }
    /// Every DID the wallet can present as: its did:key DIDs and its hosted did:webvh DIDs.
    var dids: Set<String> { Set(keys.map(\.did) + hostedDIDs.map(\.did)) }
}

/// A credential as stored: a JSON document, a compact JWS (VC-JOSE), or an SD-JWT VC with all its disclosures.
enum WalletDocument {
    case document(JSONValue)
    case jws(String)
    /// The compact SD-JWT as issued, without a KB-JWT.
    case sdJWT(String)

    /// Reads a credential file: an SD-JWT or a compact JWS when the trimmed text is one, otherwise strict JSON
    /// (an object).
    init(parsing bytes: [UInt8], name: String) throws(CLIError) {
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if SDJWTHolding.looksLikeSDJWT(text) {
            do {
                let sdJWT = try SDJWT(parsing: text)
                _ = try sdJWT.issuerJWS()
                self = .sdJWT(sdJWT.withoutKeyBinding)
            } catch {
                throw .invalidInput("\(Terminal.quoted(name)) is not a valid SD-JWT: \(error)")
            }
            return
        }
        if !text.hasPrefix("{"), text.split(separator: ".", omittingEmptySubsequences: false).count == 3 {
            do { _ = try CompactJWS(parsing: text) } catch {
                throw .invalidInput("\(Terminal.quoted(name)) is not a valid compact JWS: \(error)")
            }
            self = .jws(text)
            return
        }
        let json: JSONValue
        do { json = try JSONValue(parsing: bytes) } catch {
            throw .invalidInput("\(Terminal.quoted(name)) is neither JSON nor a JWT: \(error)")
        }
        guard json.objectValue != nil else { throw .invalidInput("\(Terminal.quoted(name)) is not a JSON object") }
        self = .document(json)
    }
}
