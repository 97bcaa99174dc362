import MedCredCore

/// What a presentation says about itself before it is verified: the challenge and domains its proof carries,
/// its holder and its credentials. Used to look the challenge up before the costly verification and, once the
/// verifier has vouched for the presentation, to compare holder and subjects.
struct PresentationBinding {
    /// The Data Integrity `challenge`, or the JWT `nonce`.
    let challenge: String?
    /// The Data Integrity `domain`, or the JWT `aud`.
    let domains: [String]
    /// The `holder` (string or `id`), or else the DID of the proving key (the verifier checks they agree).
    let holder: String?
    /// The embedded credentials, an enveloped credential replaced by its JWS payload.
    let credentials: [JSONValue]

    /// Reads `input`; `nil` when it is not a JSON object or a JWS with an object payload.
    init?(_ input: SecuredDocument) {
        let document: JSONValue
        let proofs: [JSONValue]
        let keyID: String?
        switch input {
        case .document(let json):
            document = json
            let all = json["proof"].map { $0.arrayValue ?? [$0] } ?? []
            proofs = all.filter { $0["proofPurpose"]?.stringValue == "authentication" }
            keyID = proofs.first?["verificationMethod"]?.stringValue
            challenge = proofs.first?["challenge"]?.stringValue
            domains = proofs.first?["domain"].map(Self.strings) ?? []
        case .jws(let text):
            guard let jws = try? CompactJWS(parsing: text) else { return nil }
            document = jws.payload
            keyID = jws.header["kid"]?.stringValue
            challenge = document["nonce"]?.stringValue
            domains = document["aud"].map(Self.strings) ?? []
        }
        guard document.objectValue != nil else { return nil }
        let named = document["holder"]?.stringValue ?? document["holder"]?["id"]?.stringValue
        holder = named ?? keyID.flatMap { try? DIDURL(parsing: $0).did.description }
        credentials = (document["verifiableCredential"].map { $0.arrayValue ?? [$0] } ?? []).map(Self.unwrapped)
    }

    /// The payload of an `EnvelopedVerifiableCredential` (already verified by the verifier), or the credential.
    private static func unwrapped(_ credential: JSONValue) -> JSONValue {
        guard strings(credential["type"] ?? .null).contains(EnvelopedVerifiableCredential.type),
            let envelope = try? EnvelopedVerifiableCredential(json: credential),
            let jws = try? CompactJWS(parsing: envelope.jws)
        else { return credential }
        return jws.payload
    }

    static func strings(_ value: JSONValue) -> [String] {
        if let text = value.stringValue { return [text] }
        return value.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
