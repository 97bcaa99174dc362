import Foundation
import MedCredCore
import MedCredCrypto
import MedCredTestSupport
import Testing

/// Documents are parsed strictly and signed as received: RFC 8785 fixes the bytes of every string and number,
/// so the same value verifies however it was written, and a different value never does (STYLE.md §10).
@Suite struct DataIntegrityDocumentTests {
    static func signedText() throws -> String { try Vectors.text("w3c-vc-di-eddsa/eddsa-jcs-2022/signedJCS.json") }

    static func verify(text: String) throws -> DataIntegrityVerification {
        DataIntegrity.verify(
            documentBytes: Array(text.utf8), options: TestClock.assertion,
            publicKey: try DIVectors.privateKey().publicKey)
    }

    static func isDuplicate(_ result: DataIntegrityVerification, _ name: String) -> Bool {
        if case .parsing(.duplicateMemberName(let duplicate, _))? = result.documentFailure { return duplicate == name }
        return false
    }

    @Test func rejectsADuplicateMemberBeforeReadingProofs() throws {
        let text = try Self.signedText().replacingFirst("{", with: "{\n  \"issuer\": \"https://evil.example\",")
        let result = try Self.verify(text: text)
        #expect(Self.isDuplicate(result, "issuer"))
        #expect(result.proofs.isEmpty)
        #expect(result.failures.first?.specErrorType == "PARSING_ERROR")
    }

    @Test func rejectsADuplicateMemberInsideTheProof() throws {
        let line = "\"proofPurpose\": \"assertionMethod\","
        let text = try Self.signedText().replacingFirst(line, with: line + " \"proofPurpose\": \"authentication\",")
        #expect(Self.isDuplicate(try Self.verify(text: text), "proofPurpose"))
    }

    @Test func rejectsADuplicateMemberWrittenWithAnEscape() throws {
        let text = try Self.signedText().replacingFirst("\"issuer\":", with: "\"\\u0069ssuer\": \"x\", \"issuer\":")
        #expect(Self.isDuplicate(try Self.verify(text: text), "issuer"))
    }

    @Test func rejectsTrailingData() throws {
        let result = try Self.verify(text: try Self.signedText() + "{}")
        guard case .parsing(.trailingData)? = result.documentFailure else {
            Issue.record("expected trailing data, got \(result.failures)")
            return
        }
    }

    @Test func rejectsADocumentThatIsNotAnObject() throws {
        #expect(try Self.verify(text: "[" + Self.signedText() + "]").documentFailure == .documentNotObject)
    }

    /// Escapes, non-BMP characters, combining marks, U+2028, `1e21`, `-0` and `4.50` in claims.
    static let unusualSubject = #"""
        {"id": "did:example:patient", "name": "Zo\u00eb e\u0301 \ud83d\ude00 \"quoted\" back\\slash \n tab\t \u2028 </script>",
         "big": 1e21, "negativeZero": -0, "decimal": 4.50, "small": 0.000001, "tiny": 1E-7, "ints": [0, -1, 9007199254740991]}
        """#

    /// The canonical text RFC 8785 gives that subject: U+2028 and non-ASCII characters unescaped, numbers in
    /// ECMAScript form, members sorted.
    static let canonicalSubject =
        #"{"big":1e+21,"decimal":4.5,"id":"did:example:patient","ints":[0,-1,9007199254740991],"#
        + #""name":"Zoë é 😀 \"quoted\" back\\slash \n tab\t \#u{2028} </script>","negativeZero":0,"#
        + #""small":0.000001,"tiny":1e-7}"#

    static func unusualCredential() throws -> JSONValue {
        try DataIntegrity.addProof(
            to: licenseCredential(issuer: "did:example:board", subject: try JSONValue(parsing: unusualSubject)),
            options: ProofOptions(created: try DIVectors.created()), signer: try DIVectors.signer())
    }

    @Test func signsUnusualClaimsExactly() throws {
        let signed = try Self.unusualCredential()
        #expect(
            String(decoding: try #require(signed["credentialSubject"]).jcsBytes, as: UTF8.self) == Self.canonicalSubject
        )
        for text in [
            signed.serialized(), signed.serialized(pretty: true), String(decoding: signed.jcsBytes, as: UTF8.self),
        ] {
            #expect(try Self.verify(text: text).verified)
        }
    }

    /// Another spelling of the same numbers is the same JSON value, hence the same canonical bytes.
    @Test(arguments: [
        (#""big":1e+21"#, #""big":1000000000000000000000"#), (#""negativeZero":0"#, #""negativeZero":-0"#),
        (#""decimal":4.5"#, #""decimal":4.50e0"#), (#""tiny":1e-7"#, #""tiny":0.0000001"#),
        ("Zoë", #"Zo\u00eb"#), ("</script>", #"<\/script>"#),
    ])
    func acceptsAnotherSpellingOfTheSameValue(written: String, respelled: String) throws {
        let text = try Self.unusualCredential().serialized()
        let changed = text.replacingFirst(written, with: respelled)
        #expect(changed != text)
        #expect(try Self.verify(text: changed).verified)
    }

    @Test(arguments: [
        ("1e+21", "1e+22"), (#""negativeZero":0"#, #""negativeZero":1"#), ("4.5", "4.51"), ("Zoë", #"Zoe\u0308"#),
        ("\u{2028}", " "), ("😀", #"\ud83d\ude01"#),
    ])
    func rejectsAnyOtherValue(written: String, replaced: String) throws {
        let text = try Self.unusualCredential().serialized()
        let changed = text.replacingFirst(written, with: replaced)
        #expect(changed != text)
        #expect(try Self.verify(text: changed).failures == [.signatureInvalid])
    }

    /// Property: a one-character change to the signed text that still parses verifies exactly when it leaves the
    /// canonical bytes unchanged (whitespace between tokens, say), and fails otherwise.
    @Test func anySingleCharacterChangeThatAltersTheValueFails() throws {
        let signed = try Self.unusualCredential()
        let original = Array(signed.serialized(pretty: true).unicodeScalars)
        let canonical = signed.jcsBytes
        let palette = Array(" \t\n\"\\:,{}[]0123456789.eE+-aAzZ_#/éü😀\u{301}\u{2028}".unicodeScalars)
        var random = SplitMix64(seed: 0xD1_5EED)
        var (parsed, sameValue) = (0, 0)
        for iteration in 0..<3_000 {
            var mutated = original
            let position = Int(random.next() % UInt64(mutated.count))
            let replacement = palette[Int(random.next() % UInt64(palette.count))]
            guard mutated[position] != replacement else { continue }
            mutated[position] = replacement
            var text = ""
            text.unicodeScalars.append(contentsOf: mutated)
            guard let document = try? JSONValue(parsing: text) else { continue }
            parsed += 1
            let result = DataIntegrity.verify(
                document, options: TestClock.assertion, publicKey: try DIVectors.privateKey().publicKey)
            if document.jcsBytes == canonical { sameValue += 1 }
            #expect(
                result.verified == (document.jcsBytes == canonical),
                "seed \(random.seed), iteration \(iteration): \(replacement) at \(position) gave \(result.failures)")
        }
        #expect(parsed > 300, "seed \(random.seed): only \(parsed) mutations parsed")
        #expect(sameValue > 0 && sameValue < parsed, "seed \(random.seed): \(sameValue) of \(parsed) kept the value")
    }
}

extension String {
    /// The text with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
