import MedCredCore

/// The DID documents MedCred writes for the did:webvh DIDs it hosts: one Multikey, in `assertionMethod` and
/// `authentication` (W3C DID Core §5.3; CID 1.0 §2.2.2 Multikey).
enum HostedDIDDocument {
    /// The document of `did` (which may hold the `{SCID}` placeholder) with assertion key version `version`.
    static func make(did: String, assertionKey multikey: String, version: Int) -> JSONObject {
        let method = verificationMethod(did: did, version: version)
        return [
            "@context": .array([
                .string("https://www.w3.org/ns/did/v1"), .string("https://w3id.org/security/multikey/v1"),
            ]),
            "id": .string(did),
            "verificationMethod": .array([
                .object([
                    "id": .string(method), "type": .string("Multikey"), "controller": .string(did),
                    "publicKeyMultibase": .string(multikey),
                ])
            ]),
            "authentication": .array([.string(method)]),
            "assertionMethod": .array([.string(method)]),
        ]
    }

    /// `<did>#key-<version>`: a new fragment per rotation, so an old proof never names the new key.
    static func verificationMethod(did: String, version: Int) -> String { "\(did)#key-\(version)" }

    /// The assertion key's Multikey in a document made by ``make(did:assertionKey:version:)``.
    static func assertionKey(in document: JSONObject) -> String? {
        document["verificationMethod"]?.arrayValue?.first?["publicKeyMultibase"]?.stringValue
    }
}
