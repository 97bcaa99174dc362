import MedCredCore
import Testing

/// `EnvelopedVerifiableCredential` with a `data:application/vc+jwt,` id (VCDM 2.0 §4.13,
/// https://www.w3.org/TR/vc-data-model-2.0/#enveloped-verifiable-credentials).
@Suite struct EnvelopedVerifiableCredentialTests {
    static func jws() throws -> String {
        try JOSE.secure(
            try JOSETestKeys.credential(), as: .verifiableCredential,
            signer: Ed25519Signer(didKey: try JOSETestKeys.signer()))
    }

    @Test func wrapsAndUnwrapsTheJWS() throws {
        let envelope = EnvelopedVerifiableCredential(jws: try Self.jws())
        #expect(envelope.json["id"]?.stringValue == "data:application/vc+jwt," + (try Self.jws()))
        #expect(envelope.json["type"] == "EnvelopedVerifiableCredential")
        #expect(envelope.json["@context"] == "https://www.w3.org/ns/credentials/v2")
        #expect(try EnvelopedVerifiableCredential(json: envelope.json) == envelope)
    }

    /// A `vp+jwt` presentation carries its credential as an envelope, and the envelope's JWS verifies.
    @Test func carriesAVerifiableCredentialInAPresentation() async throws {
        let presentation: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
            "holder": .string(try JOSETestKeys.did()),
            "verifiableCredential": [EnvelopedVerifiableCredential(jws: try Self.jws()).json],
        ]
        let signer = Ed25519Signer(didKey: try JOSETestKeys.signer())
        let secured = try JOSE.secure(presentation, as: .verifiablePresentation, signer: signer)
        let outer = try await JOSE.verify(
            secured, as: .verifiablePresentation, now: TestClock.now, resolver: DIDKeyResolver())
        let inner = try EnvelopedVerifiableCredential(json: try #require(outer.document?["verifiableCredential"]?[0]))
        let credential = try await JOSE.verify(
            inner.jws, as: .verifiableCredential, now: TestClock.now, resolver: DIDKeyResolver())
        #expect(outer.verified)
        #expect(credential.document == (try JOSETestKeys.credential()))
    }

    static func envelope(_ edit: (inout JSONValue) -> Void) throws -> JSONValue {
        var json = EnvelopedVerifiableCredential(jws: try jws()).json
        edit(&json)
        return json
    }

    @Test func rejectsAMissingType() throws {
        #expect(throws: JOSEError.invalidEnvelope(member: "type")) {
            try EnvelopedVerifiableCredential(json: try Self.envelope { $0.setMember("type", nil) })
        }
    }

    @Test func rejectsAnotherType() throws {
        #expect(throws: JOSEError.invalidEnvelope(member: "type")) {
            try EnvelopedVerifiableCredential(
                json: try Self.envelope { $0.setMember("type", ["VerifiableCredential"]) })
        }
    }

    @Test(arguments: [
        "data:application/vp+jwt,eyJ", "data:application/vc+jwt,", "data:application/vc+sd-jwt,eyJ",
        "https://issuer.example/credentials/1", "data:application/vc+jwt;base64,eyJ", "DATA:application/vc+jwt,eyJ",
    ])
    func rejectsAnIDThatIsNotAVCJWTDataURL(id: String) throws {
        #expect(throws: JOSEError.invalidEnvelope(member: "id")) {
            try EnvelopedVerifiableCredential(json: try Self.envelope { $0.setMember("id", .string(id)) })
        }
    }

    @Test func rejectsAMissingID() throws {
        #expect(throws: JOSEError.invalidEnvelope(member: "id")) {
            try EnvelopedVerifiableCredential(json: try Self.envelope { $0.setMember("id", nil) })
        }
    }

    @Test(arguments: [JSONValue.null, "https://www.w3.org/2018/credentials/v1", ["https://example.org/v1"]])
    func rejectsAWrongContext(context: JSONValue) throws {
        #expect(throws: JOSEError.invalidEnvelope(member: "@context")) {
            try EnvelopedVerifiableCredential(
                json: try Self.envelope { $0.setMember("@context", context.isNull ? nil : context) })
        }
    }

    @Test func rejectsANonObject() {
        #expect(throws: JOSEError.notObject(.payload)) {
            try EnvelopedVerifiableCredential(json: "data:application/vc+jwt,x")
        }
    }

    /// The envelope only carries the JWS; a tampered one is caught when verified.
    @Test func leavesATamperedJWSToVerification() async throws {
        let tampered = try Self.jws().dropLast(2) + "AA"
        let envelope = try EnvelopedVerifiableCredential(
            json: try Self.envelope { $0.setMember("id", .string("data:application/vc+jwt," + tampered)) })
        let result = try await JOSE.verify(
            envelope.jws, as: .verifiableCredential, now: TestClock.now, resolver: DIDKeyResolver())
        #expect(!result.verified)
    }
}
