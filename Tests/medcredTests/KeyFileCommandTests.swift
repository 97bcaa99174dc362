import Foundation
import MedCredCore
import MedCredCrypto
import Testing

/// `medcred did key generate --out`: encrypted key files written safely.
@Suite struct KeyFileCommandTests {
    private let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("medcred-keyfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    @Test func writesAnEncryptedKeyFileReadableOnlyByItsOwner() throws {
        let keyPath = path("key.json")
        let seed = String(repeating: "0", count: 64)
        let result = try CLIRunner.run(
            ["did", "key", "generate", "--seed", seed, "--out", keyPath, "--json"],
            environment: ["MEDCRED_PASSPHRASE": "s3cret passphrase"])
        #expect(result.status == 0, "\(result.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: keyPath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let data = try #require(FileManager.default.contents(atPath: keyPath))
        let file = try EncryptedKeyFile(parsing: Array(data))
        #expect(file.controller.description == "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp")
        let key = try file.open(passphrase: SecretBytes(Array("s3cret passphrase".utf8)))
        #expect(
            key.publicKey.rawRepresentation
                == (try Ed25519.PrivateKey(seed: [UInt8](repeating: 0, count: 32))).publicKey.rawRepresentation)
        #expect(throws: KeyFileError.wrongPassphrase) { try file.open(passphrase: SecretBytes(Array("wrong".utf8))) }
        // The secret never reaches the terminal.
        #expect(!result.stdout.contains("z3u2"))
    }

    @Test func readsThePassphraseFromAFile() throws {
        let passphrasePath = path("passphrase.txt")
        try "from a file\n".write(toFile: passphrasePath, atomically: true, encoding: .utf8)
        let keyPath = path("key.json")
        let result = try CLIRunner.run([
            "did", "key", "generate", "--out", keyPath, "--passphrase-file", passphrasePath,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let file = try EncryptedKeyFile(parsing: Array(try #require(FileManager.default.contents(atPath: keyPath))))
        _ = try file.open(passphrase: SecretBytes(Array("from a file".utf8)))
    }

    @Test func refusesToOverwriteAKeyFile() throws {
        let keyPath = path("key.json")
        let env = ["MEDCRED_PASSPHRASE": "pw"]
        #expect(try CLIRunner.run(["did", "key", "generate", "--out", keyPath], environment: env).status == 0)
        let before = FileManager.default.contents(atPath: keyPath)
        let again = try CLIRunner.run(["did", "key", "generate", "--out", keyPath], environment: env)
        #expect(again.status == 1)
        #expect(again.stderr.contains("refusing to overwrite"))
        #expect(FileManager.default.contents(atPath: keyPath) == before)
        let forced = try CLIRunner.run(["did", "key", "generate", "--out", keyPath, "--force"], environment: env)
        #expect(forced.status == 0)
        #expect(FileManager.default.contents(atPath: keyPath) != before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func refusesWithoutAPassphraseWhenNotOnATerminal() throws {
        let keyPath = path("key.json")
        let result = try CLIRunner.run(
            ["did", "key", "generate", "--out", keyPath], removing: ["MEDCRED_PASSPHRASE"], stdin: "")
        #expect(result.status == 1)
        #expect(result.stderr.contains("no passphrase"))
        #expect(!FileManager.default.fileExists(atPath: keyPath))
    }

    @Test func refusesAnEmptyPassphrase() throws {
        let keyPath = path("key.json")
        let result = try CLIRunner.run(
            ["did", "key", "generate", "--out", keyPath], environment: ["MEDCRED_PASSPHRASE": ""])
        #expect(result.status == 65)
        #expect(result.stderr == "medcred: the passphrase is empty\n")
        #expect(!FileManager.default.fileExists(atPath: keyPath))
    }

    @Test func refusesAMissingPassphraseFile() throws {
        let result = try CLIRunner.run(
            ["did", "key", "generate", "--out", path("key.json"), "--passphrase-file", path("nope.txt")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot read the passphrase file"))
    }
}
