import Foundation
import MedCredCore
import Testing

/// RFC 8785 (JCS) through the whole issue → verify path: what is signed is the canonical form, so any
/// serialization of the same JSON values verifies, and the canonical form is exactly RFC 8785's.
@Suite struct CredentialCanonicalizationTests {
    /// Claims that stress RFC 8785 §3.2.2 (strings, numbers) and §3.2.3 (member order by UTF-16 code units).
    static let subjectText = #"""
        {
          "id": "did:example:claims",
          "name": "Zoë é",
          "emoji": "🩺",
          "separators": "a\u2028b\u2029c",
          "escapes": "q\" b\\ s/ t\t n\n c\u0001 d\u007f",
          "big": 1e21,
          "negativeZero": -0,
          "small": 1e-7,
          "maxSafe": 9007199254740991,
          "beyondSafe": 9007199254740993,
          "large": 123456789012345678901234567890,
          "fraction": 0.1,
          "keys": {"z": 1, "a": [true, false, null], "é": 1, "€": 2, "😀": 3, "ﬁ": 4, "10": 5, "1": 6}
        }
        """#

    /// The RFC 8785 form of ``subjectText``, written out by hand: numbers in ECMAScript form (`1e+21`, `0`,
    /// `1e-7`, `1.2345678901234568e+29`, 2^53 + 1 rounded to 2^53), only `"`, `\` and controls escaped
    /// (U+2028, U+2029 and DEL raw), and members sorted by UTF-16 code units (😀 = D83D before ﬁ = FB01).
    static let subjectCanonical =
        #"{"beyondSafe":9007199254740992,"big":1e+21,"emoji":"🩺","escapes":"q\" b\\ s/ t\t n\n c\u0001 d\#u{7F}","#
        + #""fraction":0.1,"id":"did:example:claims","#
        + #""keys":{"1":6,"10":5,"a":[true,false,null],"z":1,"é":1,"€":2,"😀":3,"ﬁ":4},"#
        + #""large":1.2345678901234568e+29,"maxSafe":9007199254740991,"name":"Zoë é","negativeZero":0,"#
        + #""separators":"a\#u{2028}b\#u{2029}c","small":1e-7}"#

    static func draft() throws -> JSONValue {
        [
            "@context": [.string(KnownContexts.credentialsV2), .string(VerificationDocuments.examplesContext)],
            "id": .string(VerificationDocuments.credentialID),
            "type": ["VerifiableCredential", "ExampleClaimsCredential"],
            "credentialSubject": try JSONValue(parsing: subjectText),
        ]
    }

    static func signed() throws -> JSONValue {
        guard
            case .document(let document) = try VerificationDocuments.issuer().issue(
                try draft(), now: VerificationClock.issuedAt)
        else { throw VerificationPatch.Failure.badPointer("issue") }
        return document
    }

    @Test func theSubjectsCanonicalFormIsRFC8785() throws {
        let subject = try #require(try Self.signed()["credentialSubject"])
        #expect(String(decoding: subject.jcsBytes, as: UTF8.self) == Self.subjectCanonical)
    }

    @Test func issuesAndVerifiesTheClaims() async throws {
        let signed = try Self.signed()
        let verifier = try VerificationDocuments.verifier()
        let result = try await verifier.verifyCredential(.document(signed), now: VerificationClock.now)
        #expect(result.verified, "\(result.errorSummary)")
        let fromBytes = try await verifier.verifyCredential(
            bytes: Array(signed.serialized().utf8), now: VerificationClock.now)
        #expect(fromBytes.verified, "\(fromBytes.errorSummary)")
    }

    /// `value` with every object's members in reverse order.
    static func reversed(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object): .object(JSONObject(object.reversed().map { ($0.name, reversed($0.value)) }))
        case .array(let elements): .array(elements.map(reversed))
        default: value
        }
    }

    /// The signed credential written differently: members reversed, indented, non-ASCII characters as
    /// `\u` escapes (surrogate pairs for the emoji), `\/`, and numbers in other notations.
    static func differentlySerialized(_ signed: JSONValue) -> String {
        let replacements: [(String, String)] = [
            ("é", #"\u00e9"#), ("ë", #"\u00EB"#), ("🩺", #"\ud83e\ude7a"#), ("😀", #"\uD83D\uDE00"#),
            ("\u{2028}", #"\u2028"#), ("\u{2029}", #"\u2029"#), ("\u{7F}", #"\u007F"#), ("€", #"\u20ac"#),
            ("ﬁ", #"\uFB01"#),
            (" s/ t", #" s\/ t"#), ("1e+21", "1000000000000000000000"), ("1e-7", "0.0000001"),
            (#""negativeZero": 0"#, #""negativeZero": -0.0"#), ("9007199254740991", "9.007199254740991E15"),
            ("9007199254740992", "9007199254740993"), ("1.2345678901234568e+29", "123456789012345678901234567890"),
            ("0.1,", "1e-1,"),
        ]
        let pretty = reversed(signed).serialized(pretty: true)
        return replacements.reduce(pretty) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    @Test func anEquivalentSerializationVerifies() async throws {
        let signed = try Self.signed()
        let text = Self.differentlySerialized(signed)
        #expect(text != signed.serialized())
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "every non-ASCII character is escaped")
        for marker in [#"\u00e9"#, #"\ud83e\ude7a"#, #"\u2028"#, "1000000000000000000000", "0.0000001", "-0.0"] {
            #expect(text.contains(marker), "\(marker) was written")
        }
        let reparsed = try JSONValue(parsing: text)
        #expect(reparsed.jcsBytes == signed.jcsBytes)
        let result = try await VerificationDocuments.verifier().verifyCredential(
            bytes: Array(text.utf8), now: VerificationClock.now)
        #expect(result.verified, "\(result.errorSummary)")
    }

    /// Strings compare by Unicode scalars, never by canonical equivalence: é precomposed (U+00E9) and
    /// decomposed (e + U+0301) are different claims.
    @Test func aDecomposedAccentIsADifferentClaim() async throws {
        let signed = try Self.signed()
        // Swift's String compares by canonical equivalence, so edit and compare the UTF-8 bytes.
        let original = Array(signed.serialized().utf8)
        let precomposed = Array("Zo\u{EB}".utf8)
        let start = try #require(original.firstRange(of: precomposed))
        var bytes = original
        bytes.replaceSubrange(start, with: Array("Zoe".utf8) + [0xCC, 0x88])  // U+0308 COMBINING DIAERESIS
        #expect(bytes != original)
        #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: original, as: UTF8.self))
        let result = try await VerificationDocuments.verifier().verifyCredential(
            bytes: bytes, now: VerificationClock.now)
        #expect(result.errorSummary == ["proof PROOF_VERIFICATION_ERROR /proof"])
    }

    @Test func aNumberThatIsADifferentDoubleIsADifferentClaim() async throws {
        let signed = try Self.signed()
        let text = signed.serialized().replacingOccurrences(of: "1e-7", with: "1.0000000000000001e-7")
        #expect(text != signed.serialized())
        let result = try await VerificationDocuments.verifier().verifyCredential(
            bytes: Array(text.utf8), now: VerificationClock.now)
        #expect(result.errorSummary == ["proof PROOF_VERIFICATION_ERROR /proof"])
    }

    @Test func theJWTSignsTheBytesNotTheCanonicalForm() async throws {
        let secured = try VerificationDocuments.issuer().issue(
            try Self.draft(), format: .jwt, now: VerificationClock.issuedAt)
        let result = try await VerificationDocuments.verifier().verifyCredential(secured, now: VerificationClock.now)
        #expect(result.verified, "\(result.errorSummary)")
        guard case .jws(let jws) = secured else { throw VerificationPatch.Failure.badPointer("jwt") }
        let payload = try JSONValue(parsing: try Base64URL.decode(VerificationJWS.parts(jws)[1]))
        #expect(payload["credentialSubject"]?.jcsBytes == Array(Self.subjectCanonical.utf8))
    }
}
