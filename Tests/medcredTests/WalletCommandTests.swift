import Foundation
import MedCredCore
import Testing

/// `medcred wallet …`, `did create --method key` and `credential receive` through the real binary.
@Suite struct WalletCommandTests {
    let box: WalletSandbox

    init() throws { box = try WalletSandbox() }

    private func mode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    @Test func initCreatesAnEncryptedWalletWithPrivateModes() throws {
        defer { box.remove() }
        let did = try box.initWithDID()
        #expect(did.hasPrefix("did:key:z6Mk"))
        let file = box.walletFile
        #expect(try mode(box.wallet) == 0o700)
        #expect(try mode(file) == 0o600)
        #expect(try mode(file + ".bak") == 0o600)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("\"MedCredWallet\"") && text.contains("argon2id"))
        #expect(!text.contains(did) && !text.contains("z3u2"), "the contents are sealed")
        let again = try box.run(["wallet", "init", "--wallet", box.wallet])
        #expect(again.status == 1 && again.stderr.contains("already exists"))
    }

    @Test func roundTripsImportListShowExportDelete() throws {
        defer { box.remove() }
        let did = try box.initWithDID()
        let licence = try box.signedLicence(subject: did)
        let imported = try box.run(["wallet", "import", licence, "--wallet", box.wallet, "--json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let id = try #require(try JSONValue(parsing: imported.stdout)["id"]?.stringValue)
        #expect(id.hasPrefix("urn:"))

        let list = try box.run(["wallet", "list", "--wallet", box.wallet, "--json"])
        #expect(list.status == 0, "\(list.stderr)")
        let body = try JSONValue(parsing: list.stdout)
        #expect(body["dids"]?[0]?["did"]?.stringValue == did)
        #expect(body["dids"]?[0]?["label"]?.stringValue == "me")
        #expect(body["credentials"]?[0]?["id"]?.stringValue == id)
        #expect(body["credentials"]?[0]?["subject"]?.stringValue == did)
        #expect(body["credentials"]?[0]?["type"]?[1]?.stringValue == "MedicalLicenseCredential")
        #expect(body["credentials"]?[0]?["issuer"]?.stringValue?.hasPrefix("did:key:") == true)
        #expect(!list.stdout.contains("secretKeyMultibase"))
        let text = try box.run(["wallet", "list", "--wallet", box.wallet])
        #expect(text.stdout.contains("MedicalLicenseCredential from did:key:"))

        let show = try box.run(["wallet", "show", id, "--wallet", box.wallet])
        #expect(show.status == 0 && show.stdout.contains("\"licenseNumber\": \"MD-12345\""))
        let showKey = try box.run(["wallet", "show", did, "--wallet", box.wallet])
        #expect(showKey.stdout.contains("publicKeyMultibase:") && !showKey.stdout.contains("secret"))

        let exported = try box.run(["wallet", "export", id, "--wallet", box.wallet, "--out", box.path("out.json")])
        #expect(exported.status == 0, "\(exported.stderr)")
        let original = try JSONValue(parsing: Array(try Data(contentsOf: URL(fileURLWithPath: licence))))
        let copy = try JSONValue(parsing: Array(try Data(contentsOf: URL(fileURLWithPath: box.path("out.json")))))
        #expect(copy == original)
        let verified = try CLIRunner.run(["credential", "verify", box.path("out.json")])
        #expect(verified.status == 0, "\(verified.stdout)")

        let duplicate = try box.run(["wallet", "import", licence, "--wallet", box.wallet])
        #expect(duplicate.status == 1 && duplicate.stderr.contains("already in the wallet"))
        let deleted = try box.run(["wallet", "delete", id, "--wallet", box.wallet])
        #expect(deleted.status == 0)
        let after = try JSONValue(parsing: try box.run(["wallet", "list", "--wallet", box.wallet, "--json"]).stdout)
        #expect(after["credentials"]?.arrayValue?.isEmpty == true)
        let missing = try box.run(["wallet", "show", id, "--wallet", box.wallet])
        #expect(missing.status == 1 && missing.stderr.contains("no credential or DID"))
    }

    @Test func exportsAKeyOnlyWhenConfirmed() throws {
        defer { box.remove() }
        let did = try box.initWithDID()
        let plain = try box.run(["wallet", "export", did, "--wallet", box.wallet])
        #expect(plain.status == 0 && plain.stdout.contains(did) && !plain.stdout.contains("z3u2"))
        let unconfirmed = try box.run(
            ["wallet", "export", did, "--include-secret", "--out", box.path("k.key"), "--wallet", box.wallet])
        #expect(unconfirmed.status == 64 || unconfirmed.status == 65)
        #expect(!FileManager.default.fileExists(atPath: box.path("k.key")))
        let confirmed = try box.run(
            ["wallet", "export", did, "--include-secret", "--yes", "--out", box.path("k.key"), "--wallet", box.wallet])
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(try mode(box.path("k.key")) == 0o600)
        // The exported key file imports into another wallet under the same DID.
        let other = box.path("other")
        #expect(try box.run(["wallet", "init", "--wallet", other]).status == 0)
        let imported = try box.run(["wallet", "import", box.path("k.key"), "--wallet", other])
        #expect(imported.status == 0 && imported.stdout.contains(did), "\(imported.stderr)")
    }

    @Test func refusesAWrongPassphraseWithoutChangingTheWallet() throws {
        defer { box.remove() }
        _ = try box.initWithDID()
        let before = try Data(contentsOf: URL(fileURLWithPath: box.walletFile))
        for arguments in [["wallet", "list"], ["did", "create", "--method", "key"]] {
            let result = try box.run(arguments + ["--wallet", box.wallet], passphrase: "not it")
            #expect(result.status == 1)
            #expect(result.stderr == "medcred: wrong passphrase (or the wallet is damaged)\n")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: box.walletFile)) == before)
    }

    @Test func reportsATruncatedWalletAndTheBackupWithoutOverwriting() throws {
        defer { box.remove() }
        _ = try box.initWithDID()
        let file = box.walletFile
        let whole = try Data(contentsOf: URL(fileURLWithPath: file))
        let truncated = whole.prefix(whole.count / 2)
        try truncated.write(to: URL(fileURLWithPath: file))
        for arguments in [["wallet", "list"], ["did", "create", "--method", "key"]] {
            let result = try box.run(arguments + ["--wallet", box.wallet])
            #expect(result.status == 65)
            #expect(result.stderr.contains("is damaged"))
            #expect(result.stderr.contains("it was not changed"))
            #expect(result.stderr.contains("wallet.json.bak' opens: restore it with `cp "))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == truncated)
        // Following the advice restores the previous version (the wallet before the DID was added).
        try FileManager.default.removeItem(atPath: file)
        try FileManager.default.copyItem(atPath: file + ".bak", toPath: file)
        #expect(try box.run(["wallet", "list", "--wallet", box.wallet]).status == 0)
    }

    @Test func tellsWhenThereIsNoWallet() throws {
        defer { box.remove() }
        let result = try box.run(["wallet", "list", "--wallet", box.wallet])
        #expect(result.status == 1 && result.stderr.contains("wallet init"))
        let env = try CLIRunner.run(
            ["wallet", "init"], environment: ["MEDCRED_WALLET": box.path("env"), "MEDCRED_PASSPHRASE": "x"])
        #expect(env.status == 0 && FileManager.default.fileExists(atPath: box.path("env") + "/wallet.json"))
    }

    @Test func receivesAValidCredentialAndRefusesATamperedOne() throws {
        defer { box.remove() }
        let did = try box.initWithDID()
        let licence = try box.signedLicence(subject: did)
        let received = try box.run(["credential", "receive", licence, "--wallet", box.wallet])
        #expect(received.status == 0, "\(received.stderr)")
        #expect(received.stdout.contains("verified: yes"))
        #expect(received.stderr.isEmpty)

        var document = try JSONValue(parsing: Array(try Data(contentsOf: URL(fileURLWithPath: licence))))
        var subject = try #require(document["credentialSubject"])
        subject.setMember("licenseNumber", "MD-99999")
        document.setMember("credentialSubject", subject)
        let tampered = try box.write("tampered.json", document.serialized())
        let refused = try box.run(["credential", "receive", tampered, "--wallet", box.wallet])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("medcred: the credential does not verify: proof"), "\(refused.stderr)")
        let list = try JSONValue(parsing: try box.run(["wallet", "list", "--wallet", box.wallet, "--json"]).stdout)
        #expect(list["credentials"]?.arrayValue?.count == 1)
    }

    @Test func warnsWhenTheSubjectIsNotAWalletDID() throws {
        defer { box.remove() }
        _ = try box.initWithDID()
        let stranger = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
        let licence = try box.signedLicence(subject: stranger)
        let received = try box.run(["credential", "receive", licence, "--wallet", box.wallet])
        #expect(received.status == 0, "\(received.stderr)")
        #expect(received.stderr.contains("warning: the credential's subject is not one of the wallet's DIDs"))
    }

    @Test func concurrentChangesAreAllKept() async throws {
        defer { box.remove() }
        _ = try box.initWithDID()
        let box = self.box
        let created = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<6 {
                group.addTask {
                    let result = try box.run(
                        ["did", "create", "--method", "key", "--label", "k\(index)", "--wallet", box.wallet])
                    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        let list = try JSONValue(parsing: try box.run(["wallet", "list", "--wallet", box.wallet, "--json"]).stdout)
        let dids = Set((list["dids"]?.arrayValue ?? []).compactMap { $0["did"]?.stringValue })
        #expect(dids.count == 7)
        #expect(Set(created).isSubset(of: dids))
    }
}
