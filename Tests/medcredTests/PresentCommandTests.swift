import Foundation
import MedCredCore
import Testing

/// `medcred present`: presentations of wallet credentials that `presentation verify` accepts.
@Suite struct PresentCommandTests {
    let box: WalletSandbox

    init() throws { box = try WalletSandbox() }

    /// A wallet with a DID and a licence for it; returns the DID and the credential's wallet id.
    private func walletWithLicence() throws -> (did: String, id: String) {
        let did = try box.initWithDID()
        let received = try box.run(
            ["credential", "receive", try box.signedLicence(subject: did), "--wallet", box.wallet, "--json"])
        #expect(received.status == 0, "\(received.stderr)")
        return (did, try #require(try JSONValue(parsing: received.stdout)["id"]?.stringValue))
    }

    @Test(arguments: ["di", "jwt"])
    func presentsALicenceThatVerifiesForTheChallengeAndDomain(format: String) throws {
        defer { box.remove() }
        let (did, id) = try walletWithLicence()
        let presented = try box.run(
            [
                "present", "--credential", id, "--challenge", "c-123", "--domain", "telemedicine.example",
                "--format", format, "--wallet", box.wallet, "--out", box.path("vp"),
            ])
        #expect(presented.status == 0, "\(presented.stderr)")
        let verified = try CLIRunner.run(
            ["presentation", "verify", box.path("vp"), "--challenge", "c-123", "--domain", "telemedicine.example"])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(verified.stdout.hasPrefix("verified: yes"))
        let replayed = try CLIRunner.run(
            ["presentation", "verify", box.path("vp"), "--challenge", "other", "--domain", "telemedicine.example"])
        #expect(replayed.status == 1)
        if format == "di" {
            let vp = try JSONValue(parsing: Array(try Data(contentsOf: URL(fileURLWithPath: box.path("vp")))))
            #expect(vp["holder"]?.stringValue == did)
            #expect(vp["proof"]?["proofPurpose"]?.stringValue == "authentication")
            #expect(vp["proof"]?["verificationMethod"]?.stringValue?.hasPrefix(did + "#") == true)
        }
    }

    /// `--cryptosuite` signs the wallet's presentation with an RDFC suite, which verifies for its challenge.
    @Test func presentsWithEddsaRDFC2022() throws {
        defer { box.remove() }
        let (_, id) = try walletWithLicence()
        let presented = try box.run(
            [
                "present", "--credential", id, "--challenge", "c-123", "--domain", "telemedicine.example",
                "--cryptosuite", "eddsa-rdfc-2022", "--wallet", box.wallet, "--out", box.path("vp"),
            ])
        #expect(presented.status == 0, "\(presented.stderr)")
        let vp = try JSONValue(parsing: Array(try Data(contentsOf: URL(fileURLWithPath: box.path("vp")))))
        #expect(vp["proof"]?["cryptosuite"]?.stringValue == "eddsa-rdfc-2022")
        let verified = try CLIRunner.run(
            ["presentation", "verify", box.path("vp"), "--challenge", "c-123", "--domain", "telemedicine.example"])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
    }

    @Test func refusesAHolderOutsideTheWalletAndUnknownCredentials() throws {
        defer { box.remove() }
        let (_, id) = try walletWithLicence()
        let stranger = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
        let cases: [([String], Int32, String)] = [
            (["--credential", id, "--holder", stranger], 1, "is not a DID of the wallet"),
            (["--credential", "urn:uuid:nope"], 1, "no credential 'urn:uuid:nope' in the wallet"),
            ([], 65, "give at least one --credential"),
        ]
        for (extra, status, message) in cases {
            let result = try box.run(
                ["present", "--challenge", "c", "--domain", "d", "--wallet", box.wallet] + extra)
            #expect(result.status == status, "\(extra)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func presentsAJWTCredentialEnveloped() throws {
        defer { box.remove() }
        let did = try box.initWithDID()
        let jwt = try box.signedLicence(subject: did, name: "licence.jwt", format: "jwt")
        let received = try box.run(["credential", "receive", jwt, "--wallet", box.wallet, "--json"])
        #expect(received.status == 0, "\(received.stderr)")
        let id = try #require(try JSONValue(parsing: received.stdout)["id"]?.stringValue)
        let listed = try JSONValue(parsing: try box.run(["wallet", "list", "--wallet", box.wallet, "--json"]).stdout)
        #expect(listed["credentials"]?[0]?["format"]?.stringValue == "jwt")
        #expect(listed["credentials"]?[0]?["subject"]?.stringValue == did)
        let presented = try box.run(
            ["present", "--credential", id, "--challenge", "n-1", "--domain", "d.example", "--wallet", box.wallet])
        #expect(presented.status == 0, "\(presented.stderr)")
        let vp = try JSONValue(parsing: presented.stdout)
        #expect(vp["verifiableCredential"]?[0]?["type"]?.stringValue == "EnvelopedVerifiableCredential")
        let file = try box.write("vp.json", presented.stdout)
        let verified = try CLIRunner.run(
            ["presentation", "verify", file, "--challenge", "n-1", "--domain", "d.example"])
        #expect(verified.status == 0, "\(verified.stdout)")
        let exported = try box.run(["wallet", "export", id, "--wallet", box.wallet])
        #expect(
            exported.stdout == (try String(contentsOfFile: jwt, encoding: .utf8)).trimmingCharacters(
                in: .whitespacesAndNewlines) + "\n")
    }
}
