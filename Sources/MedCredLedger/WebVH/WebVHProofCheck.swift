internal import MedCredCore
internal import MedCredCrypto

/// The proof checks shared by log entries and witness proofs (did:webvh v1.0 "Authorized Keys" and
/// "The Witness Proofs File"): `DataIntegrityProof` with `eddsa-jcs-2022`, purpose `assertionMethod`, and a
/// `did:key:<multikey>#<multikey>` verification method whose body and fragment are the same key.
enum WebVHProofCheck {
    static let cryptosuite = "eddsa-jcs-2022"

    /// Verifies one proof of a log entry by one of the `authorized` multikeys.
    static func verifyEntryProof(
        _ proof: JSONValue, of entry: WebVHLogEntry, number: Int, authorized: [String], now: XSDDateTime
    ) throws(WebVHError) {
        guard let object = proof.objectValue else { throw .invalidProof(entry: number, .proofNotObject(index: 0)) }
        guard object["type"] == .string("DataIntegrityProof"), object["cryptosuite"] == .string(cryptosuite) else {
            throw .unsupportedCryptosuite(entry: number, object["cryptosuite"]?.stringValue ?? "")
        }
        let method = object["verificationMethod"]?.stringValue ?? ""
        guard let multikey = didKeyMultikey(method), let key = try? Multikey(multibase: multikey) else {
            throw .invalidVerificationMethod(entry: number, method)
        }
        guard authorized.contains(multikey) else { throw .unauthorizedKey(entry: number, multikey) }
        var document = entry.json
        document["proof"] = proof
        if let failure = failure(of: .object(document), key: key.publicKey, now: now) {
            throw .invalidProof(entry: number, failure)
        }
    }

    /// The witness `did:key` DID that made a valid proof over `{"versionId": versionId}`, or `nil`.
    static func witness(of proof: JSONValue, versionId: String, now: XSDDateTime) -> String? {
        guard let object = proof.objectValue, object["type"] == .string("DataIntegrityProof"),
            object["cryptosuite"] == .string(cryptosuite), let method = object["verificationMethod"]?.stringValue,
            let multikey = didKeyMultikey(method), let key = try? Multikey(multibase: multikey)
        else { return nil }
        let document: JSONValue = .object(["versionId": .string(versionId), "proof": proof])
        return failure(of: document, key: key.publicKey, now: now) == nil ? "did:key:" + multikey : nil
    }

    /// The multikey of `did:key:<multikey>#<multikey>`, or `nil` when the form differs or body ≠ fragment.
    static func didKeyMultikey(_ verificationMethod: String) -> String? {
        let prefix = "did:key:"
        guard verificationMethod.hasPrefix(prefix) else { return nil }
        let parts = verificationMethod.dropFirst(prefix.count).split(separator: "#", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0] == parts[1] else { return nil }
        return String(parts[0])
    }

    private static func failure(of document: JSONValue, key: Ed25519.PublicKey, now: XSDDateTime)
        -> DataIntegrityError?
    {
        let options = DataIntegrity.VerificationOptions(now: now, expectedProofPurpose: "assertionMethod")
        let result = DataIntegrity.verify(document, options: options, publicKey: key)
        return result.verified ? nil : (result.failures.first ?? .signatureInvalid)
    }
}
