import MedCredCore
import MedCredCrypto
import Testing

/// Every rejection of RFC 9901 §7 has its case here, each with its specific ``SDJWTError``.
@Suite struct SDJWTRejectionTests {
    static let header: JSONObject = ["alg": "EdDSA", "typ": "example+sd-jwt"]
    static let givenName = Disclosure(salt: "c2FsdC1naXZlbi1uYW1lLTE", name: "given_name", value: "Erika")
    static let country = Disclosure(salt: "c2FsdC1jb3VudHJ5LTAwMDE", name: nil, value: "DE")

    /// An SD-JWT over `payload`, signed with the issuer key, with `disclosures`.
    static func forged(_ payload: JSONObject, _ disclosures: [Disclosure], header: JSONObject = header) throws -> SDJWT
    {
        SDJWT(
            issuerJWT: try SDJWTFixture.sign(header: header, payload: .object(payload)), disclosures: disclosures)
    }

    static func process(_ payload: JSONObject, _ disclosures: [Disclosure]) throws -> SDJWTVerified {
        try SDJWTFixture.verify(try forged(payload, disclosures), keyBinding: nil)
    }

    // MARK: Disclosures and digests

    @Test func rejectsADisclosureWhoseDigestIsNotInThePayload() throws {
        #expect(throws: SDJWTError.unreferencedDisclosure(digest: Self.givenName.digest)) {
            try Self.process(["_sd": ["not-this-one"]], [Self.givenName])
        }
    }

    @Test func rejectsAnExtraDisclosureFromAnotherSDJWT() throws {
        let sdJWT = try SDJWTFixture.sdJWT(seed: 1)
        let stranger = try #require(try SDJWTFixture.sdJWT(seed: 2).disclosures.first)
        let extra = SDJWT(issuerJWT: sdJWT.issuerJWT, disclosures: sdJWT.disclosures + [stranger])
        #expect(throws: SDJWTError.unreferencedDisclosure(digest: stranger.digest)) {
            try SDJWTFixture.verify(extra, keyBinding: nil)
        }
    }

    @Test func rejectsATamperedDisclosure() throws {
        let sdJWT = try SDJWTFixture.sdJWT()
        let original = try #require(sdJWT.disclosures.first { $0.name == "birthdate" })
        let tampered = Disclosure(salt: original.salt, name: "birthdate", value: "1999-01-01")
        let disclosures = sdJWT.disclosures.map { $0 == original ? tampered : $0 }
        #expect(throws: SDJWTError.unreferencedDisclosure(digest: tampered.digest)) {
            try SDJWTFixture.verify(SDJWT(issuerJWT: sdJWT.issuerJWT, disclosures: disclosures), keyBinding: nil)
        }
    }

    @Test func rejectsARepeatedDigest() throws {
        let digest = JSONValue.string(Self.givenName.digest)
        #expect(throws: SDJWTError.repeatedDigest(Self.givenName.digest)) {
            try Self.process(["_sd": [digest, digest]], [Self.givenName])
        }
        #expect(throws: SDJWTError.repeatedDigest(Self.country.digest)) {
            try Self.process(["_sd": [.string(Self.country.digest)], "c": [["...": .string(Self.country.digest)]]], [])
        }
    }

    @Test func rejectsTheSameDisclosureTwice() throws {
        #expect(throws: SDJWTError.duplicateDisclosure(digest: Self.givenName.digest)) {
            try Self.process(["_sd": [.string(Self.givenName.digest)]], [Self.givenName, Self.givenName])
        }
    }

    @Test func rejectsADisclosedClaimNameThatIsAlreadyPresent() throws {
        #expect(throws: SDJWTError.claimNameExists(name: "given_name", pointer: "")) {
            try Self.process(["given_name": "Max", "_sd": [.string(Self.givenName.digest)]], [Self.givenName])
        }
        let twin = Disclosure(salt: "b3RoZXItc2FsdC12YWx1ZTE", name: "given_name", value: "Max")
        #expect(throws: SDJWTError.claimNameExists(name: "given_name", pointer: "")) {
            try Self.process(["_sd": [.string(Self.givenName.digest), .string(twin.digest)]], [Self.givenName, twin])
        }
    }

    @Test(arguments: ["_sd", "..."])
    func rejectsADisclosureNamingAReservedClaim(_ name: String) throws {
        let disclosure = Disclosure(salt: "cmVzZXJ2ZWQtY2xhaW0tbmFt", name: name, value: ["x"])
        #expect(throws: SDJWTError.forbiddenClaimName(name)) {
            try Self.process(["_sd": [.string(disclosure.digest)]], [disclosure])
        }
    }

    @Test func rejectsSDThatIsNotAnArrayOfStrings() throws {
        #expect(throws: SDJWTError.invalidSDMember(pointer: "/_sd")) { try Self.process(["_sd": "digest"], []) }
        #expect(throws: SDJWTError.invalidSDMember(pointer: "/address/_sd")) {
            try Self.process(["address": ["_sd": [1]]], [])
        }
    }

    @Test func rejectsEllipsisMisuse() throws {
        #expect(throws: SDJWTError.invalidArrayDigest(pointer: "/c/0")) {
            try Self.process(["c": [["...": .string(Self.country.digest), "extra": true]]], [Self.country])
        }
        #expect(throws: SDJWTError.invalidArrayDigest(pointer: "/c/0")) { try Self.process(["c": [["...": 42]]], []) }
        #expect(throws: SDJWTError.invalidArrayDigest(pointer: "/...")) { try Self.process(["...": "x"], []) }
    }

    @Test func rejectsADisclosureOfTheWrongFormForItsPlace() throws {
        #expect(throws: SDJWTError.disclosureFormMismatch(digest: Self.country.digest)) {
            try Self.process(["_sd": [.string(Self.country.digest)]], [Self.country])
        }
        #expect(throws: SDJWTError.disclosureFormMismatch(digest: Self.givenName.digest)) {
            try Self.process(["c": [["...": .string(Self.givenName.digest)]]], [Self.givenName])
        }
    }

    @Test func rejectsAnotherHashAlgorithm() throws {
        #expect(throws: SDJWTError.unsupportedHashAlgorithm("sha-512")) { try Self.process(["_sd_alg": "sha-512"], []) }
    }

    @Test(arguments: [
        ("!!!!", SDJWTError.DisclosureDefect.notBase64URL),
        (Base64URL.encode(Array("[\"salt\", ".utf8)), .notJSON),
        (Base64URL.encode(Array(#"{"salt":"name"}"#.utf8)), .notArray),
        (Base64URL.encode(Array(#"["salt","a","b","c"]"#.utf8)), .wrongElementCount(4)),
        (Base64URL.encode(Array(#"["salt"]"#.utf8)), .wrongElementCount(1)),
        (Base64URL.encode(Array(#"[1,"name","v"]"#.utf8)), .saltNotString),
        (Base64URL.encode(Array(#"["salt",7,"v"]"#.utf8)), .nameNotString),
        (Base64URL.encode(Array(#"["salt","a","a","a"]"#.utf8)) + "=", .notBase64URL),
    ])
    func rejectsAMalformedDisclosure(_ text: String, _ defect: SDJWTError.DisclosureDefect) throws {
        let jwt = try SDJWTFixture.sdJWT().issuerJWT
        #expect(throws: SDJWTError.malformedDisclosure(position: 1, defect)) {
            try SDJWT(parsing: jwt + "~" + Self.givenName.encoded + "~" + text + "~")
        }
    }

    @Test func rejectsAnEmptyDisclosureAndAPlainJWT() throws {
        let jwt = try SDJWTFixture.sdJWT().issuerJWT
        #expect(throws: SDJWTError.malformedDisclosure(position: 0, .notBase64URL)) { try SDJWT(parsing: jwt + "~~") }
        #expect(throws: SDJWTError.notAnSDJWT) { try SDJWT(parsing: jwt) }
        #expect(throws: SDJWTError.notAnSDJWT) { try SDJWT(parsing: "~") }
    }
}
