import MedCredCore
import MedCredCrypto
import Testing

/// One of our own verification cases, `Fixtures/dataintegrity/<case>.json` (STYLE.md §8).
///
/// - `document`: `signedJCS` (the vc-di-eddsa vector) or `fresh` (`unsigned.json` secured now with `sign`).
/// - `sign`: proof options for `fresh`: `created`, `expires`, `challenge`, `domain`, `nonce`, `id`, `proofPurpose`.
/// - `patch`: `{path, value}` edits applied after signing, by JSON pointer; no `value` removes the member.
/// - `verify`: `now`, `expectedProofPurpose`, `challenge`, `domain`; defaults to ``TestClock/assertion``.
/// - `key`: `vector` (default) or `other`, the key verification uses.
/// - `want`: `verified`, or `wantError`: `{check, case}` of the first proof's failure, or `{document, case}`.
struct DataIntegrityFixture: Sendable, CustomTestStringConvertible {
    let name: String
    let json: JSONValue

    var testDescription: String { name }

    static func all() throws -> [DataIntegrityFixture] {
        try MedCredFixtures.all(in: "dataintegrity").map { DataIntegrityFixture(name: $0.name, json: $0.json) }
    }

    /// The secured, then patched, document.
    func document() throws -> JSONValue {
        var document: JSONValue
        switch json["document"]?.stringValue {
        case "signedJCS": document = try DIVectors.json("eddsa-jcs-2022/signedJCS.json")
        case "fresh":
            document = try DataIntegrity.addProof(
                to: try DIVectors.json("unsigned.json"), options: try proofOptions(json["sign"] ?? [:]),
                signer: try DIVectors.signer())
        default: throw FixtureError.badField("document", name)
        }
        for patch in json["patch"]?.arrayValue ?? [] {
            document = document.setting(try #require(patch["path"]?.stringValue), to: patch["value"])
        }
        return document
    }

    func proofOptions(_ sign: JSONValue) throws -> ProofOptions {
        func time(_ name: String) throws -> XSDDateTime? {
            try sign[name]?.stringValue.map { try XSDDateTime(parsing: $0) }
        }
        return ProofOptions(
            proofPurpose: sign["proofPurpose"]?.stringValue ?? "assertionMethod",
            created: try time("created") ?? DIVectors.created(), expires: try time("expires"),
            challenge: sign["challenge"]?.stringValue,
            domain: sign["domain"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            nonce: sign["nonce"]?.stringValue, id: sign["id"]?.stringValue)
    }

    func verificationOptions() throws -> DataIntegrity.VerificationOptions {
        guard let verify = json["verify"] else { return TestClock.assertion }
        return DataIntegrity.VerificationOptions(
            now: try verify["now"]?.stringValue.map { try XSDDateTime(parsing: $0) } ?? TestClock.now,
            expectedProofPurpose: verify["expectedProofPurpose"]?.stringValue,
            domain: verify["domain"]?.arrayValue?.compactMap(\.stringValue), challenge: verify["challenge"]?.stringValue
        )
    }

    func publicKey() throws -> Ed25519.PublicKey {
        json["key"]?.stringValue == "other" ? try seededKey(7).publicKey : try DIVectors.privateKey().publicKey
    }

    enum FixtureError: Error { case badField(String, String) }
}

/// Runs every `Fixtures/dataintegrity` case: mostly tampered, malformed or mismatched proofs that must fail at
/// the named step, and a few that must verify.
@Suite struct DataIntegrityFixtureTests {
    @Test(arguments: try DataIntegrityFixture.all())
    func verifiesAsTheFixtureSays(_ fixture: DataIntegrityFixture) throws {
        let result = DataIntegrity.verify(
            try fixture.document(), options: try fixture.verificationOptions(), publicKey: try fixture.publicKey())
        if fixture.json["want"]?.stringValue == "verified" {
            #expect(result.verified, "\(fixture.name): \(result.failures)")
            return
        }
        let want = try #require(fixture.json["wantError"], "\(fixture.name) has neither want nor wantError")
        #expect(!result.verified)
        #expect(result.verifiedDocument == nil)
        if let document = want["document"]?.stringValue {
            let failure = try #require(result.documentFailure)
            #expect(caseName(of: failure) == document)
            return
        }
        let failure = try #require(result.proofs.first?.failure, "\(fixture.name): no proof failure")
        #expect(caseName(of: failure) == want["case"]?.stringValue, "\(fixture.name): \(failure)")
        #expect(failure.check.rawValue == want["check"]?.stringValue, "\(fixture.name): \(failure)")
        let checks = DataIntegrityCheck.allCases.dropFirst()
        #expect(result.proofs.first?.passedChecks == Array(checks.prefix { $0 != failure.check }))
    }
}
