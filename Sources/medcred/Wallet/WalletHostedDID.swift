import Foundation
import MedCredCore
import MedCredCrypto
import MedCredLedger

/// A did:webvh DID hosted by a MedCred server whose keys live in the wallet: the update key, the committed next
/// key under pre-rotation, and the assertion key of the DID document. The server only ever sees signed entries.
struct WalletHostedDID {
    let did: String
    /// The server's base URL as given to `did create --server`.
    let server: String
    /// The URL of the DID's `did.jsonl`, as the server published it.
    let log: String
    let created: String
    var keys: [WalletHostedKey]

    init(did: String, server: String, log: String, created: Date, keys: [WalletHostedKey]) {
        self.did = did
        self.server = server
        self.log = log
        self.created = XSDDateTime.timestamp(from: created)
        self.keys = keys
    }

    init(json: JSONValue) throws(WalletError) {
        guard let did = json["did"]?.stringValue, let server = json["server"]?.stringValue,
            let log = json["log"]?.stringValue, let list = json["keys"]?.arrayValue
        else { throw .damaged("a hosted DID entry lacks a member") }
        self.did = did
        self.server = server
        self.log = log
        created = json["created"]?.stringValue ?? ""
        keys = try list.map { (item) throws(WalletError) in try WalletHostedKey(json: item) }
    }

    var json: JSONValue {
        [
            "did": .string(did), "server": .string(server), "log": .string(log), "created": .string(created),
            "keys": .array(keys.map(\.json)),
        ]
    }

    /// The wallet key whose Multikey is `multikey`, or whose key hash is `hash`.
    func key(multikey: String) -> WalletHostedKey? { keys.first { $0.publicKeyMultibase == multikey } }
    func key(hash: String) -> WalletHostedKey? {
        keys.first { WebVHHash.keyHash($0.publicKeyMultibase) == hash }
    }
}

/// One key of a hosted DID and its role: `update`, `next` (committed in `nextKeyHashes`), `assertion`, or
/// `pending` (generated for an entry the server has not yet accepted).
struct WalletHostedKey {
    var role: String
    let publicKeyMultibase: String
    /// The Multikey `secretKeyMultibase`; never printed.
    let secretKeyMultibase: String

    init(privateKey: Ed25519.PrivateKey, role: String) {
        self.role = role
        publicKeyMultibase = DIDKey(privateKey: privateKey).multikey
        secretKeyMultibase = Multibase.encode(
            Multicodec.prefix(privateKey.exportSeed().exportBytes(), with: .ed25519Priv), as: .base58btc)
    }

    init(json: JSONValue) throws(WalletError) {
        guard let role = json["role"]?.stringValue, let multikey = json["publicKeyMultibase"]?.stringValue,
            let secret = json["secretKeyMultibase"]?.stringValue
        else { throw .damaged("a hosted DID key lacks a member") }
        self.role = role
        publicKeyMultibase = multikey
        secretKeyMultibase = secret
    }

    var json: JSONValue {
        [
            "role": .string(role), "publicKeyMultibase": .string(publicKeyMultibase),
            "secretKeyMultibase": .string(secretKeyMultibase),
        ]
    }

    /// The private key, checked against the public key it is stored with.
    func privateKey() throws(CLIError) -> Ed25519.PrivateKey {
        guard let bytes = try? Multibase.decode(secretKeyMultibase, expecting: .base58btc),
            let split = try? Multicodec.split(bytes), split.codec == .ed25519Priv,
            let key = try? Ed25519.PrivateKey(seed: SecretBytes(split.payload)),
            DIDKey(privateKey: key).multikey == publicKeyMultibase
        else { throw .failed("the wallet's \(role) key \(publicKeyMultibase) is damaged") }
        return key
    }
}
