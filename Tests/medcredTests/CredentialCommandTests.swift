import Foundation
import MedCredCore
import MedCredCrypto
import Testing

/// `medcred credential sign|verify` and `medcred presentation sign|verify` through the real binary.
@Suite struct CredentialCommandTests {
    private let folder: URL
    private let env = ["MEDCRED_PASSPHRASE": "test passphrase"]
    private let holderSeed = String(repeating: "11", count: 32)
    private let issuerSeed = String(repeating: "22", count: 32)

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("medcred-cred-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    private func write(_ name: String, _ text: String) throws -> String {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
        return path(name)
    }

    private func makeKey(_ name: String, seed: String) throws -> String {
        let result = try CLIRunner.run(
            ["did", "key", "generate", "--seed", seed, "--out", path(name), "--json"], environment: env)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONValue(parsing: result.stdout)
        return try #require(object["did"]?.stringValue)
    }

    private func licenceDraft(subject: String, extra: String = "") -> String {
        """
        {
          "@context": ["https://www.w3.org/ns/credentials/v2"],
          "type": ["VerifiableCredential", "MedicalLicenseCredential"],
          \(extra)
          "credentialSubject": {
            "id": "\(subject)",
            "licensee": {"givenName": "Amélie", "familyName": "Nguyễn"},
            "profession": "physician",
            "licenseNumber": "MD-2026-0048213",
            "jurisdiction": "US-CA",
            "licensingBoard": {"name": "Medical Board of California"},
            "originalLicensureDate": "2014-07-01"
          }
        }
        """
    }

    /// `--cryptosuite`: the RDFC suites sign over the JSON-LD form, verify, and fail once a claim changes.
    @Test(arguments: ["eddsa-rdfc-2022", "Ed25519Signature2020"])
    func signsAndVerifiesWithAnRDFCSuite(cryptosuite: String) throws {
        let holder = try makeKey("holder.key", seed: holderSeed)
        _ = try makeKey("issuer.key", seed: issuerSeed)
        let draft = try write("draft.json", licenceDraft(subject: holder))
        let signed = try CLIRunner.run(
            ["credential", "sign", draft, "--key", path("issuer.key"), "--cryptosuite", cryptosuite, "--out", path("s")],
            environment: env)
        #expect(signed.status == 0, "\(signed.stderr)")
        let document = try JSONValue(parsing: Array(try #require(FileManager.default.contents(atPath: path("s")))))
        if cryptosuite == "Ed25519Signature2020" {
            #expect(document["proof"]?["type"]?.stringValue == "Ed25519Signature2020")
            #expect(document["@context"]?.arrayValue?.last?.stringValue == DataIntegrityCryptosuite.ed25519Signature2020Context)
        } else {
            #expect(document["proof"]?["cryptosuite"]?.stringValue == cryptosuite)
        }
        let verified = try CLIRunner.run(["credential", "verify", path("s")])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        let text = String(decoding: try #require(FileManager.default.contents(atPath: path("s"))), as: UTF8.self)
        let tampered = try write("t.json", text.replacingOccurrences(of: "MD-2026-0048213", with: "MD-2026-0048214"))
        let refused = try CLIRunner.run(["credential", "verify", tampered])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("✗ proof"), "\(refused.stdout)")
    }

    @Test func refusesACryptosuiteWithJWT() throws {
        _ = try makeKey("issuer.key", seed: issuerSeed)
        let draft = try write("draft.json", licenceDraft(subject: "did:example:someone"))
        let result = try CLIRunner.run(
            ["credential", "sign", draft, "--key", path("issuer.key"), "--format", "jwt", "--cryptosuite",
             "eddsa-rdfc-2022"], environment: env)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--cryptosuite applies to Data Integrity"), "\(result.stderr)")
    }

    @Test(arguments: ["di", "jwt"])
    func signsAndVerifiesALicence(format: String) throws {
        let holder = try makeKey("holder.key", seed: holderSeed)
        let issuer = try makeKey("issuer.key", seed: issuerSeed)
        let draft = try write("draft.json", licenceDraft(subject: holder))
        let signed = try CLIRunner.run(
            ["credential", "sign", draft, "--key", path("issuer.key"), "--format", format, "--out", path("signed")],
            environment: env)
        #expect(signed.status == 0, "\(signed.stderr)")
        let verified = try CLIRunner.run(["credential", "verify", path("signed")])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(verified.stdout.hasPrefix("verified: yes\n"))
        for check in ["parsing", "proof", "proofController", "dataModel", "validityPeriod", "schema"] {
            #expect(verified.stdout.contains("✓ \(check)\n"), "missing \(check)")
        }
        let json = try CLIRunner.run(["credential", "verify", path("signed"), "--json"])
        let body = try JSONValue(parsing: json.stdout)
        #expect(body["verified"] == .bool(true))
        #expect(body["errors"]?.arrayValue?.isEmpty == true)
        if format == "di" {
            let document = try JSONValue(
                parsing: Array(try #require(FileManager.default.contents(atPath: path("signed")))))
            #expect(document["issuer"]?.stringValue == issuer)
            #expect(document["credentialSchema"]?["type"]?.stringValue == "JsonSchema")
            #expect(document["proof"]?["cryptosuite"]?.stringValue == "eddsa-jcs-2022")
            #expect(document["@context"]?[1]?.stringValue == MedCredContexts.credentialsV1)
        }
    }

    @Test func refusesASubjectThatFailsItsSchemaNamingTheField() throws {
        let holder = try makeKey("holder.key", seed: holderSeed)
        _ = try makeKey("issuer.key", seed: issuerSeed)
        let draft = try write(
            "bad.json", licenceDraft(subject: holder).replacingOccurrences(of: "\"physician\"", with: "\"wizard\""))
        let result = try CLIRunner.run(["credential", "sign", draft, "--key", path("issuer.key")], environment: env)
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("/profession"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func refusesAWrongPassphraseWithoutSigning() throws {
        let holder = try makeKey("holder.key", seed: holderSeed)
        _ = try makeKey("issuer.key", seed: issuerSeed)
        let draft = try write("draft.json", licenceDraft(subject: holder))
        let result = try CLIRunner.run(
            ["credential", "sign", draft, "--key", path("issuer.key")], environment: ["MEDCRED_PASSPHRASE": "wrong"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("wrong passphrase"))
    }

    @Test func reportsTheFailedCheckOfATamperedCredential() throws {
        let holder = try makeKey("holder.key", seed: holderSeed)
        _ = try makeKey("issuer.key", seed: issuerSeed)
        let draft = try write("draft.json", licenceDraft(subject: holder))
        _ = try CLIRunner.run(
            ["credential", "sign", draft, "--key", path("issuer.key"), "--out", path("signed.json")], environment: env)
        let text = try String(contentsOfFile: path("signed.json"), encoding: .utf8)
        let tampered = try write(
            "tampered.json", text.replacingOccurrences(of: "MD-2026-0048213", with: "MD-2026-0048214"))
        let result = try CLIRunner.run(["credential", "verify", tampered])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("verified: NO\n"))
        #expect(result.stdout.contains("✗ proof"))
    }

    @Test func reportsAnExpiredCredential() throws {
        let holder = try makeKey("holder.key", seed: holderSeed)
        _ = try makeKey("issuer.key", seed: issuerSeed)
        let draft = try write(
            "draft.json",
            licenceDraft(
                subject: holder,
                extra: "\"validFrom\": \"2020-01-01T00:00:00Z\", \"validUntil\": \"2021-01-01T00:00:00Z\","))
        let signed = try CLIRunner.run(
            ["credential", "sign", draft, "--key", path("issuer.key"), "--out", path("old.json")], environment: env)
        #expect(signed.status == 0, "\(signed.stderr)")
        let result = try CLIRunner.run(["credential", "verify", path("old.json")])
        #expect(result.status == 1)
        #expect(result.stdout.contains("✗ validityPeriod"))
        #expect(result.stdout.contains("RANGE_ERROR at /validUntil"))
    }

    @Test(arguments: [
        ("{\"a\":1,\"a\":2}", "PARSING_ERROR"),
        ("not json at all", "PARSING_ERROR"),
        ("eyJhbGciOiJub25lIn0.e30.", "✗ proof"),
    ])
    func rejectsMalformedInput(text: String, expected: String) throws {
        let file = try write("input.txt", text)
        let result = try CLIRunner.run(["credential", "verify", file])
        #expect(result.status == 1)
        #expect(result.stdout.contains(expected), "\(result.stdout)")
    }

    @Test func cannotCheckAnUnsupportedDIDMethod() throws {
        let holder = try makeKey("holder.key", seed: holderSeed)
        _ = try makeKey("issuer.key", seed: issuerSeed)
        let draft = try write("draft.json", licenceDraft(subject: holder))
        _ = try CLIRunner.run(
            ["credential", "sign", draft, "--key", path("issuer.key"), "--out", path("signed.json")], environment: env)
        var document = try JSONValue(parsing: try String(contentsOfFile: path("signed.json"), encoding: .utf8))
        var proof = try #require(document["proof"])
        proof.setMember("verificationMethod", "did:web:board.example#key-1")
        document.setMember("proof", proof)
        let result = try CLIRunner.run(["credential", "verify", try write("web.json", document.serialized())])
        #expect(result.status == 2)
        #expect(result.stderr.contains("could not check"))
    }

    @Test func missingFileCannotBeChecked() throws {
        let result = try CLIRunner.run(["credential", "verify", path("absent.json")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no such file"))
    }

    @Test func readsTheCredentialFromStandardInput() throws {
        let holder = try makeKey("holder.key", seed: holderSeed)
        _ = try makeKey("issuer.key", seed: issuerSeed)
        let signed = try CLIRunner.run(
            ["credential", "sign", "-", "--key", path("issuer.key")], environment: env,
            stdin: licenceDraft(subject: holder))
        #expect(signed.status == 0, "\(signed.stderr)")
        let verified = try CLIRunner.run(["credential", "verify", "-"], stdin: signed.stdout)
        #expect(verified.status == 0, "\(verified.stdout)")
    }

    @Test(arguments: ["di", "jwt"])
    func presentsWithAChallengeAndDetectsReplayElsewhere(format: String) throws {
        let holder = try makeKey("holder.key", seed: holderSeed)
        _ = try makeKey("issuer.key", seed: issuerSeed)
        let draft = try write("draft.json", licenceDraft(subject: holder))
        _ = try CLIRunner.run(
            ["credential", "sign", draft, "--key", path("issuer.key"), "--out", path("vc.json")], environment: env)
        let presented = try CLIRunner.run(
            [
                "presentation", "sign", "--credential", path("vc.json"), "--key", path("holder.key"), "--challenge",
                "c-123", "--domain", "telemed.example", "--format", format, "--out", path("vp"),
            ], environment: env)
        #expect(presented.status == 0, "\(presented.stderr)")
        let good = try CLIRunner.run(
            ["presentation", "verify", path("vp"), "--challenge", "c-123", "--domain", "telemed.example"])
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        #expect(good.stdout.contains("✓ verifiableCredential[0].proof"))
        let otherChallenge = try CLIRunner.run(
            ["presentation", "verify", path("vp"), "--challenge", "c-999", "--domain", "telemed.example"])
        #expect(otherChallenge.status == 1)
        #expect(otherChallenge.stdout.contains("INVALID_CHALLENGE_ERROR"))
        do {
            let otherDomain = try CLIRunner.run(
                ["presentation", "verify", path("vp"), "--challenge", "c-123", "--domain", "evil.example"])
            #expect(otherDomain.status == 1)
            #expect(otherDomain.stdout.contains("INVALID_DOMAIN_ERROR"))
        }
    }

    /// Presentations signed with the RDFC suites verify, bind their challenge, and embed an RDFC credential.
    @Test(arguments: ["eddsa-rdfc-2022", "Ed25519Signature2020"])
    func presentsWithAnRDFCSuite(cryptosuite: String) throws {
        let holder = try makeKey("holder.key", seed: holderSeed)
        _ = try makeKey("issuer.key", seed: issuerSeed)
        let draft = try write("draft.json", licenceDraft(subject: holder))
        let signed = try CLIRunner.run(
            ["credential", "sign", draft, "--key", path("issuer.key"), "--cryptosuite", cryptosuite, "--out",
             path("vc.json")], environment: env)
        #expect(signed.status == 0, "\(signed.stderr)")
        let presented = try CLIRunner.run(
            [
                "presentation", "sign", "--credential", path("vc.json"), "--key", path("holder.key"), "--challenge",
                "c-123", "--domain", "telemed.example", "--cryptosuite", cryptosuite, "--out", path("vp.json"),
            ], environment: env)
        #expect(presented.status == 0, "\(presented.stderr)")
        let document = try JSONValue(parsing: Array(try #require(FileManager.default.contents(atPath: path("vp.json")))))
        #expect(document["proof"]?["type"]?.stringValue == (cryptosuite == "Ed25519Signature2020" ? cryptosuite : "DataIntegrityProof"))
        let good = try CLIRunner.run(
            ["presentation", "verify", path("vp.json"), "--challenge", "c-123", "--domain", "telemed.example"])
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        let replayed = try CLIRunner.run(
            ["presentation", "verify", path("vp.json"), "--challenge", "c-999", "--domain", "telemed.example"])
        #expect(replayed.status == 1)
        let jwt = try CLIRunner.run(
            ["presentation", "sign", "--key", path("holder.key"), "--challenge", "c", "--format", "jwt",
             "--cryptosuite", cryptosuite], environment: env)
        #expect(jwt.status == 64)
    }

    @Test func presentationSignRequiresAChallenge() throws {
        _ = try makeKey("holder.key", seed: holderSeed)
        let result = try CLIRunner.run(["presentation", "sign", "--key", path("holder.key")], environment: env)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--challenge"))
    }
}
