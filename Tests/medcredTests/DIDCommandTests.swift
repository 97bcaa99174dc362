import Foundation
import MedCredTestSupport
import Testing

/// Runs `medcred did …` as a user would and checks exit codes and the whole output.
@Suite struct DIDCommandTests {
    private let zeroSeed = String(repeating: "0", count: 64)
    private let zeroDID = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"

    @Test func generatesTheVectorDIDFromASeed() throws {
        let result = try CLIRunner.run(["did", "key", "generate", "--seed", zeroSeed])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(
            result.stdout == """
                did:                   \(zeroDID)
                verificationMethod:    \(zeroDID)#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp
                publicKeyMultibase:    z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp
                keyAgreementMultibase: z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW

                """)
    }

    @Test func printsJSONWithoutTheSecretByDefault() throws {
        let result = try CLIRunner.run(["did", "key", "generate", "--seed", zeroSeed, "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: String])
        #expect(object["did"] == zeroDID)
        #expect(object["secretKeyMultibase"] == nil)
        #expect(!result.stdout.contains("z3u2"))
    }

    @Test func showsTheSecretOnlyWhenAsked() throws {
        let result = try CLIRunner.run(["did", "key", "generate", "--seed", zeroSeed, "--json", "--show-secret"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: String])
        // 0x8026 ‖ 32 zero bytes in base58btc: the Multikey secretKeyMultibase of the all-zero seed.
        #expect(object["secretKeyMultibase"]?.hasPrefix("z3u2") == true)
        #expect(result.stderr.contains("warning"))
        #expect(!result.stderr.contains("z3u2"))
    }

    @Test func randomKeysDiffer() throws {
        let first = try CLIRunner.run(["did", "key", "generate", "--json"])
        let second = try CLIRunner.run(["did", "key", "generate", "--json"])
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdout != second.stdout)
    }

    @Test(arguments: [
        ("00", "invalid --seed: expected 64 hex digits (32 bytes), got 2"),
        (String(repeating: "0", count: 66), "invalid --seed: expected 64 hex digits (32 bytes), got 66"),
        (String(repeating: "0", count: 63) + "g", "invalid --seed: 'g' at offset 63 is not a hex digit"),
        ("x" + String(repeating: "0", count: 63), "invalid --seed: 'x' at offset 0 is not a hex digit"),
        ("", "invalid --seed: expected 64 hex digits (32 bytes), got 0"),
    ])
    func rejectsBadSeeds(seed: String, message: String) throws {
        let result = try CLIRunner.run(["did", "key", "generate", "--seed", seed])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "medcred: \(message)\n")
    }

    @Test func resolvesADIDKey() throws {
        let result = try CLIRunner.run(["did", "resolve", zeroDID, "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["@context"] as? String == "https://w3id.org/did-resolution/v1")
        let document = try #require(object["didDocument"] as? [String: Any])
        #expect(document["id"] as? String == zeroDID)
        let keyAgreement = try #require(document["keyAgreement"] as? [[String: Any]])
        #expect(
            keyAgreement.first?["publicKeyMultibase"] as? String == "z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW")
        let metadata = try #require(object["didResolutionMetadata"] as? [String: Any])
        #expect(metadata["contentType"] as? String == "application/did+ld+json")
        #expect((object["didDocumentMetadata"] as? [String: Any])?.isEmpty == true)
    }

    @Test func resolvedDocumentEqualsTheSpecExample() throws {
        let did = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
        let result = try CLIRunner.run(["did", "resolve", did, "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let ours = try JSONSerialization.data(withJSONObject: object["didDocument"] as Any, options: .sortedKeys)
        let spec = try JSONSerialization.jsonObject(
            with: Vectors.data("did-key/spec-example-z6MkhaXg-did-document.json"))
        let theirs = try JSONSerialization.data(withJSONObject: spec, options: .sortedKeys)
        #expect(ours == theirs)
    }

    @Test(arguments: [
        ("did:Key:abc", 65, "INVALID_DID"),
        ("not a did", 65, "INVALID_DID"),
        ("did:key:", 65, "INVALID_DID"),
        ("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDoo0p", 65, "INVALID_DID"),
        ("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooW", 65, "FEATURE_NOT_SUPPORTED"),
        ("did:key:m6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", 65, "INVALID_DID"),
        ("did:key:z6LSeu9HkTHSfLLeUs2nnzUSNedgDUevfNQgQjQC23ZCit6F", 65, "FEATURE_NOT_SUPPORTED"),
        ("did:web:example.com", 1, "METHOD_NOT_SUPPORTED"),
    ])
    func refusesWhatItCannotResolve(did: String, status: Int32, code: String) throws {
        let result = try CLIRunner.run(["did", "resolve", did])
        #expect(result.status == status)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("medcred: cannot resolve"))
        #expect(result.stderr.contains(code))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func printsTheErrorResultWithJSON() throws {
        let result = try CLIRunner.run(["did", "resolve", "did:Key:abc", "--json"])
        #expect(result.status == 65)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["didDocument"] is NSNull)
        let metadata = try #require(object["didResolutionMetadata"] as? [String: Any])
        let error = try #require(metadata["error"] as? [String: Any])
        #expect(error["type"] as? String == "https://www.w3.org/ns/did#INVALID_DID")
    }

    @Test func escapesControlCharactersInErrors() throws {
        let result = try CLIRunner.run(["did", "resolve", "did:key:\u{1b}[31mred"])
        #expect(result.status == 65)
        #expect(!result.stderr.contains("\u{1b}"))
    }

    @Test func helpDescribesTheCommands() throws {
        let root = try CLIRunner.run(["--help"])
        #expect(root.status == 0)
        #expect(root.stdout.contains("did"))
        #expect(root.stdout.contains("Decentralized identity and verifiable credentials for healthcare."))
        let generate = try CLIRunner.run(["did", "key", "generate", "--help"])
        #expect(generate.status == 0)
        #expect(generate.stdout.contains("--seed <hex>"))
        #expect(generate.stdout.contains("--show-secret"))
        #expect(generate.stdout.contains("--json"))
    }

    @Test func unknownCommandIsAUsageError() throws {
        let result = try CLIRunner.run(["did", "frobnicate"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("frobnicate"))
    }

    @Test func printsItsVersion() throws {
        let result = try CLIRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "0.1.0\n")
    }
}
