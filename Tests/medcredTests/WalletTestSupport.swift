import Foundation
import MedCredCore
import Testing

/// A temporary wallet folder and the commands the wallet tests run against it.
struct WalletSandbox {
    let folder: URL
    let env = ["MEDCRED_PASSPHRASE": "wallet passphrase"]

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("medcred-wallet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    var wallet: String { path("wallet") }
    var walletFile: String { path("wallet") + "/wallet.json" }
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws -> String {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
        return path(name)
    }

    /// Runs `medcred` with the wallet passphrase in the environment; `--wallet` is the caller's to add.
    func run(_ arguments: [String], passphrase: String? = nil) throws -> CLIRunner.Output {
        try CLIRunner.run(arguments, environment: ["MEDCRED_PASSPHRASE": passphrase ?? env["MEDCRED_PASSPHRASE"]!])
    }

    /// `wallet init` then `did create --method key`; returns the new DID.
    func initWithDID(label: String = "me") throws -> String {
        let created = try run(["wallet", "init", "--wallet", wallet])
        #expect(created.status == 0, "\(created.stderr)")
        let did = try run(["did", "create", "--method", "key", "--wallet", wallet, "--label", label])
        #expect(did.status == 0, "\(did.stderr)")
        return did.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A MedicalLicenseCredential for `subject`, signed by a did:key issuer with `credential sign`.
    func signedLicence(subject: String, name: String = "licence.json", format: String = "di") throws -> String {
        let key = try CLIRunner.run(
            ["did", "key", "generate", "--seed", String(repeating: "42", count: 32), "--out", path("issuer.key")],
            environment: env)
        #expect(key.status == 0 || key.stderr.contains("exists"), "\(key.stderr)")
        let draft = try write(
            "draft.json",
            """
            {"@context": ["https://www.w3.org/ns/credentials/v2"],
             "type": ["VerifiableCredential", "MedicalLicenseCredential"],
             "credentialSubject": {"id": "\(subject)", "licensee": {"givenName": "Adaeze", "familyName": "Okafor"},
               "profession": "physician", "licenseNumber": "MD-12345", "jurisdiction": "US-CA",
               "licensingBoard": {"name": "Medical Board of California"}, "originalLicensureDate": "2014-07-01"}}
            """)
        let signed = try CLIRunner.run(
            ["credential", "sign", draft, "--key", path("issuer.key"), "--format", format, "--out", path(name)],
            environment: env)
        #expect(signed.status == 0, "\(signed.stderr)")
        return path(name)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
