import Foundation
import MedCredCore
import Testing

/// `medcred did create|update|deactivate` for did:webvh and `did resolve --log` through the real binary.
@Suite struct DIDWebVHCommandTests {
    private let folder: URL
    private let env = ["MEDCRED_PASSPHRASE": "webvh test passphrase"]

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("medcred-webvh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
    private var logPath: String { path("did/did.jsonl") }

    private func logBytes() -> Data? { FileManager.default.contents(atPath: logPath) }

    private func run(_ arguments: [String], environment: [String: String]? = nil) throws -> CLIRunner.Output {
        try CLIRunner.run(arguments, environment: environment ?? env)
    }

    private func create(_ extra: [String] = []) throws -> String {
        let result = try run(
            ["did", "create", "--method", "webvh", "--domain", "medcred.example/issuers/clinic", "--out", path("did")]
                + extra + ["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONValue(parsing: result.stdout)["did"]?.stringValue)
    }

    private func resolve(_ did: String, _ extra: [String] = []) throws -> JSONValue {
        let result = try run(["did", "resolve", did, "--log", logPath, "--json"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONValue(parsing: result.stdout)
    }

    private func expectOneLineError(_ result: CLIRunner.Output, status: Int32, containing text: String) {
        #expect(result.status == status, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.hasPrefix("medcred: "))
        #expect(result.stderr.contains(text), "\(result.stderr)")
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
    }

    private func writeDocument(id: String) throws -> String {
        let document = """
            {"@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"], "id": "\(id)",
             "verificationMethod": [{"id": "\(id)#key-1", "type": "Multikey", "controller": "\(id)",
               "publicKeyMultibase": "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"}],
             "assertionMethod": ["\(id)#key-1"]}
            """
        try document.write(toFile: path("document.json"), atomically: true, encoding: .utf8)
        return path("document.json")
    }

    @Test func createsUpdatesRotatesAndDeactivatesWithPreRotation() throws {
        let did = try create(["--pre-rotation"])
        #expect(did.hasPrefix("did:webvh:") && did.hasSuffix(":medcred.example:issuers:clinic"))
        #expect(FileManager.default.fileExists(atPath: path("did/update.key")))
        #expect(FileManager.default.fileExists(atPath: path("did/next.key")))
        let first = try resolve(did)
        #expect(first["didDocumentMetadata"]?["versionNumber"] == .number(1))
        #expect(first["didDocument"]?["id"]?.stringValue == did)
        #expect(try resolve(did, ["--version-number", "1"]) == first)

        let plain = try run(["did", "update", "--dir", path("did"), "--document", try writeDocument(id: did)])
        expectOneLineError(plain, status: 1, containing: "--rotate")
        let updated = try run(
            ["did", "update", "--dir", path("did"), "--rotate", "--document", try writeDocument(id: did)])
        #expect(updated.status == 0, "\(updated.stderr)")
        let rotated = try run(["did", "update", "--dir", path("did"), "--rotate"])
        #expect(rotated.status == 0, "\(rotated.stderr)")

        let second = try resolve(did, ["--version-number", "2"])
        #expect(second["didDocument"]?["assertionMethod"]?[0]?.stringValue == did + "#key-1")
        #expect(try resolve(did, ["--version-number", "1"])["didDocument"]?["assertionMethod"] == nil)
        let secondID = try #require(second["didDocumentMetadata"]?["versionId"]?.stringValue)
        #expect(try resolve(did, ["--version-id", secondID])["didDocumentMetadata"] == second["didDocumentMetadata"])
        let secondTime = try #require(second["didDocumentMetadata"]?["versionTime"]?.stringValue)
        let atTime = try resolve(did, ["--version-time", secondTime])
        #expect(atTime["didDocumentMetadata"]?["versionNumber"] == .number(2))
        #expect(try resolve(did)["didDocumentMetadata"]?["versionNumber"] == .number(3))

        let deactivated = try run(["did", "deactivate", "--dir", path("did")])
        #expect(deactivated.status == 0, "\(deactivated.stderr)")
        let last = try resolve(did)
        #expect(last["didDocumentMetadata"]?["deactivated"] == .bool(true))
        // Under pre-rotation, deactivation first ends pre-rotation, then deactivates: two entries.
        #expect(last["didDocumentMetadata"]?["versionNumber"] == .number(5))
        let again = try run(["did", "update", "--dir", path("did"), "--document", try writeDocument(id: did)])
        expectOneLineError(again, status: 1, containing: "deactivated")

        let pretty = try run(["did", "resolve", did, "--log", logPath])
        #expect(pretty.status == 0)
        #expect(try JSONValue(parsing: pretty.stdout) == last)
        #expect(pretty.stdout.contains("\n  \"didDocument\""))
    }

    @Test func updatesWithoutPreRotationAndRefusesToRotate() throws {
        let did = try create()
        #expect(!FileManager.default.fileExists(atPath: path("did/next.key")))
        let updated = try run(["did", "update", "--dir", path("did"), "--document", try writeDocument(id: did)])
        #expect(updated.status == 0, "\(updated.stderr)")
        let before = logBytes()
        let rotate = try run(["did", "update", "--dir", path("did"), "--rotate"])
        expectOneLineError(rotate, status: 1, containing: "no next key is committed")
        #expect(logBytes() == before)
        let deactivated = try run(["did", "deactivate", "--dir", path("did")])
        #expect(deactivated.status == 0, "\(deactivated.stderr)")
        let last = try resolve(did)
        #expect(last["didDocumentMetadata"]?["deactivated"] == .bool(true))
        #expect(last["didDocumentMetadata"]?["versionNumber"] == .number(3))
    }

    @Test func refusesToRotateTwiceWithoutACommittedNextKey() throws {
        let did = try create(["--pre-rotation"])
        let final = try run(["did", "update", "--dir", path("did"), "--rotate", "--no-next-key"])
        #expect(final.status == 0, "\(final.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path("did/next.key")))
        let before = logBytes()
        let again = try run(["did", "update", "--dir", path("did"), "--rotate"])
        expectOneLineError(again, status: 1, containing: "no next key is committed")
        #expect(logBytes() == before)
        #expect(try resolve(did)["didDocumentMetadata"]?["versionNumber"] == .number(2))
    }

    @Test(arguments: ["ex ample.com", "example.com/issuers/../clinic", "127.0.0.1", "example.com:0", "example.com/"])
    func refusesABadDomain(domain: String) throws {
        let result = try run(["did", "create", "--method", "webvh", "--domain", domain, "--out", path("did")])
        expectOneLineError(result, status: 65, containing: "invalid --domain")
        #expect(!FileManager.default.fileExists(atPath: path("did/did.jsonl")))
        #expect(!FileManager.default.fileExists(atPath: path("did/update.key")))
    }

    @Test func refusesToOverwriteALog() throws {
        _ = try create()
        let before = logBytes()
        let result = try run(
            ["did", "create", "--method", "webvh", "--domain", "medcred.example", "--out", path("did")])
        expectOneLineError(result, status: 1, containing: "exists")
        #expect(logBytes() == before)
    }

    @Test func wrongPassphraseLeavesTheLogUnchanged() throws {
        let did = try create()
        let before = try #require(logBytes())
        let result = try run(
            ["did", "update", "--dir", path("did"), "--document", try writeDocument(id: did)],
            environment: ["MEDCRED_PASSPHRASE": "not the passphrase"])
        expectOneLineError(result, status: 1, containing: "cannot open")
        #expect(logBytes() == before)
        let deactivate = try run(
            ["did", "deactivate", "--dir", path("did")], environment: ["MEDCRED_PASSPHRASE": "wrong"])
        #expect(deactivate.status == 1)
        #expect(logBytes() == before)
    }

    @Test func rejectsACorruptLog() throws {
        let did = try create()
        let updated = try run(["did", "update", "--dir", path("did"), "--document", try writeDocument(id: did)])
        #expect(updated.status == 0, "\(updated.stderr)")
        let text = String(decoding: try #require(logBytes()), as: UTF8.self)
        let truncated = Data(text.dropLast(40).utf8)
        try truncated.write(to: URL(fileURLWithPath: logPath))
        let resolved = try run(["did", "resolve", did, "--log", logPath])
        expectOneLineError(resolved, status: 65, containing: "invalidDid")
        let update = try run(["did", "update", "--dir", path("did"), "--document", try writeDocument(id: did)])
        expectOneLineError(update, status: 65, containing: "corrupt DID log")
        #expect(logBytes() == truncated)
    }

    @Test func reportsAMissingVersion() throws {
        let did = try create()
        let result = try run(["did", "resolve", did, "--log", logPath, "--version-number", "99"])
        expectOneLineError(result, status: 1, containing: "notFound")
        let json = try run(["did", "resolve", did, "--log", logPath, "--version-number", "99", "--json"])
        #expect(try JSONValue(parsing: json.stdout)["didResolutionMetadata"]?["error"] == .string("notFound"))
    }

    @Test func rejectsBadFlagCombinations() throws {
        let did = try create()
        let cases: [([String], String)] = [
            (["did", "resolve", did, "--log", logPath, "--version-number", "1", "--version-id", "1-x"], "at most one"),
            (["did", "resolve", did, "--log", logPath, "--version-time", "yesterday"], "--version-time"),
            (["did", "resolve", did], "--log"),
            (
                ["did", "resolve", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "--log", logPath],
                "did:webvh"
            ),
            (["did", "update", "--dir", path("did"), "--no-next-key"], "--no-next-key"),
            (["did", "update", "--dir", path("did")], "nothing to update"),
            (["did", "create", "--method", "web", "--domain", "medcred.example", "--out", path("x")], "--method"),
        ]
        for (arguments, text) in cases {
            expectOneLineError(try run(arguments), status: 65, containing: text)
        }
    }

    @Test func rejectsADocumentForAnotherDID() throws {
        let did = try create()
        let before = logBytes()
        let result = try run(
            ["did", "update", "--dir", path("did"), "--document", try writeDocument(id: did + "x")])
        expectOneLineError(result, status: 65, containing: "id other than")
        #expect(logBytes() == before)
    }
}
