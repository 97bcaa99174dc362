import Foundation
import MedCredCore
import Testing

/// `medcred issue` (one credential and batches) and `medcred status` against a real `medcred serve`.
@Suite struct IssueCommandTests {
    static let holder = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"

    static func subject(
        licenseNumber: String = "MD-12345", profession: String = "physician", holder: String = IssueCommandTests.holder
    ) -> String {
        """
        {"id": "\(holder)", "licensee": {"familyName": "Okafor", "givenName": "Adaeze"}, \
        "profession": "\(profession)", "licenseNumber": "\(licenseNumber)", "jurisdiction": "US-CA", \
        "licensingBoard": {"name": "Medical Board of California"}, "originalLicensureDate": "2014-07-01"}
        """
    }

    /// Issues one licence with `board`'s token into `file`; its id.
    static func issue(
        _ server: CLIServer, tokenFile: String, format: String, into file: String, holder: String = holder
    ) throws -> String {
        let subjectFile = server.path("subject.json")
        try subject(holder: holder).write(toFile: subjectFile, atomically: true, encoding: .utf8)
        let result = try server.run([
            "issue", "--type", "MedicalLicenseCredential", "--subject", subjectFile, "--format", format, "--out", file,
            "--token-file", tokenFile,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(CLIServer.value("id", result.stdout))
    }

    @Test(arguments: ["di", "jwt"])
    func issuesOneLicenceThatVerifiesOnline(format: String) throws {
        let server = try CLIServer.start()
        defer { server.stop() }
        let board = try server.createBoard()
        let file = server.path("licence.\(format)")
        let id = try Self.issue(server, tokenFile: board.tokenFile, format: format, into: file)
        #expect(id.hasPrefix("urn:uuid:"))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        if format == "jwt" {
            #expect(text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        } else {
            let credential = try JSONValue(parsing: text)
            #expect(
                credential["issuer"]?.stringValue == board.did || credential["issuer"]?["id"]?.stringValue == board.did)
            #expect(credential["type"] == ["VerifiableCredential", "MedicalLicenseCredential"])
            #expect(credential["proof"]?["cryptosuite"]?.stringValue == "eddsa-jcs-2022")
        }
        let verified = try server.run(["verify", file])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(verified.stdout.hasPrefix("verified: yes\n"))
        for check in ["proof", "dataModel", "schema", "status", "accreditation"] {
            #expect(verified.stdout.contains("✓ \(check)\n"), "missing \(check)")
        }
    }

    /// `--cryptosuite` reaches the service as `options.cryptosuite`, for one credential and for a batch.
    @Test func issuesWithAnRDFCSuiteAndVerifiesOnline() throws {
        let server = try CLIServer.start()
        defer { server.stop() }
        let board = try server.createBoard()
        let subjectFile = server.path("subject.json")
        try Self.subject().write(toFile: subjectFile, atomically: true, encoding: .utf8)
        let file = server.path("licence.json")
        let one = try server.run([
            "issue", "--type", "MedicalLicenseCredential", "--subject", subjectFile, "--cryptosuite",
            "eddsa-rdfc-2022", "--out", file, "--token-file", board.tokenFile,
        ])
        #expect(one.status == 0, "\(one.stderr)")
        let credential = try JSONValue(parsing: try String(contentsOfFile: file, encoding: .utf8))
        #expect(credential["proof"]?["cryptosuite"]?.stringValue == "eddsa-rdfc-2022")
        let verified = try server.run(["verify", file])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(verified.stdout.contains("✓ status\n") && verified.stdout.contains("✓ accreditation\n"))

        let jsonl = server.path("batch.jsonl")
        let rows = (1...3).map { Self.subject(licenseNumber: "MD-90\($0)").replacingOccurrences(of: "\n", with: "") }
        try rows.joined(separator: "\n").write(toFile: jsonl, atomically: true, encoding: .utf8)
        let folder = server.path("issued")
        let batch = try server.run([
            "issue", "--batch", jsonl, "--type", "MedicalLicenseCredential", "--cryptosuite", "Ed25519Signature2020",
            "--out-dir", folder, "--token-file", board.tokenFile,
        ])
        #expect(batch.status == 0, "\(batch.stdout)\(batch.stderr)")
        let second = folder + "/row-2.json"
        let issued = try JSONValue(parsing: try String(contentsOfFile: second, encoding: .utf8))
        #expect(issued["proof"]?["type"]?.stringValue == "Ed25519Signature2020")
        #expect(try server.run(["verify", second]).status == 0)

        let refused = try server.run([
            "issue", "--type", "MedicalLicenseCredential", "--subject", subjectFile, "--format", "jwt",
            "--cryptosuite", "eddsa-rdfc-2022", "--token-file", board.tokenFile,
        ])
        #expect(refused.status == 64)
    }

    @Test func aBatchWithOneBadRowIssuesTheOthersAndReportsTheRow() throws {
        let server = try CLIServer.start()
        defer { server.stop() }
        let board = try server.createBoard()
        var lines = [
            "id,licensee.givenName,licensee.familyName,profession,licenseNumber,jurisdiction,licensingBoard.name,"
                + "originalLicensureDate,specialty"
        ]
        for row in 1...20 {
            // Row 13 has a stray quote: unparseable CSV.
            let given = row == 13 ? "Ada\"ze" : "Adaeze \(row)"
            lines.append(
                "\(Self.holder),\(given),\"Okafor, MD\",physician,MD-\(1000 + row),US-CA,Medical Board of California,"
                    + "2014-07-01,Internal Medicine")
        }
        let csv = server.path("licences.csv")
        try (lines.joined(separator: "\n") + "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let folder = server.path("issued")
        let result = try server.run([
            "issue", "--batch", csv, "--type", "MedicalLicenseCredential", "--out-dir", folder, "--token-file",
            board.tokenFile,
        ])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("issued 19, rejected 1 of 20"), "\(result.stdout)")
        #expect(result.stdout.contains("row 13 (line 14): invalid-csv"), "\(result.stdout)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.count == 19)
        #expect(!files.contains("row-13.json"))
        // Neighbours of the bad row are whole and carry their own subject.
        let row14 = try JSONValue(parsing: try String(contentsOfFile: folder + "/row-14.json", encoding: .utf8))
        #expect(row14["credentialSubject"]?["licenseNumber"]?.stringValue == "MD-1014")
        #expect(row14["credentialSubject"]?["licensee"]?["familyName"]?.stringValue == "Okafor, MD")
        let verified = try server.run(["verify", folder + "/row-14.json"])
        #expect(verified.status == 0, "\(verified.stdout)")
    }

    @Test func aJSONLBatchReportsSchemaFailuresWithTheirPointer() throws {
        let server = try CLIServer.start()
        defer { server.stop() }
        let board = try server.createBoard()
        let lines = [
            Self.subject(licenseNumber: "MD-1"), "{not json", Self.subject(licenseNumber: "MD-3", profession: "wizard"),
            Self.subject(licenseNumber: "MD-4"),
        ]
        let jsonl = server.path("licences.jsonl")
        try lines.joined(separator: "\n").write(toFile: jsonl, atomically: true, encoding: .utf8)
        let out = server.path("issued.jsonl")
        let result = try server.run([
            "issue", "--batch", jsonl, "--type", "MedicalLicenseCredential", "--out", out, "--json", "--token-file",
            board.tokenFile,
        ])
        #expect(result.status == 1, "\(result.stderr)")
        let summary = try JSONValue(parsing: result.stdout)
        #expect(summary["issued"] == .number(2))
        #expect(summary["rejected"] == .number(2))
        let errors = summary["errors"]?.arrayValue ?? []
        #expect(errors.compactMap { $0["row"]?.doubleValue } == [2, 3])
        #expect(errors.compactMap { $0["code"]?.stringValue } == ["invalid-json", "subject-invalid"])
        #expect(errors.last?["pointer"]?.stringValue == "/credentialSubject/profession")
        let issued = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(issued.count == 2)
    }

    @Test func suspendingFailsVerificationAndReinstatingRestoresIt() throws {
        let server = try CLIServer.start()
        defer { server.stop() }
        let board = try server.createBoard()
        let file = server.path("licence.json")
        let id = try Self.issue(server, tokenFile: board.tokenFile, format: "di", into: file)

        let suspend = try server.run(["status", "suspend", id, "--token-file", board.tokenFile])
        #expect(suspend.status == 0, "\(suspend.stderr)")
        #expect(CLIServer.value("status", suspend.stdout) == "suspended")
        let suspended = try server.run(["verify", file])
        #expect(suspended.status == 1)
        #expect(suspended.stdout.hasPrefix("verified: NO\n"))
        #expect(suspended.stdout.contains("✗ status\n"))
        #expect(suspended.stdout.contains("suspended"))

        let reinstate = try server.run(["status", "reinstate", id, "--token-file", board.tokenFile])
        #expect(CLIServer.value("status", reinstate.stdout) == "active")
        #expect(try server.run(["verify", file]).status == 0)

        let revoke = try server.run(["status", "revoke", id, "--token-file", board.tokenFile])
        #expect(revoke.status == 0)
        let revoked = try server.run(["verify", file])
        #expect(revoked.status == 1)
        #expect(revoked.stdout.contains("✗ status\n") && revoked.stdout.contains("revoked"), "\(revoked.stdout)")
        let again = try server.run(["status", "reinstate", id, "--token-file", board.tokenFile])
        #expect(again.status == 1)
        #expect(again.stderr.contains("credential-revoked"), "\(again.stderr)")
    }

    @Test func refusesABadTokenAndAnUnreachableServer() throws {
        let server = try CLIServer.start()
        defer { server.stop() }
        let subjectFile = server.path("subject.json")
        try Self.subject().write(toFile: subjectFile, atomically: true, encoding: .utf8)
        let bad = try server.run(
            [
                "issue", "--type", "MedicalLicenseCredential", "--subject", subjectFile, "--token",
                CLIServer.unknownToken,
            ],
            admin: false)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("token-unknown"), "\(bad.stderr)")
        let noToken = try server.run(["status", "revoke", "urn:uuid:1"], admin: false)
        #expect(noToken.status == 64)
        #expect(noToken.stderr.contains("no bearer token"))

        let down = try CLIRunner.run(
            [
                "issue", "--type", "MedicalLicenseCredential", "--subject", subjectFile, "--server",
                "http://127.0.0.1:1", "--token", "x",
            ], removing: CLIServer.environmentToClear)
        #expect(down.status == 2)
        #expect(down.stderr.contains("cannot reach"), "\(down.stderr)")
    }
}
