import MedCredCore
import MedCredCrypto
import Testing

/// Keys and defaults shared by the JOSE tests: the signer is the did:key of seed `0x0b…`, the other key `0x0c…`.
enum JOSETestKeys {
    static func signer() throws -> Ed25519.PrivateKey { try seededKey(0x0b) }
    static func other() throws -> Ed25519.PrivateKey { try seededKey(0x0c) }
    static func did() throws -> String { DIDKey(privateKey: try signer()).did.description }
    static func kid() throws -> String { DIDKey(privateKey: try signer()).verificationMethodID.description }
    static func otherKid() throws -> String { DIDKey(privateKey: try other()).verificationMethodID.description }
    static func credential() throws -> JSONValue { licenseCredential(issuer: try did()) }
}

/// One of our own JOSE cases, `Fixtures/jose/<case>.json` (STYLE.md §8).
///
/// `header`/`headerText` and `payload`/`payloadText` replace the defaults (the MedCred header, a credential
/// issued by the signer's did:key); a `payload` of `{"$merge": {…}}` edits the default, `null` removing a member.
/// `$DID`, `$KID` and `$OTHER_KID` are replaced in every string. `jws` is a template over `$H`, `$P` and `$S`
/// (the encoded parts); `tamperedPayload` replaces the payload after signing; `signWith: other` signs with the
/// other key. `want: verified`, or `wantError.case`.
struct JOSEFixture: Sendable, CustomTestStringConvertible {
    let name: String
    let json: JSONValue

    var testDescription: String { name }

    static func all() throws -> [JOSEFixture] {
        try MedCredFixtures.all(in: "jose").map { JOSEFixture(name: $0.name, json: $0.json) }
    }

    var mediaType: JOSEMediaType {
        JOSEMediaType(rawValue: json["mediaType"]?.stringValue ?? "vc+jwt") ?? .verifiableCredential
    }

    func substitute(_ text: String) throws -> String {
        text.replacingAll("$OTHER_KID", with: try JOSETestKeys.otherKid())
            .replacingAll("$KID", with: try JOSETestKeys.kid()).replacingAll("$DID", with: try JOSETestKeys.did())
    }

    func substitute(_ value: JSONValue) throws -> JSONValue {
        switch value {
        case .string(let text): .string(try substitute(text))
        case .array(let elements): .array(try elements.map { try substitute($0) })
        case .object(let object): .object(JSONObject(try object.map { ($0.name, try substitute($0.value)) }))
        default: value
        }
    }

    func part(value name: String, text textName: String, default defaultValue: JSONValue) throws -> [UInt8] {
        if let text = json[textName]?.stringValue { return Array(try substitute(text).utf8) }
        guard let value = json[name] else { return defaultValue.utf8Bytes }
        guard let edits = value["$merge"]?.objectValue else { return try substitute(value).utf8Bytes }
        var merged = defaultValue
        for edit in edits { merged.setMember(edit.name, edit.value.isNull ? nil : try substitute(edit.value)) }
        return merged.utf8Bytes
    }

    /// The compact JWS the fixture describes.
    func jws() throws -> String {
        let header = Base64URL.encode(
            try part(
                value: "header", text: "headerText",
                default: .object(JOSE.header(for: .verifiableCredential, kid: try JOSETestKeys.kid()))))
        let payload = Base64URL.encode(
            try part(value: "payload", text: "payloadText", default: try JOSETestKeys.credential()))
        let key = json["signWith"]?.stringValue == "other" ? try JOSETestKeys.other() : try JOSETestKeys.signer()
        let signature = Base64URL.encode(key.signature(for: Array((header + "." + payload).utf8)))
        var sent = payload
        if json["tamperedPayload"] != nil {
            sent = Base64URL.encode(
                try part(value: "tamperedPayload", text: "-", default: try JOSETestKeys.credential()))
        }
        let template = json["jws"]?.stringValue ?? "$H.$P.$S"
        return template.replacingAll("$H", with: header).replacingAll("$P", with: sent).replacingAll(
            "$S", with: signature)
    }
}

/// Runs every `Fixtures/jose` case through ``JOSE/verify(_:as:now:resolver:)`` with did:key resolution.
@Suite struct JOSEFixtureTests {
    @Test(arguments: try JOSEFixture.all())
    func verifiesAsTheFixtureSays(_ fixture: JOSEFixture) async throws {
        let result = try await JOSE.verify(
            try fixture.jws(), as: fixture.mediaType, now: TestClock.now, resolver: DIDKeyResolver())
        if fixture.json["want"]?.stringValue == "verified" {
            #expect(result.verified, "\(fixture.name): \(String(describing: result.failure))")
            #expect(result.document != nil)
            return
        }
        let failure = try #require(result.failure, "\(fixture.name) verified")
        #expect(caseName(of: failure) == fixture.json["wantError"]?["case"]?.stringValue, "\(fixture.name): \(failure)")
        #expect(result.document == nil)
        #expect(result.header == nil)
    }
}

extension String {
    /// The text with every occurrence of `target` replaced.
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
